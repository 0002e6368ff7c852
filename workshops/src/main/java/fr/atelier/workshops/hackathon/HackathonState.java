package fr.atelier.workshops.hackathon;

import fr.atelier.workshops.core.Teams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hackathon in progress: the kit played, the teams and their workspaces, the day's stage and its
 * countdown, the pitch running order, jury seats and ballots. Immutable; {@code evolve} copies.
 *
 * @param deadline end of the current stage's countdown (epoch ms), null without one
 * @param timeUp the stage's countdown has run out (the facilitator still moves on)
 * @param pitched teams whose pitch has started: their solution canvas is public from then on
 * @param ballots by {@link Ballot#key()}
 */
public record HackathonState(
        HackathonKit kit,
        HackathonSettings settings,
        Teams teams,
        Map<String, TeamWork> work,
        Stage stage,
        Long stageStartedAt,
        Long deadline,
        boolean timeUp,
        List<String> pitchOrder,
        String pitching,
        Long pitchDeadline,
        boolean pitchTimeUp,
        List<String> pitched,
        List<JurySeat> jury,
        Map<String, Ballot> ballots,
        int ideaCount,
        int seatCount,
        Long revealedAt) {

    /** The day, in order. TEAMS: forming teams and choosing challenges; RESULTS: prizes shown. */
    public enum Stage { TEAMS, UNDERSTAND, IMAGINE, BUILD, PITCH, VOTE, RESULTS }

    /** One team's workspace: chosen challenge, canvas fields, ideas, who is writing where. */
    public record TeamWork(String challengeId, Map<String, FieldValue> fields, List<Idea> ideas, Map<String, Presence> presence) {
        public static final TeamWork EMPTY = new TeamWork(null, Map.of(), List.of(), Map.of());

        public TeamWork {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
            ideas = ideas == null ? List.of() : List.copyOf(ideas);
            presence = Collections.unmodifiableMap(new LinkedHashMap<>(presence == null ? Map.of() : presence));
        }

        public FieldValue field(String id) {
            return fields.getOrDefault(id, FieldValue.BLANK);
        }

        public Optional<Idea> idea(String id) {
            return ideas.stream().filter(i -> i.id().equals(id)).findFirst();
        }

        TeamWork withChallenge(String id) {
            return new TeamWork(id, fields, ideas, presence);
        }

        TeamWork withField(String id, FieldValue v) {
            Map<String, FieldValue> copy = new LinkedHashMap<>(fields);
            copy.put(id, v);
            return new TeamWork(challengeId, copy, ideas, presence);
        }

        TeamWork withIdeas(List<Idea> list) {
            return new TeamWork(challengeId, fields, list, presence);
        }

        TeamWork withPresence(String participantId, Presence p) {
            Map<String, Presence> copy = new LinkedHashMap<>(presence);
            if (p == null) {
                copy.remove(participantId);
            } else {
                copy.put(participantId, p);
            }
            return new TeamWork(challengeId, fields, ideas, copy);
        }
    }

    /** A canvas field's text; {@code rev} counts accepted edits (0: never written). */
    public record FieldValue(String text, int rev, String by, long at) {
        public static final FieldValue BLANK = new FieldValue("", 0, null, 0);
    }

    /** An idea of the Imagine phase and the teammates who put a dot on it. */
    public record Idea(String id, String text, String by, long at, List<String> dots) {
        public Idea {
            dots = dots == null ? List.of() : List.copyOf(dots);
        }
    }

    /** Someone is writing in {@code field} until {@code until} (epoch ms), unless they leave it first. */
    public record Presence(String field, long until) {}

    /**
     * A jury seat: the facilitator's invitation (only the SHA-256 of its token is kept) and who holds it
     * ({@code holder} null until claimed; the last phone that presents the token holds it).
     */
    public record JurySeat(String id, String label, String tokenHash, String holder, long at) {}

    /** One voter's scores for one team: a jury seat's, or a participant's public vote. */
    public record Ballot(String voter, boolean jury, String teamId, Map<String, Integer> scores, long at) {
        public Ballot {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }

        public String key() {
            return key(jury, voter, teamId);
        }

        public static String key(boolean jury, String voter, String teamId) {
            return (jury ? "jury:" : "public:") + voter + "|" + teamId;
        }
    }

    public static HackathonState initial() {
        return new HackathonState(null, HackathonSettings.DEFAULT, Teams.EMPTY.withSizeLimit(HackathonSettings.DEFAULT.teamSize()),
                Map.of(), Stage.TEAMS, null, null, false, List.of(), null, null, false, List.of(), List.of(), Map.of(), 0, 0, null);
    }

    public HackathonState {
        work = Collections.unmodifiableMap(new LinkedHashMap<>(work == null ? Map.of() : work));
        pitchOrder = pitchOrder == null ? List.of() : List.copyOf(pitchOrder);
        pitched = pitched == null ? List.of() : List.copyOf(pitched);
        jury = jury == null ? List.of() : List.copyOf(jury);
        ballots = Collections.unmodifiableMap(new LinkedHashMap<>(ballots == null ? Map.of() : ballots));
    }

    // ---- queries ----------------------------------------------------------------------------------

    public TeamWork workOf(String teamId) {
        return work.getOrDefault(teamId, TeamWork.EMPTY);
    }

    public Optional<JurySeat> seat(String seatId) {
        return jury.stream().filter(j -> j.id().equals(seatId)).findFirst();
    }

    /** The seat this participant holds, if any. */
    public Optional<JurySeat> seatOf(String participantId) {
        return jury.stream().filter(j -> participantId.equals(j.holder())).findFirst();
    }

    public boolean juror(String participantId) {
        return seatOf(participantId).isPresent();
    }

    /** A team's solution canvas is public once its pitch has started, or once the vote is open. */
    public boolean revealed(String teamId) {
        return pitched.contains(teamId) || stage.ordinal() >= Stage.VOTE.ordinal();
    }

    public boolean atLeast(Stage s) {
        return stage.ordinal() >= s.ordinal();
    }

    /** How many teams took this challenge. */
    public int teamsOn(String challengeId) {
        int n = 0;
        for (Teams.Team t : teams.teams()) {
            if (challengeId.equals(workOf(t.id()).challengeId())) {
                n++;
            }
        }
        return n;
    }

    // ---- copies (used by evolve) --------------------------------------------------------------------

    HackathonState withKit(HackathonKit k, HackathonSettings s) {
        return new HackathonState(k, s, teams.withSizeLimit(s.teamSize()), work, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withTeams(Teams t) {
        return new HackathonState(kit, settings, t, work, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withWork(String teamId, TeamWork w) {
        Map<String, TeamWork> copy = new LinkedHashMap<>(work);
        copy.put(teamId, w);
        return new HackathonState(kit, settings, teams, copy, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withoutWork(String teamId) {
        Map<String, TeamWork> copy = new LinkedHashMap<>(work);
        copy.remove(teamId);
        return new HackathonState(kit, settings, teams, copy, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withStage(Stage s, long at, Long newDeadline, List<String> order) {
        return new HackathonState(kit, settings, teams, work, s, at, newDeadline, false,
                order, s == Stage.PITCH ? pitching : null, s == Stage.PITCH ? pitchDeadline : null, s == Stage.PITCH && pitchTimeUp,
                pitched, jury, ballots, ideaCount, seatCount, s == Stage.RESULTS ? Long.valueOf(at) : revealedAt);
    }

    HackathonState withDeadline(Long newDeadline, boolean up) {
        return new HackathonState(kit, settings, teams, work, stage, stageStartedAt, newDeadline, up,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withPitch(List<String> order, String team, Long until, boolean up, List<String> done) {
        return new HackathonState(kit, settings, teams, work, stage, stageStartedAt, deadline, timeUp,
                order, team, until, up, done, jury, ballots, ideaCount, seatCount, revealedAt);
    }

    HackathonState withJury(List<JurySeat> seats, int count, Map<String, Ballot> b) {
        return new HackathonState(kit, settings, teams, work, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, seats, b, ideaCount, count, revealedAt);
    }

    HackathonState withBallots(Map<String, Ballot> b) {
        return new HackathonState(kit, settings, teams, work, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, b, ideaCount, seatCount, revealedAt);
    }

    HackathonState withIdeaCount(int n) {
        return new HackathonState(kit, settings, teams, work, stage, stageStartedAt, deadline, timeUp,
                pitchOrder, pitching, pitchDeadline, pitchTimeUp, pitched, jury, ballots, n, seatCount, revealedAt);
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
