package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the facilitator runs the quiz. {@code secondsPerQuestion} (live; null: no countdown),
 * {@code timeLimitMinutes} (challenge), {@code teamSize} (null: no limit), {@code selfTeams}:
 * participants may create and join teams themselves.
 */
public record QuizSettings(Pacing pacing, Integer secondsPerQuestion, Integer timeLimitMinutes, boolean speedBonus,
                           boolean partialCredit, Integer teamSize, boolean selfTeams) {

    public enum Pacing {
        /** The facilitator shows one question at a time to the whole room. */
        @JsonProperty("live") LIVE,
        /** Each team goes through every question at its own pace within a global time limit. */
        @JsonProperty("challenge") CHALLENGE
    }

    public static final int SECONDS_MIN = 5;
    public static final int SECONDS_MAX = 600;
    public static final int MINUTES_MIN = 1;
    public static final int MINUTES_MAX = 240;

    public static final QuizSettings DEFAULT = new QuizSettings(Pacing.LIVE, 60, 30, true, true, 6, true);

    public boolean live() {
        return pacing == Pacing.LIVE;
    }

    /** Null when valid, else a French message. */
    public String problem() {
        if (pacing == null) {
            return "Choisissez le déroulement : en direct ou en défi chronométré.";
        }
        if (secondsPerQuestion != null && (secondsPerQuestion < SECONDS_MIN || secondsPerQuestion > SECONDS_MAX)) {
            return "Le temps par question doit être compris entre " + SECONDS_MIN + " et " + SECONDS_MAX + " secondes.";
        }
        if (pacing == Pacing.CHALLENGE && timeLimitMinutes == null) {
            return "Indiquez la durée du défi, en minutes.";
        }
        if (timeLimitMinutes != null && (timeLimitMinutes < MINUTES_MIN || timeLimitMinutes > MINUTES_MAX)) {
            return "La durée du défi doit être comprise entre " + MINUTES_MIN + " et " + MINUTES_MAX + " minutes.";
        }
        return fr.atelier.workshops.core.Teams.problemWithSizeLimit(teamSize);
    }
}
