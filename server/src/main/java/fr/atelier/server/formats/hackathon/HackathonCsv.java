package fr.atelier.server.formats.hackathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The hackathon's rows in the CSV export, after the common sections: one row per team (project,
 * scores, prizes), then scores per criterion, the ideas with their dots, and every canvas field.
 * Decimal numbers use a comma, for spreadsheet software set to French.
 */
public final class HackathonCsv {
    private HackathonCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        JsonNode teams = results.path("teams");
        rows.add(List.of("Hackathon", "Défis", results.path("kitTitle").asText("")));
        rows.add(List.of("", "Bulletins du jury", Integer.toString(results.path("juryBallots").asInt()),
                "Votes du public", Integer.toString(results.path("publicBallots").asInt()),
                "Prix proclamés", results.path("revealed").asBoolean() ? "oui" : "non"));
        rows.add(List.of());
        rows.add(List.of("Équipes", "Équipe", "Défi", "Membres", "Projet", "Pitch", "Public cible", "Comment ça marche",
                "Ressources nécessaires", "Premier pas", "Idées", "Ordre de passage", "Note du jury (sur 5)", "Bulletins du jury",
                "Rang jury", "Note du public (sur 5)", "Votes du public", "Rang public", "Prix du jury", "Prix du public"));
        for (JsonNode t : teams) {
            List<String> row = new ArrayList<>();
            row.add("");
            row.add(t.path("name").asText());
            row.add(t.path("challengeTitle").asText(""));
            List<String> members = new ArrayList<>();
            t.path("members").forEach(m -> members.add(m.asText()));
            row.add(String.join(", ", members));
            for (String field : List.of("name", "pitch", "target", "how", "resources", "firstStep")) {
                row.add(field(t.path("solution"), field));
            }
            row.add(Integer.toString(t.path("ideas").size()));
            row.add(t.path("pitchPosition").isNumber() ? t.path("pitchPosition").asText() : "");
            row.add(number(t.path("jury").path("total")));
            row.add(Integer.toString(t.path("jury").path("ballots").asInt()));
            row.add(t.path("jury").path("rank").isNumber() ? t.path("jury").path("rank").asText() : "");
            row.add(number(t.path("public").path("total")));
            row.add(Integer.toString(t.path("public").path("ballots").asInt()));
            row.add(t.path("public").path("rank").isNumber() ? t.path("public").path("rank").asText() : "");
            row.add(t.path("juryPrize").asBoolean() ? "oui" : "");
            row.add(t.path("publicPrize").asBoolean() ? "oui" : "");
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(List.of("Notes par critère", "Équipe", "Critère", "Poids", "Moyenne du jury", "Moyenne du public"));
        for (JsonNode t : teams) {
            for (JsonNode c : results.path("rubric")) {
                String id = c.path("id").asText();
                rows.add(List.of("", t.path("name").asText(), c.path("label").asText(), c.path("weight").asText(),
                        number(t.path("jury").path("criteria").path(id)), number(t.path("public").path("criteria").path(id))));
            }
        }
        rows.add(List.of());
        rows.add(List.of("Idées", "Équipe", "Idée", "Proposée par", "Gommettes"));
        for (JsonNode t : teams) {
            for (JsonNode i : t.path("ideas")) {
                rows.add(List.of("", t.path("name").asText(), i.path("text").asText(), i.path("author").asText(""),
                        Integer.toString(i.path("dots").asInt())));
            }
        }
        rows.add(List.of());
        rows.add(List.of("Canevas", "Équipe", "Canevas", "Champ", "Texte", "Versions"));
        for (JsonNode t : teams) {
            for (String canvas : List.of("problem", "solution")) {
                for (JsonNode f : t.path(canvas)) {
                    rows.add(List.of("", t.path("name").asText(), canvas.equals("problem") ? "Persona et problème" : "Solution",
                            f.path("label").asText(), f.path("text").asText(""), Integer.toString(f.path("revisions").asInt())));
                }
            }
        }
    }

    private static String field(JsonNode fields, String id) {
        for (JsonNode f : fields) {
            if (id.equals(f.path("id").asText())) {
                return f.path("text").asText("");
            }
        }
        return "";
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? java.math.BigDecimal.valueOf(n.asDouble()).stripTrailingZeros().toPlainString().replace('.', ',') : "";
    }
}
