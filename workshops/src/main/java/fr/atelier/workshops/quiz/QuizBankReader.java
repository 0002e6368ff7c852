package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizBankCheck.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizBank.Source;
import fr.atelier.workshops.quiz.QuizBank.Type;
import fr.atelier.workshops.quiz.QuizBankCheck.Lines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads a bank from a JSON/YAML tree, lenient about what a person types, noting each problem with its line. */
final class QuizBankReader {
    final Lines lines;
    final List<Problem> problems;

    QuizBankReader(Lines lines, List<Problem> problems) {
        this.lines = lines;
        this.problems = problems;
    }

    void problem(String path, String message) {
        problems.add(new Problem(lines.near(path), message));
    }

    QuizBank bank(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "Le fichier doit décrire une banque de questions : id, title, description et questions.");
            return null;
        }
        unknownKeys(root, "", BANK_KEYS, "la banque");
        String id = string(root, "id", "", "l'identifiant de la banque");
        String title = string(root, "title", "", "le titre de la banque");
        String description = string(root, "description", "", "la description de la banque");
        JsonNode qs = root.get("questions");
        List<Question> questions = new ArrayList<>();
        if (qs == null || qs.isNull()) {
            questions = null;
        } else if (!qs.isArray()) {
            problem("questions", "« questions » doit être une liste de questions.");
        } else {
            for (int i = 0; i < qs.size(); i++) {
                Question q = question(qs.get(i), "questions/" + i, i);
                if (q != null) {
                    questions.add(q);
                }
            }
        }
        return new QuizBank(id, title, description, questions);
    }

    Question question(JsonNode node, String path, int index) {
        String label = "question n° " + (index + 1);
        if (node == null || !node.isObject()) {
            problem(path, "La " + label + " doit être un objet (id, type, text, answer...).");
            return null;
        }
        if (node.hasNonNull("id") && node.get("id").isValueNode()) {
            label = "question « " + node.get("id").asText() + " »";
        }
        unknownKeys(node, path, QUESTION_KEYS, "la " + label);
        String id = string(node, "id", path, "l'identifiant de la " + label);
        String typeName = string(node, "type", path, "le type de la " + label);
        Type type = null;
        if (typeName != null) {
            type = typeOf(typeName);
            if (type == null) {
                problem(path + "/type", "Type inconnu « " + typeName + " » pour la " + label
                        + " : single, multiple, truefalse, number ou text.");
            }
        }
        String text = string(node, "text", path, "le texte de la " + label);
        List<Choice> choices = choices(node.get("choices"), path + "/choices", label);
        JsonNode answer = type == null ? null : answer(node.get("answer"), path + "/answer", type, label);
        Double tolerance = number(node.get("tolerance"), path + "/tolerance", "La tolérance de la " + label);
        String explanation = string(node, "explanation", path, "l'explication de la " + label);
        Source source = source(node.get("source"), path + "/source", label);
        QuizBank.Image image = image(node.get("image"), path + "/image", label);
        Integer points = null;
        JsonNode p = node.get("points");
        if (p != null && !p.isNull()) {
            Double d = number(p, path + "/points", "Les points de la " + label);
            if (d != null) {
                if (d != Math.rint(d)) {
                    problem(path + "/points", "Les points de la " + label + " doivent être un nombre entier.");
                } else {
                    points = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
                }
            }
        }
        String theme = string(node, "theme", path, "le thème de la " + label);
        Integer seconds = null;
        JsonNode sec = node.get("seconds");
        if (sec != null && !sec.isNull()) {
            Double d = number(sec, path + "/seconds", "Le temps de la " + label);
            if (d != null) {
                if (d != Math.rint(d)) {
                    problem(path + "/seconds", "Le temps de la " + label + " doit être un nombre entier de secondes.");
                } else {
                    seconds = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
                }
            }
        }
        return new Question(id, type, text, choices, answer, tolerance, explanation, source, image, points, theme, seconds);
    }

    List<Choice> choices(JsonNode node, String path, String label) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(path, "Les choix de la " + label + " doivent être une liste.");
            return null;
        }
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String p = path + "/" + i;
            if (c.isValueNode() && !c.isNull()) {
                out.add(new Choice(String.valueOf((char) ('a' + i)), c.asText()));
            } else if (c.isObject()) {
                unknownKeys(c, p, Set.of("id", "text"), "un choix de la " + label);
                out.add(new Choice(string(c, "id", p, "l'identifiant d'un choix de la " + label),
                        string(c, "text", p, "le texte d'un choix de la " + label)));
            } else {
                problem(p, "Choix illisible dans la " + label + " : écrivez { id: a, text: \"…\" }.");
            }
        }
        return out;
    }

    JsonNode answer(JsonNode node, String path, Type type, String label) {
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            problem(path, "Il manque la réponse de la " + label + ".");
            return null;
        }
        switch (type) {
            case SINGLE -> {
                if (node.isArray() && node.size() == 1 && node.get(0).isValueNode()) {
                    return TextNode.valueOf(node.get(0).asText().trim());
                }
                if (!node.isValueNode()) {
                    problem(path, "La réponse de la " + label + " (choix unique) doit être l'identifiant d'un choix.");
                    return null;
                }
                return TextNode.valueOf(node.asText().trim());
            }
            case MULTIPLE -> {
                ArrayNode ids = JsonNodeFactory.instance.arrayNode();
                if (node.isArray()) {
                    for (JsonNode n : node) {
                        if (!n.isValueNode()) {
                            problem(path, "La réponse de la " + label + " doit être une liste d'identifiants de choix.");
                            return null;
                        }
                        ids.add(n.asText().trim());
                    }
                } else if (node.isValueNode()) {
                    for (String part : node.asText().split("[|,]")) {
                        if (!part.isBlank()) {
                            ids.add(part.trim());
                        }
                    }
                } else {
                    problem(path, "La réponse de la " + label + " doit être une liste d'identifiants de choix.");
                    return null;
                }
                return ids;
            }
            case TRUEFALSE -> {
                if (node.isBoolean()) {
                    return node;
                }
                Boolean b = node.isTextual() ? truth(node.asText()) : null;
                if (b == null) {
                    problem(path, "La réponse de la " + label + " doit être vrai ou faux (true ou false).");
                    return null;
                }
                return BooleanNode.valueOf(b);
            }
            case NUMBER -> {
                Double d = number(node, path, "La réponse de la " + label);
                return d == null ? null : numberNode(d);
            }
            case TEXT -> {
                ArrayNode texts = JsonNodeFactory.instance.arrayNode();
                if (node.isArray()) {
                    for (JsonNode n : node) {
                        if (!n.isValueNode() || n.isNull()) {
                            problem(path, "Les réponses acceptées de la " + label + " doivent être des textes.");
                            return null;
                        }
                        texts.add(n.asText());
                    }
                } else if (node.isValueNode()) {
                    texts.add(node.asText());
                } else {
                    problem(path, "Les réponses acceptées de la " + label + " doivent être une liste de textes.");
                    return null;
                }
                return texts;
            }
            default -> throw new IllegalStateException("type " + type);
        }
    }

    Source source(JsonNode node, String path, String label) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String url = node.asText().trim();
            return new Source(hostOf(url), url);
        }
        if (!node.isObject()) {
            problem(path, "La source de la " + label + " doit indiquer un nom et une adresse : { name: …, url: … }.");
            return null;
        }
        unknownKeys(node, path, Set.of("name", "url"), "la source de la " + label);
        return new Source(string(node, "name", path, "le nom de la source de la " + label),
                string(node, "url", path, "l'adresse de la source de la " + label));
    }

    /** {@code image: /media/…} (an address without its text) or {@code image: {src: …, alt: …}}. */
    QuizBank.Image image(JsonNode node, String path, String label) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : new QuizBank.Image(node.asText(), null);
        }
        if (!node.isObject()) {
            problem(path, "L'image de la " + label + " doit indiquer son adresse et sa description : { src: …, alt: … }.");
            return null;
        }
        unknownKeys(node, path, new java.util.LinkedHashSet<>(List.of("src", "alt")), "l'image de la " + label);
        return new QuizBank.Image(string(node, "src", path, "l'adresse de l'image de la " + label),
                string(node, "alt", path, "la description de l'image de la " + label));
    }

    Double number(JsonNode node, String path, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            Double d = parseNumber(node.asText());
            if (d != null) {
                return d;
            }
        }
        problem(path, what + " doit être un nombre (par exemple 12 ou 2,5).");
        return null;
    }

    String string(JsonNode parent, String key, String path, String what) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            problem(join(path, key), capitalise(what) + " doit être un texte.");
            return null;
        }
        return n.asText();
    }

    void unknownKeys(JsonNode node, String path, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problem(join(path, k), "Clé inconnue « " + k + " » dans " + where + " (clés possibles : "
                        + String.join(", ", known) + ").");
            }
        }
    }
}
