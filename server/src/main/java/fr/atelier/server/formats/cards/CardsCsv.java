package fr.atelier.server.formats.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The card game's part of the CSV export: one block per round, the session's most cited items, the players' feelings (no names). */
public final class CardsCsv {
    private CardsCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        rows.add(List.of("Jeu de cartes", "Jeu", "Manches jouées"));
        rows.add(List.of("", results.path("deckTitle").asText(""), Integer.toString(results.path("roundsPlayed").asInt())));
        rows.add(List.of());
        rows.add(List.of("Manches", "Manche", "Carte situation", "Titre", "Carte structure", "Conseiller·e", "Personne accompagnée",
                "Grilles d'observation"));
        for (JsonNode r : results.path("rounds")) {
            rows.add(List.of("", r.path("number").asText(), r.path("caseNumber").asText(""), r.path("caseTitle").asText(""),
                    r.path("structureName").asText(""), r.path("counsellor").asText(""), r.path("beneficiary").asText(""),
                    Integer.toString(r.path("grids").asInt())));
        }
        rows.add(List.of());
        rows.add(List.of("Grilles", "Manche", "Rubrique", "Élément", "Mentions"));
        for (JsonNode r : results.path("rounds")) {
            String round = r.path("number").asText();
            for (JsonNode f : r.path("grid")) {
                String label = f.path("label").asText();
                for (JsonNode t : f.path("tally")) {
                    rows.add(List.of("", round, label, t.path("label").asText(), Integer.toString(t.path("count").asInt())));
                }
                for (JsonNode text : f.path("texts")) {
                    rows.add(List.of("", round, label, text.asText(), ""));
                }
            }
        }
        rows.add(List.of());
        top(rows, "Structures les plus citées", results.path("topStructures"));
        top(rows, "Dispositifs les plus cités", results.path("topSchemes"));
        rows.add(List.of("Ressentis des joueurs (sans nom)", "Rôle", "Ressenti"));
        for (JsonNode f : results.path("feelings")) {
            String role = f.path("role").asText();
            rows.add(List.of("", role.equals("counsellor") ? "Conseiller·e" : role.equals("beneficiary") ? "Personne accompagnée" : role,
                    f.path("text").asText()));
        }
    }

    private static void top(List<List<String>> rows, String title, JsonNode tallies) {
        rows.add(List.of(title, "Élément", "Mentions"));
        for (JsonNode t : tallies) {
            List<String> row = new ArrayList<>(List.of("", t.path("label").asText(), Integer.toString(t.path("count").asInt())));
            rows.add(row);
        }
        rows.add(List.of());
    }
}
