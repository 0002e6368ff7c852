package fr.atelier.workshops.core;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a content file read by {@link YamlContent} and collects what is wrong, each problem with
 * its line (the nearest enclosing node's line when the node itself has none) and a French message
 * naming {@code what} was being read. Shared by the libraries that import YAML.
 */
public final class YamlChecker {
    /** Identifiers of decks, cards, challenges...: lower case without accents, digits, - and _. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");

    private final Map<String, Integer> lines;
    public final List<Problem> problems = new ArrayList<>();

    /** {@code lines}: JSON pointer → line, as {@link YamlContent} records them. */
    public YamlChecker(Map<String, Integer> lines) {
        this.lines = lines;
    }

    public void problem(String pointer, String message) {
        String p = pointer;
        Integer line = lines.get(p);
        while (line == null && !p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
            line = lines.get(p);
        }
        problems.add(new Problem(line == null ? 0 : line, message));
    }

    public int lineOf(String pointer) {
        Integer l = lines.get(pointer);
        return l == null ? 0 : l;
    }

    public void keys(JsonNode node, String at, String what, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(at + "/" + name, what + " : clé inconnue « " + name + " » (attendues : "
                        + String.join(", ", new TreeSet<>(known)) + ").");
            }
        });
    }

    public boolean object(JsonNode node, String at, String what) {
        if (node == null || !node.isObject()) {
            problem(at, what + " : une fiche (clé : valeur) est attendue.");
            return false;
        }
        return true;
    }

    public JsonNode list(JsonNode parent, String at, String field, String what, int min, int max) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            if (min > 0) {
                problem(at, what + " : le champ « " + field + " » est obligatoire.");
            }
            return null;
        }
        if (!v.isArray()) {
            problem(at + "/" + field, what + " : « " + field + " » doit être une liste.");
            return null;
        }
        if (v.size() < min) {
            problem(at + "/" + field, what + " : « " + field + " » ne peut pas être vide.");
        }
        if (v.size() > max) {
            problem(at + "/" + field, what + " : « " + field + " » compte " + v.size() + " éléments, " + max + " au plus.");
        }
        return v;
    }

    public String text(JsonNode parent, String at, String field, String what, int max, boolean required) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problem(v == null ? at : at + "/" + field, what + " : le champ « " + field + " » est obligatoire.");
            }
            return null;
        }
        return string(v, at + "/" + field, what + " (« " + field + " »)", max);
    }

    /** A non-blank text of at most {@code max} characters, without surrounding spaces. */
    public String string(JsonNode v, String at, String what, int max) {
        if (v == null || !v.isTextual()) {
            problem(at, what + " : un texte est attendu.");
            return null;
        }
        String s = v.asText();
        if (s.isBlank()) {
            problem(at, what + " : texte vide.");
            return null;
        }
        if (s.strip().length() > max) {
            problem(at, what + " : " + s.strip().length() + " caractères, " + max + " au plus.");
        }
        return s.strip();
    }

    public void integer(JsonNode parent, String at, String field, String what, int min, int max, boolean required, String rule) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(at, what + " : le champ « " + field + " » est obligatoire.");
            }
            return;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            problem(at + "/" + field, what + " : " + rule);
        }
    }

    /**
     * A list item's required {@code id}, checked and unique among {@code seen} (a problem when it
     * repeats). Returns how messages name the item from then on: {@code named} of its id, or
     * {@code what} when it has none.
     */
    public String uniqueId(JsonNode item, String at, String what, Set<String> seen, UnaryOperator<String> named) {
        String id = id(item, at, "id", what);
        if (id == null) {
            return what;
        }
        String name = named.apply(id);
        if (!seen.add(id)) {
            problem(at + "/id", name + " : identifiant en double.");
        }
        return name;
    }

    public String id(JsonNode parent, String at, String field, String what) {
        String id = text(parent, at, field, what, 60, true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(at + "/" + field, what + " : l'identifiant « " + id
                    + " » ne doit contenir que des minuscules sans accent, des chiffres, - ou _.");
            return null;
        }
        return id;
    }
}
