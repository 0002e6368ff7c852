package fr.atelier.server.formats.hackathon;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.hackathon.Canvas;
import fr.atelier.workshops.hackathon.HackathonResultRows;
import fr.atelier.workshops.hackathon.HackathonScoring.Tally;
import fr.atelier.workshops.hackathon.HackathonViews;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The hackathon's rows in the CSV export, after the common sections: one row per team (project,
 * scores, prizes), then scores per criterion, the ideas with their dots, and every canvas field.
 * Decimal numbers use a comma, for spreadsheet software set to French.
 */
public final class HackathonCsv {
    private HackathonCsv() {}

    public static void rows(JsonNode json, List<List<String>> rows) {
        HackathonViews.Results results = Json.MAPPER.convertValue(json, HackathonViews.Results.class);
        HackathonResultRows r = HackathonResultRows.of(results);
        rows.add(List.of("Hackathon", "Défis", orEmpty(results.kitTitle())));
        rows.add(List.of("", "Bulletins du jury", Integer.toString(results.juryBallots()),
                "Votes du public", Integer.toString(results.publicBallots()),
                "Prix proclamés", results.revealed() ? "oui" : "non"));
        rows.add(List.of());
        rows.add(List.of("Équipes", "Équipe", "Défi", "Membres", "Projet", "Pitch", "Public cible", "Comment ça marche",
                "Ressources nécessaires", "Premier pas", "Idées", "Ordre de passage", "Note du jury (sur 5)", "Bulletins du jury",
                "Rang jury", "Note du public (sur 5)", "Votes du public", "Rang public", "Prix du jury", "Prix du public"));
        for (HackathonResultRows.Team t : r.teams()) {
            List<String> row = new ArrayList<>(List.of("", t.name(), orEmpty(t.challengeTitle()), String.join(", ", t.members())));
            for (String field : List.of("name", "pitch", "target", "how", "resources", "firstStep")) {
                row.add(t.solution().get(HackathonResultRows.SOLUTION_IDS.indexOf(field)));
            }
            row.add(Integer.toString(t.ideas()));
            row.add(orEmpty(t.pitchPosition()));
            row.addAll(tally(t.jury()));
            row.addAll(tally(t.publicVote()));
            row.add(t.juryPrize() ? "oui" : "");
            row.add(t.publicPrize() ? "oui" : "");
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(List.of("Notes par critère", "Équipe", "Critère", "Poids", "Moyenne du jury", "Moyenne du public"));
        for (HackathonResultRows.CriterionScore c : r.criteria()) {
            rows.add(List.of("", c.teamName(), c.label(), Integer.toString(c.weight()), number(c.jury()), number(c.publicVote())));
        }
        rows.add(List.of());
        rows.add(List.of("Idées", "Équipe", "Idée", "Proposée par", "Gommettes"));
        for (HackathonResultRows.Idea i : r.ideas()) {
            rows.add(List.of("", i.teamName(), i.text(), orEmpty(i.author()), Integer.toString(i.dots())));
        }
        rows.add(List.of());
        rows.add(List.of("Canevas", "Équipe", "Canevas", "Champ", "Texte", "Versions"));
        for (HackathonResultRows.Field f : r.fields()) {
            rows.add(List.of("", f.teamName(), f.canvas().equals(Canvas.PROBLEM) ? "Persona et problème" : "Solution",
                    f.label(), orEmpty(f.text()), Integer.toString(f.revisions())));
        }
    }

    /** Score, ballots and rank. */
    private static List<String> tally(Tally t) {
        return t == null ? List.of("", "0", "")
                : List.of(number(t.total()), Integer.toString(t.ballots()), orEmpty(t.rank()));
    }

    private static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String number(Double n) {
        return n == null ? "" : BigDecimal.valueOf(n).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
