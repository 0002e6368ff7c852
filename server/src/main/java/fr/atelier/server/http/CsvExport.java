package fr.atelier.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.live.Synthesis;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The synthesis as CSV for spreadsheet software set to French: UTF-8 with a BOM, ';' separators,
 * every cell quoted, and formula-looking cells defused.
 */
public final class CsvExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private CsvExport() {}

    /** Formats without their own rows get their results as JSON in one cell. */
    public static String of(Synthesis s, BiConsumer<JsonNode, List<List<String>>> formatRows) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Session", "Code", "Titre", "Format", "Créée le", "Démarrée le", "Terminée le", "Participants",
                "Réponses au questionnaire", "Satisfaction moyenne (sur 5)"));
        rows.add(List.of("", s.code(), s.title(), s.formatTitle(), time(s.createdAt()), time(s.startedAt()), time(s.endedAt()),
                Integer.toString(s.participants().size()), Integer.toString(s.satisfaction().count()),
                s.satisfaction().average() == null ? "" : s.satisfaction().average().toString().replace('.', ',')));
        rows.add(List.of());
        rows.add(List.of("Participants", "Pseudo", "Arrivée"));
        for (Synthesis.Person p : s.participants()) {
            rows.add(List.of("", p.nickname(), time(p.joinedAt())));
        }
        rows.add(List.of());
        rows.add(List.of("Satisfaction", "Note", "Nombre de réponses"));
        for (int i = 0; i < s.satisfaction().distribution().length; i++) {
            rows.add(List.of("", Integer.toString(i + 1), Integer.toString(s.satisfaction().distribution()[i])));
        }
        rows.add(List.of("Commentaires"));
        for (String c : s.satisfaction().comments()) {
            rows.add(List.of("", c));
        }
        rows.add(List.of());
        if (formatRows != null && s.results() != null) {
            formatRows.accept(s.results(), rows);
        } else {
            rows.add(List.of("Résultats", s.results() == null ? "" : s.results().toString()));
        }
        return write(rows);
    }

    /** UTF-8 BOM, ';' separators, CRLF, every cell quoted and defused. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
