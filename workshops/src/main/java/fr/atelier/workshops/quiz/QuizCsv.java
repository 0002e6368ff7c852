package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bank as CSV, for people who prefer a spreadsheet: UTF-8, {@code ;} between cells, one row per
 * question after a header row; optional lines {@code # id: …}, {@code # titre: …} and
 * {@code # description: …} before the header. Columns (any order, case and accents ignored):
 * {@code id; type; question; choix; reponse; tolerance; explication; source; lien; image; image_alt; points; theme; secondes}.
 * Only {@code type}, {@code question} and {@code reponse} are required. Several values in one cell
 * (choices, answers of a multiple-choice question, accepted texts) are separated by {@code |};
 * a choice may be written {@code a=Parcoursup} or just {@code Parcoursup} (its id is then its
 * letter). Documented with examples in {@code content/quiz/README.md}.
 */
public final class QuizCsv {
    static final String[] COLUMNS = {"id", "type", "question", "choix", "reponse", "tolerance", "explication", "source", "lien",
        "image", "image_alt", "points", "theme", "secondes"};
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("identifiant", "id"),
            Map.entry("type", "type"),
            Map.entry("question", "question"), Map.entry("text", "question"), Map.entry("texte", "question"),
            Map.entry("choix", "choix"), Map.entry("choices", "choix"),
            Map.entry("reponse", "reponse"), Map.entry("reponses", "reponse"), Map.entry("answer", "reponse"),
            Map.entry("tolerance", "tolerance"),
            Map.entry("explication", "explication"), Map.entry("explanation", "explication"),
            Map.entry("source", "source"), Map.entry("site", "source"), Map.entry("source_name", "source"),
            Map.entry("lien", "lien"), Map.entry("url", "lien"), Map.entry("adresse", "lien"), Map.entry("source_url", "lien"),
            Map.entry("image", "image"),
            Map.entry("image_alt", "image_alt"), Map.entry("alt", "image_alt"), Map.entry("texte_alternatif", "image_alt"),
            Map.entry("points", "points"),
            Map.entry("theme", "theme"), Map.entry("themes", "theme"),
            Map.entry("secondes", "secondes"), Map.entry("seconds", "secondes"), Map.entry("temps", "secondes"));
    private static final String DEFAULT_ID = "banque-importee";
    private static final String DEFAULT_TITLE = "Banque importée";

    private QuizCsv() {}

    /** One CSV record and the line it starts on. */
    record Row(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c.isBlank());
        }
    }

    // ---- import ------------------------------------------------------------------------------------

    static Parsed<QuizBank> parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = records(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        int headerAt = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String first = r.cells().get(0).trim();
            if (first.startsWith("#")) {
                int colon = first.indexOf(':');
                if (colon > 0) {
                    meta.put(Text.foldForComparison(first.substring(1, colon)), first.substring(colon + 1).trim());
                }
                continue;
            }
            headerAt = i;
            break;
        }
        if (headerAt < 0) {
            return new Parsed<>(null, List.of(new Problem(0, "Ligne d'en-tête introuvable : la première ligne doit nommer les colonnes "
                    + "(type;question;choix;reponse;…).")));
        }
        Row header = rows.get(headerAt);
        if (header.cells().size() == 1 && (header.cells().get(0).contains(",") || header.cells().get(0).contains("\t"))) {
            return new Parsed<>(null, List.of(new Problem(header.line(), "Les colonnes doivent être séparées par des points-virgules (;). "
                    + "Dans votre tableur, enregistrez au format « CSV (point-virgule) » en UTF-8.")));
        }
        Map<String, Integer> column = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String raw = header.cells().get(c).trim();
            if (raw.isEmpty()) {
                continue;
            }
            String name = ALIASES.get(Text.foldForComparison(raw).replace(' ', '_'));
            if (name == null) {
                problems.add(new Problem(header.line(), "Colonne inconnue « " + raw + " » (colonnes possibles : "
                        + String.join(", ", COLUMNS) + ")."));
            } else if (column.containsKey(name)) {
                problems.add(new Problem(header.line(), "La colonne « " + raw + " » apparaît deux fois."));
            } else {
                column.put(name, c);
            }
        }
        for (String required : List.of("type", "question", "reponse")) {
            if (!column.containsKey(required)) {
                problems.add(new Problem(header.line(), "Il manque la colonne « " + required + " »."));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        Map<String, Integer> lines = new HashMap<>();
        root.put("id", meta.getOrDefault("id", DEFAULT_ID));
        root.put("title", firstNonBlank(meta.get("titre"), meta.get("title"), DEFAULT_TITLE));
        String description = firstNonBlank(meta.get("description"), null, null);
        if (description != null) {
            root.put("description", description);
        }
        ArrayNode questions = root.putArray("questions");
        int n = 0;
        for (int i = headerAt + 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            if (r.cells().size() > header.cells().size() && !r.cells().subList(header.cells().size(), r.cells().size()).stream()
                    .allMatch(String::isBlank)) {
                problems.add(new Problem(r.line(), "Cette ligne a plus de cellules (" + r.cells().size() + ") que l'en-tête ("
                        + header.cells().size() + ") : un point-virgule de trop dans un texte ? Mettez le texte entre guillemets."));
                continue;
            }
            String path = "questions/" + n;
            lines.put(path, r.line());
            questions.add(question(r, column, n));
            n++;
        }
        QuizBankCheck.Lines where = path -> {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            if (path.startsWith("questions/")) {
                String[] parts = path.split("/");
                Integer l = lines.get("questions/" + parts[1]);
                return l == null ? 0 : l;
            }
            return header.line();
        };
        QuizBank bank = QuizBankCheck.fromTree(root, where, problems);
        if (bank != null) {
            problems.addAll(QuizBankCheck.check(bank, where, List.copyOf(problems)));
        }
        return QuizLibrary.result(bank, problems);
    }

    private static ObjectNode question(Row r, Map<String, Integer> column, int n) {
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        String id = cell(r, column, "id");
        q.put("id", id.isBlank() ? String.format("q%02d", n + 1) : id.trim());
        String typeName = cell(r, column, "type").trim();
        putIfGiven(q, "type", typeName);
        putIfGiven(q, "text", cell(r, column, "question"));
        QuizBank.Type type = QuizBankCheck.typeOf(typeName);
        List<Choice> choices = new ArrayList<>();
        String choiceCell = cell(r, column, "choix");
        if (!choiceCell.isBlank()) {
            ArrayNode cs = q.putArray("choices");
            List<String> parts = split(choiceCell);
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                int eq = part.indexOf('=');
                String cid = eq > 0 && eq <= 20 && part.substring(0, eq).trim().matches("[A-Za-z0-9_-]+")
                        ? part.substring(0, eq).trim() : String.valueOf((char) ('a' + i));
                String ctext = eq > 0 && cid.equals(part.substring(0, eq).trim()) ? part.substring(eq + 1).trim() : part;
                cs.addObject().put("id", cid).put("text", ctext);
                choices.add(new Choice(cid, ctext));
            }
        }
        String answer = cell(r, column, "reponse").trim();
        if (!answer.isEmpty()) {
            if (type == QuizBank.Type.MULTIPLE || type == QuizBank.Type.TEXT) {
                ArrayNode a = q.putArray("answer");
                for (String part : type == QuizBank.Type.MULTIPLE ? splitIds(answer) : split(answer)) {
                    a.add(type == QuizBank.Type.MULTIPLE ? choiceId(part, choices) : part);
                }
            } else if (type == QuizBank.Type.SINGLE) {
                q.put("answer", choiceId(answer, choices));
            } else {
                q.put("answer", answer);
            }
        }
        putIfGiven(q, "tolerance", cell(r, column, "tolerance").trim());
        putIfGiven(q, "explanation", cell(r, column, "explication"));
        String sourceName = cell(r, column, "source").trim();
        String url = cell(r, column, "lien").trim();
        if (!sourceName.isEmpty() || !url.isEmpty()) {
            ObjectNode s = q.putObject("source");
            if (!sourceName.isEmpty()) {
                s.put("name", sourceName);
            } else {
                s.put("name", QuizBankCheck.hostOf(url));
            }
            if (!url.isEmpty()) {
                s.put("url", url);
            }
        }
        String image = cell(r, column, "image").trim();
        String alt = cell(r, column, "image_alt").trim();
        if (!image.isEmpty() || !alt.isEmpty()) {
            ObjectNode i = q.putObject("image");
            putIfGiven(i, "src", image);
            putIfGiven(i, "alt", alt);
        }
        putIfGiven(q, "points", cell(r, column, "points").trim());
        putIfGiven(q, "theme", cell(r, column, "theme").trim());
        putIfGiven(q, "seconds", cell(r, column, "secondes").trim());
        return q;
    }

    /** A cell's value into the question's field, unless the cell is blank (the field is then absent). */
    private static void putIfGiven(ObjectNode q, String field, String value) {
        if (!value.isBlank()) {
            q.put(field, value);
        }
    }

    /** A choice given by its id, its letter or its exact text (accents and case ignored). */
    private static String choiceId(String given, List<Choice> choices) {
        String g = given.trim();
        for (Choice c : choices) {
            if (c.id().equals(g)) {
                return g;
            }
        }
        for (Choice c : choices) {
            if (Text.foldForComparison(c.id()).equals(Text.foldForComparison(g))
                    || Text.foldForComparison(c.text()).equals(Text.foldForComparison(g))) {
                return c.id();
            }
        }
        return g;
    }

    private static String cell(Row r, Map<String, Integer> column, String name) {
        Integer c = column.get(name);
        if (c == null || c >= r.cells().size()) {
            return "";
        }
        String v = r.cells().get(c);
        // Undo the spreadsheet-safety apostrophe that export puts before =, +, - or @.
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            v = v.substring(1);
        }
        return v;
    }

    private static List<String> split(String cell) {
        return split(cell, "\\|");
    }

    /** Choice ids may also be separated by commas. */
    private static List<String> splitIds(String cell) {
        return split(cell, "[|,]");
    }

    private static List<String> split(String cell, String separator) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(separator)) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }

    /** Splits CSV text into records (RFC 4180 with ';'), noting the line each record starts on. */
    static List<Row> records(String text, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                continue;
            }
            if (ch == '"' && cell.toString().isBlank() && !afterQuote) {
                quoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (ch == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new Row(start, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                line++;
                start = line;
            } else if (afterQuote) {
                if (!Character.isWhitespace(ch)) {
                    problems.add(new Problem(line, "Guillemet mal placé : un texte entre guillemets doit être suivi d'un point-virgule "
                            + "(et un guillemet dans le texte s'écrit \"\")."));
                    return rows;
                }
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            problems.add(new Problem(quoteLine, "Guillemet ouvert jamais refermé."));
            return rows;
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }

    // ---- export ------------------------------------------------------------------------------------

    static String export(QuizBank bank) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of("# id: " + bank.id()));
        line(out, List.of("# titre: " + bank.title()));
        if (bank.description() != null) {
            line(out, List.of("# description: " + bank.description().replace('\n', ' ')));
        }
        line(out, List.of(COLUMNS));
        for (Question q : bank.questions()) {
            List<String> cells = new ArrayList<>();
            cells.add(q.id());
            cells.add(q.type().wire());
            cells.add(q.text());
            List<String> choices = new ArrayList<>();
            if (q.choices() != null) {
                for (Choice c : q.choices()) {
                    choices.add(c.id() + "=" + c.text());
                }
            }
            cells.add(String.join(" | ", choices));
            cells.add(answer(q));
            cells.add(q.tolerance() == null ? "" : QuizScoring.formatNumber(q.tolerance()));
            cells.add(q.explanation() == null ? "" : q.explanation());
            cells.add(q.source() == null || q.source().name() == null ? "" : q.source().name());
            cells.add(q.source() == null || q.source().url() == null ? "" : q.source().url());
            cells.add(q.image() == null || q.image().src() == null ? "" : q.image().src());
            cells.add(q.image() == null || q.image().alt() == null ? "" : q.image().alt());
            cells.add(q.points() == null ? "" : q.points().toString());
            cells.add(q.theme() == null ? "" : q.theme());
            cells.add(q.seconds() == null ? "" : q.seconds().toString());
            line(out, cells);
        }
        return out.toString();
    }

    private static String answer(Question q) {
        JsonNode a = q.answer();
        return switch (q.type()) {
            case SINGLE -> a.asText();
            case MULTIPLE -> String.join(" | ", q.rightChoices());
            case TRUEFALSE -> a.asBoolean() ? "vrai" : "faux";
            case NUMBER -> QuizScoring.formatNumber(a.doubleValue());
            case TEXT -> String.join(" | ", q.acceptedTexts());
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            String v = cells.get(i) == null ? "" : cells.get(i);
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
