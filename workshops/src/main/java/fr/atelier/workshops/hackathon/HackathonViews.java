package fr.atelier.workshops.hackathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonScoring.Tally;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each audience sees. A team's workspace (canvases, ideas, who is writing) reaches only its
 * members' phones and the console; its solution canvas becomes public when its pitch starts; the
 * problem canvas and the ideas stay with the team. Scores reach phones and the projector only once
 * the facilitator reveals the prizes (a phone always sees its own ballots). Jury token hashes never
 * leave the state.
 */
public final class HackathonViews {
    private HackathonViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(Stage stage, Long stageStartedAt, Long deadline, boolean timeUp, HackathonSettings settings,
                       HackathonKit kit, List<TeamView> teams, PitchView pitch, MeView me, Workspace workspace,
                       Map<String, Map<String, Integer>> myScores, VoteProgress votes, List<SeatView> jury,
                       ResultsView results) {}

    /** A team as listed. Phones get nicknames only; the console also gets ids and the whole workspace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamView(String id, String name, List<String> members, List<MemberView> people, String challengeId,
                           int size, Boolean mine, Progress progress, Boolean pitched, Map<String, String> solution,
                           Workspace workspace) {}

    public record MemberView(String id, String nickname, boolean active) {}

    /** How far a team is, without its content: filled fields, ideas, people writing now. */
    public record Progress(int problem, int problemOf, int ideas, int solution, int solutionOf, int writing) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PitchView(List<String> order, String current, Long deadline, boolean timeUp, List<String> done) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeView(String teamId, boolean juror, String seat, Integer dotsLeft) {}

    public record Workspace(String teamId, Map<String, FieldView> fields, List<IdeaView> ideas, List<PresenceView> presence) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldView(String text, int rev, String by, Boolean mine, long at) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdeaView(String id, String text, String by, Boolean mine, int dots, Boolean dotted) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PresenceView(String field, String nickname, Boolean mine, long until) {}

    public record VoteProgress(int seats, int jurors, int juryBallots, int publicBallots) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeatView(String id, String label, String holderId, String holder, int ballots) {}

    public record ResultsView(boolean revealed, List<TeamScore> teams, List<String> juryPrize, List<String> publicPrize) {}

    public record TeamScore(String teamId, String name, Tally jury, @JsonProperty("public") Tally publicVote) {}

    // ---- views ---------------------------------------------------------------------------------------

    public static Object view(HackathonState s, Roster roster, Audience audience) {
        if (audience instanceof Audience.Participant me) {
            return phone(s, roster, me.id());
        }
        boolean console = audience instanceof Audience.Facilitator;
        List<TeamView> teams = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            TeamWork w = s.workOf(t.id());
            List<MemberView> people = null;
            if (console) {
                people = t.members().stream()
                        .map(id -> new MemberView(id, nickname(roster, id), roster.isActive(id))).toList();
            }
            teams.add(new TeamView(t.id(), t.name(), activeNicknames(roster, t), people, w.challengeId(), t.size(roster::isActive),
                    null, progress(w), s.pitched().contains(t.id()), s.revealed(t.id()) || console ? solution(w) : null,
                    console ? workspace(t.id(), w, roster, null) : null));
        }
        List<SeatView> seats = null;
        if (console) {
            seats = new ArrayList<>();
            for (JurySeat j : s.jury()) {
                int ballots = (int) s.ballots().values().stream().filter(b -> b.jury() && b.voter().equals(j.id())).count();
                seats.add(new SeatView(j.id(), j.label(), j.holder(), j.holder() == null ? null : nickname(roster, j.holder()), ballots));
            }
        }
        boolean results = console || s.stage() == Stage.RESULTS;
        return new View(s.stage(), s.stageStartedAt(), s.deadline(), s.timeUp(), s.settings(), s.kit(), teams, pitch(s), null, null,
                null, votes(s), seats, results ? results(s) : null);
    }

    private static View phone(HackathonState s, Roster roster, String me) {
        String myTeam = s.teams().teamIdOf(me);
        List<TeamView> teams = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            TeamWork w = s.workOf(t.id());
            boolean mine = t.id().equals(myTeam);
            teams.add(new TeamView(t.id(), t.name(), activeNicknames(roster, t), null, w.challengeId(), t.size(roster::isActive),
                    mine ? Boolean.TRUE : null, null, s.pitched().contains(t.id()), s.revealed(t.id()) ? solution(w) : null, null));
        }
        JurySeat seat = s.seatOf(me).orElse(null);
        Integer dotsLeft = null;
        Workspace workspace = null;
        if (myTeam != null) {
            TeamWork w = s.workOf(myTeam);
            dotsLeft = Math.max(0, s.settings().dots() - HackathonWork.dotsUsed(w, me));
            workspace = workspace(myTeam, w, roster, me);
        }
        Map<String, Map<String, Integer>> myScores = new LinkedHashMap<>();
        for (Ballot b : s.ballots().values()) {
            boolean mineBallot = seat != null ? b.jury() && b.voter().equals(seat.id()) : !b.jury() && b.voter().equals(me);
            if (mineBallot) {
                myScores.put(b.teamId(), b.scores());
            }
        }
        MeView meView = new MeView(myTeam, seat != null, seat == null ? null : seat.label(), dotsLeft);
        return new View(s.stage(), s.stageStartedAt(), s.deadline(), s.timeUp(), s.settings(), s.kit(), teams, pitch(s), meView,
                workspace, myScores, null, null, s.stage() == Stage.RESULTS ? results(s) : null);
    }

    private static PitchView pitch(HackathonState s) {
        if (!s.atLeast(Stage.PITCH)) {
            return null;
        }
        return new PitchView(s.pitchOrder(), s.pitching(), s.pitchDeadline(), s.pitchTimeUp(), s.pitched());
    }

    private static VoteProgress votes(HackathonState s) {
        int jury = 0;
        int crowd = 0;
        for (Ballot b : s.ballots().values()) {
            if (b.jury()) {
                jury++;
            } else {
                crowd++;
            }
        }
        int jurors = (int) s.jury().stream().filter(j -> j.holder() != null).count();
        return new VoteProgress(s.jury().size(), jurors, jury, crowd);
    }

    private static Progress progress(TeamWork w) {
        int problem = 0;
        int solution = 0;
        for (Canvas.Field f : Canvas.FIELDS) {
            if (!w.field(f.id()).text().isBlank()) {
                if (Canvas.PROBLEM.equals(f.canvas())) {
                    problem++;
                } else {
                    solution++;
                }
            }
        }
        return new Progress(problem, Canvas.of(Canvas.PROBLEM).size(), w.ideas().size(), solution,
                Canvas.of(Canvas.SOLUTION).size(), w.presence().size());
    }

    /** The solution canvas's written fields (the part a pitch makes public). */
    private static Map<String, String> solution(TeamWork w) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Canvas.Field f : Canvas.of(Canvas.SOLUTION)) {
            String text = w.field(f.id()).text();
            if (!text.isBlank()) {
                out.put(f.id(), text);
            }
        }
        return out;
    }

    /** {@code me} null: the console's copy (no "mine" flags). */
    private static Workspace workspace(String teamId, TeamWork w, Roster roster, String me) {
        Map<String, FieldView> fields = new LinkedHashMap<>();
        for (Canvas.Field f : Canvas.FIELDS) {
            FieldValue v = w.field(f.id());
            fields.put(f.id(), new FieldView(v.text(), v.rev(), v.by() == null ? null : nickname(roster, v.by()),
                    me == null || v.by() == null ? null : me.equals(v.by()), v.at()));
        }
        List<IdeaView> ideas = new ArrayList<>();
        List<Idea> sorted = new ArrayList<>(w.ideas());
        // Most supported first; equal support keeps the order of arrival.
        sorted.sort(Comparator.comparingInt((Idea i) -> -i.dots().size()));
        for (Idea i : sorted) {
            ideas.add(new IdeaView(i.id(), i.text(), nickname(roster, i.by()), me == null ? null : me.equals(i.by()),
                    i.dots().size(), me == null ? null : i.dots().contains(me)));
        }
        List<PresenceView> presence = new ArrayList<>();
        for (Map.Entry<String, Presence> p : w.presence().entrySet()) {
            presence.add(new PresenceView(p.getValue().field(), nickname(roster, p.getKey()),
                    me == null ? null : me.equals(p.getKey()), p.getValue().until()));
        }
        return new Workspace(teamId, fields, ideas, presence);
    }

    private static ResultsView results(HackathonState s) {
        Map<String, Tally> jury = HackathonScoring.tallies(s, true);
        Map<String, Tally> crowd = HackathonScoring.tallies(s, false);
        List<TeamScore> teams = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            teams.add(new TeamScore(t.id(), t.name(), jury.get(t.id()), crowd.get(t.id())));
        }
        return new ResultsView(s.stage() == Stage.RESULTS, teams, HackathonScoring.winners(jury), HackathonScoring.winners(crowd));
    }

    private static List<String> activeNicknames(Roster roster, Teams.Team t) {
        return t.members().stream().filter(roster::isActive).map(id -> nickname(roster, id)).toList();
    }

    private static String nickname(Roster roster, String id) {
        return roster.member(id).map(Roster.Member::nickname).orElse("?");
    }

    // ---- results (synthesis, archive, CSV) --------------------------------------------------------------

    /** The whole hackathon for the synthesis: every team's canvases, ideas and scores, and the prizes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(String kitId, String kitTitle, Stage stage, boolean revealed, List<ChallengeRef> challenges,
                          List<HackathonKit.Criterion> rubric, List<TeamResult> teams, List<String> juryPrize,
                          List<String> publicPrize, List<String> jury, int juryBallots, int publicBallots) {}

    public record ChallengeRef(String id, String title, int teams) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamResult(String id, String name, String challengeId, String challengeTitle, List<String> members,
                             List<FieldResult> problem, List<FieldResult> solution, List<IdeaResult> ideas, Tally jury,
                             @JsonProperty("public") Tally publicVote, boolean juryPrize, boolean publicPrize,
                             Integer pitchPosition) {}

    public record FieldResult(String id, String label, String text, int revisions) {}

    public record IdeaResult(String id, String text, String author, int dots) {}

    public static Results results(HackathonState s, Roster roster) {
        Map<String, Tally> jury = HackathonScoring.tallies(s, true);
        Map<String, Tally> crowd = HackathonScoring.tallies(s, false);
        List<String> juryPrize = HackathonScoring.winners(jury);
        List<String> publicPrize = HackathonScoring.winners(crowd);
        List<TeamResult> teams = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            TeamWork w = s.workOf(t.id());
            String challengeTitle = w.challengeId() == null || s.kit() == null ? null
                    : s.kit().challenge(w.challengeId()).map(HackathonKit.Challenge::title).orElse(null);
            List<IdeaResult> ideas = new ArrayList<>();
            for (IdeaView i : workspace(t.id(), w, roster, null).ideas()) {
                ideas.add(new IdeaResult(i.id(), i.text(), i.by(), i.dots()));
            }
            int position = s.pitchOrder().indexOf(t.id());
            teams.add(new TeamResult(t.id(), t.name(), w.challengeId(), challengeTitle,
                    t.members().stream().map(id -> nickname(roster, id)).toList(),
                    fields(w, Canvas.PROBLEM), fields(w, Canvas.SOLUTION), ideas, jury.get(t.id()), crowd.get(t.id()),
                    juryPrize.contains(t.id()), publicPrize.contains(t.id()), position < 0 ? null : position + 1));
        }
        List<ChallengeRef> challenges = new ArrayList<>();
        if (s.kit() != null) {
            for (HackathonKit.Challenge c : s.kit().challenges()) {
                challenges.add(new ChallengeRef(c.id(), c.title(), s.teamsOn(c.id())));
            }
        }
        List<String> jurors = s.jury().stream()
                .map(j -> j.holder() == null ? j.label() : j.label() + " (" + nickname(roster, j.holder()) + ")").toList();
        VoteProgress votes = votes(s);
        return new Results(s.kit() == null ? null : s.kit().id(), s.kit() == null ? null : s.kit().title(), s.stage(),
                s.stage() == Stage.RESULTS, challenges, s.kit() == null ? List.of() : s.kit().rubric(), teams, juryPrize,
                publicPrize, jurors, votes.juryBallots(), votes.publicBallots());
    }

    private static List<FieldResult> fields(TeamWork w, String canvas) {
        List<FieldResult> out = new ArrayList<>();
        for (Canvas.Field f : Canvas.of(canvas)) {
            FieldValue v = w.field(f.id());
            out.add(new FieldResult(f.id(), f.label(), v.text(), v.rev()));
        }
        return out;
    }
}
