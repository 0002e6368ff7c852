package fr.atelier.workshops.hackathon;

/**
 * How the facilitator runs the day. Every field is optional in the {@code hackathon.setup} command
 * ({@link #withDefaults()}); minutes of 0 mean "no countdown" for that phase.
 */
public record HackathonSettings(Integer teamSize, Boolean selfTeams, Integer understandMinutes, Integer imagineMinutes,
                                Integer buildMinutes, Integer voteMinutes, Integer pitchSeconds, Integer dots,
                                Boolean publicVote) {
    public static final int TEAM_SIZE_MAX = 12;
    public static final int MINUTES_MAX = 480;
    public static final int PITCH_SECONDS_MIN = 30;
    public static final int PITCH_SECONDS_MAX = 1800;
    public static final int DOTS_MAX = 10;

    public static final HackathonSettings DEFAULT = new HackathonSettings(5, true, 30, 30, 45, 10, 180, 3, true);

    public HackathonSettings withDefaults() {
        HackathonSettings d = DEFAULT;
        return new HackathonSettings(teamSize, selfTeams == null ? d.selfTeams : selfTeams,
                understandMinutes == null ? d.understandMinutes : understandMinutes,
                imagineMinutes == null ? d.imagineMinutes : imagineMinutes,
                buildMinutes == null ? d.buildMinutes : buildMinutes,
                voteMinutes == null ? d.voteMinutes : voteMinutes,
                pitchSeconds == null ? d.pitchSeconds : pitchSeconds,
                dots == null ? d.dots : dots,
                publicVote == null ? d.publicVote : publicVote);
    }

    /** Null when the (defaulted) settings can be played, else a French message. */
    public String problem() {
        if (teamSize != null && (teamSize < 1 || teamSize > TEAM_SIZE_MAX)) {
            return "La taille d'une équipe doit être comprise entre 1 et " + TEAM_SIZE_MAX + " personnes (ou sans limite).";
        }
        for (Integer m : new Integer[] {understandMinutes, imagineMinutes, buildMinutes, voteMinutes}) {
            if (m == null || m < 0 || m > MINUTES_MAX) {
                return "La durée d'une phase doit être comprise entre 0 (sans minuteur) et " + MINUTES_MAX + " minutes.";
            }
        }
        if (pitchSeconds == null || pitchSeconds < PITCH_SECONDS_MIN || pitchSeconds > PITCH_SECONDS_MAX) {
            return "Le temps de pitch doit être compris entre " + PITCH_SECONDS_MIN + " secondes et " + PITCH_SECONDS_MAX / 60 + " minutes.";
        }
        if (dots == null || dots < 1 || dots > DOTS_MAX) {
            return "Chaque membre dispose de 1 à " + DOTS_MAX + " gommettes pour voter pour les idées de son équipe.";
        }
        return null;
    }

    /** The default countdown of a phase, in minutes (0: none). */
    public int minutesFor(HackathonState.Stage stage) {
        return switch (stage) {
            case UNDERSTAND -> understandMinutes;
            case IMAGINE -> imagineMinutes;
            case BUILD -> buildMinutes;
            case VOTE -> voteMinutes;
            default -> 0;
        };
    }
}
