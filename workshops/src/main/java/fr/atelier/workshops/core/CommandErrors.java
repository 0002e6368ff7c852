package fr.atelier.workshops.core;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a Jackson decoding failure into a French refusal naming the field, never the parser or a
 * Java class (issue 11): {@code bad_message} when the frame is not a command we know (unknown type
 * or field), {@code invalid} when a known field holds a value of the wrong kind or out of range.
 */
final class CommandErrors {
    private static final int NAME_MAX = 40;

    private CommandErrors() {}

    static SessionCodec.BadCommand explain(String type, IOException e) {
        String command = "Commande « " + cut(type) + " »";
        if (e instanceof InvalidTypeIdException t && t.getPath().size() <= 1) {
            return new SessionCodec.BadCommand("bad_message", command + " inconnue.");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new SessionCodec.BadCommand("bad_message",
                    command + " mal formée : champ inconnu « " + cut(path(u, u.getPropertyName())) + " ».");
        }
        InputCoercionException range = rangeError(e);
        // A number out of range inside a map is reported at the map (the parser is closed by then): « scores ».
        String field = e instanceof JsonMappingException m ? path(m, null) : null;
        String subject = field == null || field.isEmpty() ? "la commande" : "« " + cut(field) + " »";
        if (range != null) {
            return new SessionCodec.BadCommand("invalid", command + " mal formée : " + subject + " est un nombre hors des limites permises.");
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return new SessionCodec.BadCommand("invalid", command + " mal formée : " + subject + " doit être " + kind(mi.getTargetType()) + ".");
        }
        return new SessionCodec.BadCommand("invalid", command + " mal formée : " + subject + " n'a pas une valeur acceptée.");
    }

    private static InputCoercionException rangeError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException ice) {
                return ice;
            }
        }
        return null;
    }

    /** {@code settings.teamSize}, {@code options[2]}, {@code scores.clarte}. */
    private static String path(JsonMappingException e, String last) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        if (last != null && !b.toString().endsWith(last)) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(last);
        }
        return b.toString();
    }

    private static String kind(Class<?> t) {
        if (t == null) {
            return "une valeur d'un autre type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class || t == short.class
                || t == BigInteger.class) {
            return "un nombre entier";
        }
        if (t == Double.class || t == double.class || t == Float.class || t == float.class || t == BigDecimal.class) {
            return "un nombre";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "vrai ou faux (true ou false)";
        }
        if (CharSequence.class.isAssignableFrom(t)) {
            return "un texte";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "une liste";
        }
        if (t.isEnum()) {
            return "l'une des valeurs prévues";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "un objet";
        }
        return "un objet";
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > NAME_MAX ? one.substring(0, NAME_MAX) + "…" : one;
    }
}
