package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizBank.Source;
import fr.atelier.workshops.quiz.QuizBank.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a bank from a JSON/YAML tree (lenient about shapes a person types: "vrai", "2,5", a single
 * accepted text...) and checks that a bank is well formed, reporting every problem in French with
 * its line when the caller knows where each part came from.
 */
public final class QuizBankCheck {
    public static final int QUESTIONS_MAX = 200;
    public static final int ID_MAX = 60;
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int TEXT_MAX = 500;
    public static final int CHOICES_MIN = 2;
    public static final int CHOICES_MAX = 10;
    public static final int CHOICE_MAX = 200;
    public static final int ACCEPTED_MAX = 20;
    public static final int ACCEPTED_TEXT_MAX = 100;
    public static final int EXPLANATION_MAX = 2000;
    public static final int URL_MAX = 500;
    public static final int ALT_MAX = 300;
    public static final int POINTS_MAX = 1000;
    public static final int THEME_MAX = 60;
    public static final double NUMBER_MAX = 1e12;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    static final Pattern CHOICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    static final Pattern HTTP = Pattern.compile("https?://[^\\s\"<>]+", Pattern.CASE_INSENSITIVE);
    static final Set<String> BANK_KEYS = new LinkedHashSet<>(List.of("id", "title", "description", "questions"));
    static final Set<String> QUESTION_KEYS = new LinkedHashSet<>(List.of("id", "type", "text", "choices", "answer",
            "tolerance", "explanation", "source", "image", "points", "theme", "seconds"));
    static final Map<String, Type> TYPE_NAMES = Map.ofEntries(
            Map.entry("single", Type.SINGLE), Map.entry("unique", Type.SINGLE), Map.entry("choix unique", Type.SINGLE),
            Map.entry("multiple", Type.MULTIPLE), Map.entry("multiples", Type.MULTIPLE), Map.entry("choix multiples", Type.MULTIPLE),
            Map.entry("truefalse", Type.TRUEFALSE), Map.entry("true-false", Type.TRUEFALSE), Map.entry("vraifaux", Type.TRUEFALSE),
            Map.entry("vrai-faux", Type.TRUEFALSE), Map.entry("vrai ou faux", Type.TRUEFALSE), Map.entry("vrai/faux", Type.TRUEFALSE),
            Map.entry("number", Type.NUMBER), Map.entry("nombre", Type.NUMBER),
            Map.entry("text", Type.TEXT), Map.entry("texte", Type.TEXT), Map.entry("texte court", Type.TEXT));

    private QuizBankCheck() {}

    /** Where each part of a bank was read: a path such as {@code questions/3/answer} → its line (0: unknown). */
    @FunctionalInterface
    public interface Lines {
        int of(String path);

        Lines NONE = path -> 0;

        /** The line of the path, else of its closest known parent. */
        default int near(String path) {
            String p = path;
            while (true) {
                int line = of(p);
                if (line > 0 || p.isEmpty()) {
                    return line;
                }
                int slash = p.lastIndexOf('/');
                p = slash < 0 ? "" : p.substring(0, slash);
            }
        }
    }

    /** French name of a type, for messages and screens. */
    public static String typeName(Type t) {
        return switch (t) {
            case SINGLE -> "choix unique";
            case MULTIPLE -> "choix multiples";
            case TRUEFALSE -> "vrai ou faux";
            case NUMBER -> "nombre";
            case TEXT -> "texte court";
        };
    }

    public static Type typeOf(String name) {
        return name == null ? null : TYPE_NAMES.get(Text.foldForComparison(name));
    }

    // ---- tree → bank ------------------------------------------------------------------------------

    /** Builds a bank from a tree, adding a problem for each part it cannot read. */
    public static QuizBank fromTree(JsonNode root, Lines lines, List<Problem> problems) {
        QuizBankReader r = new QuizBankReader(lines, problems);
        return r.bank(root);
    }


    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "/" + key;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static JsonNode numberNode(double d) {
        return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? IntNode.valueOf((int) d) : DoubleNode.valueOf(d);
    }

    /** "vrai", "Faux", "true", "oui"... → a boolean; null when not recognised. */
    public static Boolean truth(String s) {
        String f = Text.foldForComparison(s == null ? "" : s);
        return switch (f) {
            case "vrai", "true", "oui", "v", "yes" -> Boolean.TRUE;
            case "faux", "false", "non", "f", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** "12", "2,5", " -3.75 ", "1 000" → a number; null when not a number. */
    public static Double parseNumber(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
        if (t.isEmpty() || !t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    // ---- semantic checks ---------------------------------------------------------------------------

    /** Every problem of a bank (empty when it can be played). */
    public static List<Problem> check(QuizBank bank, Lines lines) {
        return check(bank, lines, List.of());
    }

    /**
     * Same, after reading found {@code known} problems: a part the reader could not read is not
     * reported a second time as missing.
     */
    public static List<Problem> check(QuizBank bank, Lines lines, List<Problem> known) {
        List<Problem> out = new ArrayList<>();
        if (bank == null) {
            out.add(new Problem(0, "Aucune banque de questions."));
            return out;
        }
        if (Text.isBlank(bank.id())) {
            out.add(new Problem(lines.near("id"), "Il manque l'identifiant de la banque (id)."));
        } else if (bank.id().length() > ID_MAX || !ID.matcher(bank.id()).matches()) {
            out.add(new Problem(lines.near("id"), "L'identifiant de la banque ne doit contenir que des lettres sans accent, des chiffres, "
                    + "des tirets et des points (" + ID_MAX + " caractères au plus)."));
        }
        if (Text.isBlank(bank.title())) {
            out.add(new Problem(lines.near("title"), "Il manque le titre de la banque (title)."));
        } else if (Text.clean(bank.title()).length() > TITLE_MAX) {
            out.add(new Problem(lines.near("title"), "Le titre de la banque dépasse " + TITLE_MAX + " caractères."));
        }
        if (bank.description() != null && bank.description().length() > DESCRIPTION_MAX) {
            out.add(new Problem(lines.near("description"), "La description de la banque dépasse " + DESCRIPTION_MAX + " caractères."));
        }
        if (bank.questions() == null || bank.questions().isEmpty()) {
            if (!known.isEmpty()) {
                return out;
            }
            out.add(new Problem(lines.near("questions"), "La banque ne contient aucune question."));
            return out;
        }
        if (bank.questions().size() > QUESTIONS_MAX) {
            out.add(new Problem(lines.near("questions"), "Pas plus de " + QUESTIONS_MAX + " questions par banque."));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bank.questions().size(); i++) {
            checkQuestion(bank.questions().get(i), i, "questions/" + i, lines, ids, known, out);
        }
        return out;
    }

    static void checkQuestion(Question q, int index, String path, Lines lines, Set<String> ids, List<Problem> known,
                                      List<Problem> out) {
        String label = Text.isBlank(q.id()) ? "question n° " + (index + 1) : "question « " + q.id() + " »";
        java.util.function.BiConsumer<String, String> problem = (part, message) ->
                out.add(new Problem(lines.near(part == null ? path : path + "/" + part), message));
        if (Text.isBlank(q.id())) {
            problem.accept("id", "Il manque l'identifiant de la " + label + " (id).");
        } else if (q.id().length() > 40 || !ID.matcher(q.id()).matches()) {
            problem.accept("id", "L'identifiant de la " + label + " ne doit contenir que des lettres sans accent, des chiffres, "
                    + "des tirets et des points (40 caractères au plus).");
        } else if (!ids.add(q.id())) {
            problem.accept("id", "L'identifiant « " + q.id() + " » est utilisé par deux questions.");
        }
        if (Text.isBlank(q.text())) {
            problem.accept("text", "Il manque le texte de la " + label + ".");
        } else if (Text.clean(q.text()).length() > TEXT_MAX) {
            problem.accept("text", "Le texte de la " + label + " dépasse " + TEXT_MAX + " caractères.");
        }
        if (q.type() == null) {
            if (known.stream().noneMatch(p -> p.message().contains("Type inconnu") && p.message().contains(label))) {
                problem.accept("type", "Il manque le type de la " + label + " : single, multiple, truefalse, number ou text.");
            }
            return;
        }
        boolean withChoices = q.type() == Type.SINGLE || q.type() == Type.MULTIPLE;
        Set<String> choiceIds = new LinkedHashSet<>();
        if (withChoices) {
            if (q.choices() == null || q.choices().size() < CHOICES_MIN || q.choices().size() > CHOICES_MAX) {
                problem.accept("choices", "La " + label + " (" + typeName(q.type()) + ") doit proposer de " + CHOICES_MIN + " à "
                        + CHOICES_MAX + " choix.");
            }
            if (q.choices() != null) {
                for (int c = 0; c < q.choices().size(); c++) {
                    Choice choice = q.choices().get(c);
                    String cp = "choices/" + c;
                    if (Text.isBlank(choice.id()) || !CHOICE_ID.matcher(choice.id()).matches()) {
                        problem.accept(cp, "Le choix n° " + (c + 1) + " de la " + label
                                + " a besoin d'un identifiant court (lettres sans accent ou chiffres, par exemple a, b, c).");
                    } else if (!choiceIds.add(choice.id())) {
                        problem.accept(cp, "Deux choix de la " + label + " ont le même identifiant « " + choice.id() + " ».");
                    }
                    if (Text.isBlank(choice.text())) {
                        problem.accept(cp, "Le choix n° " + (c + 1) + " de la " + label + " n'a pas de texte.");
                    } else if (Text.clean(choice.text()).length() > CHOICE_MAX) {
                        problem.accept(cp, "Le choix n° " + (c + 1) + " de la " + label + " dépasse " + CHOICE_MAX + " caractères.");
                    }
                }
            }
        } else if (q.choices() != null && !q.choices().isEmpty()) {
            problem.accept("choices", "La " + label + " (" + typeName(q.type()) + ") ne propose pas de choix : retirez « choices ».");
        }
        JsonNode a = q.answer();
        if (a == null || a.isNull()) {
            if (known.stream().noneMatch(p -> p.message().contains("réponse") && p.message().contains(label))) {
                problem.accept("answer", "Il manque la réponse de la " + label + ".");
            }
        } else {
            switch (q.type()) {
                case SINGLE -> {
                    if (!a.isTextual()) {
                        problem.accept("answer", "La réponse de la " + label + " (choix unique) doit être l'identifiant d'un choix.");
                    } else if (!choiceIds.isEmpty() && !choiceIds.contains(a.asText())) {
                        problem.accept("answer", "La réponse « " + a.asText() + " » de la " + label + " ne fait pas partie des choix ("
                                + String.join(", ", choiceIds) + ").");
                    }
                }
                case MULTIPLE -> {
                    if (!a.isArray() || a.isEmpty()) {
                        problem.accept("answer", "La réponse de la " + label + " (choix multiples) doit lister au moins un identifiant de choix.");
                    } else {
                        Set<String> seen = new HashSet<>();
                        for (JsonNode n : a) {
                            if (!n.isTextual()) {
                                problem.accept("answer", "La réponse de la " + label + " doit lister des identifiants de choix.");
                            } else if (!choiceIds.isEmpty() && !choiceIds.contains(n.asText())) {
                                problem.accept("answer", "La réponse « " + n.asText() + " » de la " + label + " ne fait pas partie des choix ("
                                        + String.join(", ", choiceIds) + ").");
                            } else if (!seen.add(n.asText())) {
                                problem.accept("answer", "La réponse « " + n.asText() + " » de la " + label + " est écrite deux fois.");
                            }
                        }
                    }
                }
                case TRUEFALSE -> {
                    if (!a.isBoolean()) {
                        problem.accept("answer", "La réponse de la " + label + " doit être vrai ou faux (true ou false).");
                    }
                }
                case NUMBER -> {
                    if (!a.isNumber() || !Double.isFinite(a.doubleValue()) || Math.abs(a.doubleValue()) > NUMBER_MAX) {
                        problem.accept("answer", "La réponse de la " + label + " doit être un nombre.");
                    }
                }
                case TEXT -> {
                    if (!a.isArray() || a.isEmpty()) {
                        problem.accept("answer", "La " + label + " doit accepter au moins une réponse.");
                    } else if (a.size() > ACCEPTED_MAX) {
                        problem.accept("answer", "La " + label + " accepte au plus " + ACCEPTED_MAX + " réponses.");
                    } else {
                        for (JsonNode n : a) {
                            if (!n.isTextual() || Text.clean(n.asText()).isEmpty() || n.asText().length() > ACCEPTED_TEXT_MAX) {
                                problem.accept("answer", "Chaque réponse acceptée de la " + label + " doit faire de 1 à "
                                        + ACCEPTED_TEXT_MAX + " caractères.");
                                break;
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException("type " + q.type());
            }
        }
        if (q.tolerance() != null) {
            if (q.type() != Type.NUMBER) {
                problem.accept("tolerance", "La tolérance ne sert qu'aux questions de type number : retirez-la de la " + label + ".");
            } else if (q.tolerance() < 0 || !Double.isFinite(q.tolerance()) || q.tolerance() > NUMBER_MAX) {
                problem.accept("tolerance", "La tolérance de la " + label + " doit être un nombre positif ou nul.");
            }
        }
        if (q.explanation() != null && q.explanation().length() > EXPLANATION_MAX) {
            problem.accept("explanation", "L'explication de la " + label + " dépasse " + EXPLANATION_MAX + " caractères.");
        }
        if (q.source() != null) {
            Source s = q.source();
            if (Text.isBlank(s.name()) && Text.isBlank(s.url())) {
                problem.accept("source", "La source de la " + label + " est vide : indiquez le nom du site et son adresse.");
            }
            if (s.name() != null && s.name().length() > CHOICE_MAX) {
                problem.accept("source", "Le nom de la source de la " + label + " dépasse " + CHOICE_MAX + " caractères.");
            }
            if (!Text.isBlank(s.url()) && (s.url().length() > URL_MAX || !HTTP.matcher(s.url().trim()).matches())) {
                problem.accept("source", "L'adresse de la source de la " + label + " doit commencer par http:// ou https://.");
            }
        }
        if (q.image() != null) {
            String img = q.image().src() == null ? "" : q.image().src().trim();
            boolean sameSite = img.startsWith("/") && !img.startsWith("//") && !img.contains(" ");
            if (img.isEmpty()) {
                problem.accept("image", "Il manque l'adresse de l'image de la " + label + " (src).");
            } else if (img.length() > URL_MAX || !(sameSite || HTTP.matcher(img).matches())) {
                problem.accept("image", "L'image de la " + label + " doit être une adresse http(s):// ou un chemin du site commençant par /.");
            }
            if (Text.isBlank(q.image().alt())) {
                problem.accept("image", "Décrivez l'image de la " + label + " pour les personnes qui ne la voient pas (alt : texte "
                        + "alternatif obligatoire).");
            } else if (Text.clean(q.image().alt()).length() > ALT_MAX) {
                problem.accept("image", "La description de l'image de la " + label + " dépasse " + ALT_MAX + " caractères.");
            }
        }
        if (q.theme() != null && Text.clean(q.theme()).length() > THEME_MAX) {
            problem.accept("theme", "Le thème de la " + label + " dépasse " + THEME_MAX + " caractères.");
        }
        if (q.seconds() != null && (q.seconds() < QuizSettings.SECONDS_MIN || q.seconds() > QuizSettings.SECONDS_MAX)) {
            problem.accept("seconds", "Le temps de la " + label + " doit être compris entre " + QuizSettings.SECONDS_MIN + " et "
                    + QuizSettings.SECONDS_MAX + " secondes.");
        }
        if (q.points() != null && (q.points() < 1 || q.points() > POINTS_MAX)) {
            problem.accept("points", "Les points de la " + label + " doivent être compris entre 1 et " + POINTS_MAX + ".");
        }
    }

    /** A bank ready to store: trimmed texts (the console may send untidy text). */
    public static QuizBank tidy(QuizBank b) {
        List<Question> qs = new ArrayList<>();
        for (Question q : b.questions()) {
            List<Choice> choices = q.choices() == null ? null
                    : q.choices().stream().map(c -> new Choice(c.id().trim(), Text.clean(c.text()))).toList();
            Source source = q.source() == null ? null
                    : new Source(q.source().name() == null ? null : Text.clean(q.source().name()),
                            q.source().url() == null ? null : q.source().url().trim());
            String explanation = Text.isBlank(q.explanation()) ? null : Text.clean(q.explanation());
            QuizBank.Image image = q.image() == null || Text.isBlank(q.image().src()) ? null
                    : new QuizBank.Image(q.image().src().trim(), q.image().alt() == null ? null : Text.clean(q.image().alt()));
            qs.add(new Question(q.id().trim(), q.type(), Text.clean(q.text()), choices, q.answer(), q.tolerance(),
                    explanation, source, image, q.points(), Text.isBlank(q.theme()) ? null : Text.clean(q.theme()), q.seconds()));
        }
        return new QuizBank(b.id().trim(), Text.clean(b.title()), Text.isBlank(b.description()) ? null : Text.clean(b.description()), qs);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
