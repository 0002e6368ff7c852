package fr.atelier.server.workspace.bilan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a territory or the region did over a period (issue 18, items 3 and 4): every indicator of the
 * dashboards and of the annual report, days and months counted in Europe/Paris.
 */
public record Bilan(String scopeName, String territoryId, LocalDate from, LocalDate to, String zone, Instant generatedAt,
                    Totals totals, List<Month> months, List<FormatTotal> formats, List<TerritoryTotal> territories,
                    List<Count> publics, List<Structure> structures, List<Meeting> meetings, List<Count> satisfaction,
                    List<Trend> trend, List<CardItem> cardItems, List<CardCase> cardCases, List<Count> actionStatuses,
                    List<Action> actions, boolean actionsCut, List<Impact> impacts) {

    public static final String ZONE = "Europe/Paris";

    /** Sessions, devices (phones joined), people (declared team sizes counted), ratings and their average. */
    public record Totals(int sessions, long devices, long people, long ratings, BigDecimal satisfaction, int closedBySystem) {}

    /** One format in one month (YYYY-MM, Paris time). */
    public record Month(String month, String format, String formatTitle, int sessions, long devices, long people) {}

    public record FormatTotal(String format, String formatTitle, int sessions, long devices, long people, long ratings, BigDecimal satisfaction) {}

    public record TerritoryTotal(String territoryId, String name, int sessions, long people, long ratings, BigDecimal satisfaction) {}

    /** A counted category: a public reached (sessions, people), a satisfaction score, an action status. */
    public record Count(String code, String label, long count, long people) {}

    /** A partner structure met in {@code sessions} sessions. */
    public record Structure(String id, String name, String kind, String territory, long sessions) {}

    /** Two structures present together in {@code sessions} sessions. */
    public record Meeting(String a, String aName, String b, String bName, long sessions) {}

    /** The satisfaction of one month: ratings and their average. */
    public record Trend(String month, long ratings, BigDecimal average) {}

    /**
     * A door (kind "door": a structure) or a scheme of the card game: in how many played rounds a case
     * card suggested it, in how many of those the observers cited it, and in how many rounds in all.
     */
    public record CardItem(String kind, String key, String label, long suggestedRounds, long citedWhenSuggested, long citedRounds) {
        /** A blind spot: suggested in some rounds, cited in none of them. */
        public boolean blindSpot() {
            return suggestedRounds > 0 && citedWhenSuggested == 0;
        }
    }

    /** A case card played in {@code rounds} rounds, with its suggested items never cited. */
    public record CardCase(String deckId, int caseNumber, String title, long rounds, List<String> missedDoors, List<String> missedSchemes) {}

    /**
     * A territory's impact question (1–5) in one format: sessions where it was answered, answers and average
     * before and after, the change (after − before, both averages known) and the after answers by score 1–5.
     */
    public record Impact(String questionId, String question, String format, String formatTitle, long sessions, long beforeAnswers,
                         BigDecimal before, long afterAnswers, BigDecimal after, BigDecimal change, List<Long> afterScores) {}

    /** A Dessine-moi action of the scope's projects. */
    public record Action(String project, String title, String leadPartner, LocalDate deadline, String status, String statusLabel, Instant updatedAt) {}
}
