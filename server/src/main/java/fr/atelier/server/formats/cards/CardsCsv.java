package fr.atelier.server.formats.cards;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.cards.CardsResultRows;
import fr.atelier.workshops.cards.CardsState;
import fr.atelier.workshops.cards.CardsViews;
import fr.atelier.workshops.core.Json;
import java.util.List;

/** The card game's part of the CSV export: one block per round, the session's most cited items, the players' feelings (no names). */
public final class CardsCsv {
    private CardsCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        CardsResultRows r = CardsResultRows.of(Json.MAPPER.convertValue(results, CardsViews.Results.class));
        rows.add(List.of("Jeu de cartes", "Jeu", "Manches jouées"));
        rows.add(List.of("", orEmpty(r.deckTitle()), Integer.toString(r.roundsPlayed())));
        rows.add(List.of());
        rows.add(List.of("Manches", "Manche", "Carte situation", "Titre", "Carte structure", "Conseiller·e", "Personne accompagnée",
                "Grilles d'observation", "Dont grilles papier"));
        for (CardsResultRows.Round round : r.rounds()) {
            rows.add(List.of("", Integer.toString(round.number()), orEmpty(round.caseNumber()), orEmpty(round.caseTitle()),
                    orEmpty(round.structureName()), orEmpty(round.counsellor()), orEmpty(round.beneficiary()),
                    Integer.toString(round.grids()), Integer.toString(round.paperGrids())));
        }
        rows.add(List.of());
        rows.add(List.of("Grilles", "Manche", "Rubrique", "Élément", "Mentions"));
        for (CardsResultRows.GridLine line : r.grid()) {
            rows.add(List.of("", Integer.toString(line.round()), orEmpty(line.fieldLabel()), orEmpty(line.label()),
                    orEmpty(line.mentions())));
        }
        rows.add(List.of());
        top(rows, "Structures les plus citées", r.topStructures());
        top(rows, "Dispositifs les plus cités", r.topSchemes());
        rows.add(List.of("Ressentis des joueurs (sans nom)", "Rôle", "Ressenti"));
        for (CardsViews.FeelingResult f : r.feelings()) {
            String role = orEmpty(f.role());
            rows.add(List.of("", role.equals(CardsState.COUNSELLOR) ? "Conseiller·e"
                    : role.equals(CardsState.BENEFICIARY) ? "Personne accompagnée" : role, orEmpty(f.text())));
        }
    }

    private static void top(List<List<String>> rows, String title, List<CardsViews.Tally> tallies) {
        rows.add(List.of(title, "Élément", "Mentions"));
        for (CardsViews.Tally t : tallies) {
            rows.add(List.of("", orEmpty(t.label()), Integer.toString(t.count())));
        }
        rows.add(List.of());
    }

    private static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
