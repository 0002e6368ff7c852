package fr.atelier.workshops.hackathon;

import static org.assertj.core.api.Assertions.assertThat;
import static fr.atelier.workshops.core.Playthrough.participantId;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Gen;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Playthrough;
import fr.atelier.workshops.core.Playthrough.Move;
import fr.atelier.workshops.core.Property;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.Views;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * No phone ever sees another team's workspace before that team's pitch, nor its problem canvas and
 * ideas at all; no phone or projector sees a score before the prizes; no view holds a token hash.
 * Random command sequences from random actors go through the session decider, and after every step
 * every audience's JSON is searched for the texts it must not hold (every text written is unique,
 * so finding it means a leak).
 *
 * <p>The playing and the platform's checks are the shared harness ({@link Playthrough}, {@link Property}).
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link HackathonSecrecyPropertiesTest}.
 */
abstract class HackathonSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T09:00:00Z");
    /** A small kit (the built-in one's rubric): views are serialised after every step, content size only costs time. */
    static final HackathonKit KIT = new HackathonKit("essai", "Essai", null, List.of(
            new HackathonKit.Challenge("ecole-entreprise", "École et entreprise", "Rapprocher deux mondes.", List.of("Lycéens"),
                    List.of("Comment ?"), List.of(), 2),
            new HackathonKit.Challenge("competences", "Parler compétences", "Nommer ses compétences.", List.of(), List.of(), List.of(), null)),
            new HackathonLibrary().load("hack-ton-orientation").rubric());
    static final List<String> TOKENS = List.of("JuryToken-AAAAAAAAAAAAAAAA", "JuryToken-BBBBBBBBBBBBBBBB");
    static final List<String> FIELDS = Canvas.FIELDS.stream().map(Canvas.Field::id).toList();
    /** The jury tokens' hashes, in no view. */
    static final List<String> JURY_HASHES = TOKENS.stream().map(HackathonFormat::sha256).toList();
    static final String HIDDEN = "a team's text was kept from another team's phone";
    static final String PITCHED = "a pitched solution reached other phones";
    static final String BALLOTS_HIDDEN = "ballots were kept from phones and projector";

    private final HackathonFormat format = new HackathonFormat();
    private final Session<HackathonState, HackathonCommand, HackathonEvent> session = new Session<>(format);

    enum Kind { CREATE_TEAM, JOIN, LEAVE_TEAM, MOVE, BALANCE, CHOOSE, ADVANCE, EDIT, FOCUS, BLUR, IDEA, DOT, PITCH, CLAIM, SCORE,
        EXPIRE, LEAVE_SESSION }

    /** actor: a {@link Playthrough#senders sender code}. */
    record Step(Kind kind, int actor, int pick, int field, int seed) {}

    /** {@code teams}: how many teams the facilitator forms at the start (0: phones form them), drawn with {@code seed}. */
    record Scenario(int participants, int teams, long seed, List<Step> steps) {}

    static Gen<Scenario> scenarios() {
        Gen<Kind> kinds = Gen.<Kind>weighted()
                .or(2, Kind.CREATE_TEAM).or(4, Kind.JOIN).or(1, Kind.LEAVE_TEAM).or(1, Kind.MOVE)
                .or(1, Kind.BALANCE).or(2, Kind.CHOOSE).or(8, Kind.ADVANCE).or(14, Kind.EDIT)
                .or(3, Kind.FOCUS).or(1, Kind.BLUR).or(5, Kind.IDEA).or(3, Kind.DOT).or(3, Kind.PITCH)
                .or(1, Kind.CLAIM).or(6, Kind.SCORE).or(2, Kind.EXPIRE).or(1, Kind.LEAVE_SESSION);
        // No guest, no stranger: as many participant codes as the most who join.
        Gen<Integer> actors = Playthrough.senders(30, 2, 1, 0, 0, 10, 8);
        Gen<Integer> picks = Gen.between(0, 20);
        Gen<Integer> fields = Gen.between(0, FIELDS.size() - 1);
        Gen<Integer> seeds = Gen.between(0, 10_000);
        Gen<Step> step = r -> new Step(kinds.next(r), actors.next(r), picks.next(r), fields.next(r), seeds.next(r));
        Gen<Integer> participants = Gen.between(2, 8);
        Gen<Integer> teams = Gen.<Integer>weighted().or(1, 0).or(6, Gen.between(2, 3));
        Gen<List<Step>> steps = step.list(40, 100);
        return r -> new Scenario(participants.next(r), teams.next(r), r.nextLong(), steps.next(r));
    }

    /** Runs a scenario; {@code check} sees the playthrough after the setup and after every step. */
    private Playthrough<HackathonState> run(Scenario sc, Consumer<Playthrough<HackathonState>> check) {
        Playthrough<HackathonState> p = new Playthrough<>(session, "H4CK2X", "Hackathon de Chartres", START, sc.participants());
        p.must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
        p.must(Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.Setup(KIT, null)));
        for (String token : TOKENS) {
            p.must(Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.InviteJury(null, HackathonFormat.sha256(token))));
        }
        if (sc.teams() > 0) {
            p.must(Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.BalanceTeams(sc.seed(), sc.teams())));
        }
        int[] index = {0};
        p.playAll(sc.steps(), Duration.ofSeconds(20), step -> {
            index[0]++;
            Actor who = p.sender(step.actor(), usualSender(step, sc.participants()));
            SessionCommand command = command(step, p.state(), who, index[0], p.now(), sc.participants());
            return command == null ? null : new Move(who, command);
        }, check);
        return p;
    }

    private static Actor usualSender(Step step, int participants) {
        return switch (step.kind()) {
            case MOVE, BALANCE, ADVANCE, PITCH -> Actor.FACILITATOR;
            case EXPIRE -> Actor.SYSTEM;
            default -> Actor.participant(participantId(step.seed() % participants));
        };
    }

    private SessionCommand command(Step step, SessionState<HackathonState> ss, Actor who, int index, Instant now, int participants) {
        HackathonState s = ss.activity();
        List<Teams.Team> teams = s.teams().teams();
        String someTeam = teams.isEmpty() ? "t1" : teams.get(step.pick() % teams.size()).id();
        String me = who instanceof Actor.Participant p ? p.id() : participantId(step.pick() % participants);
        String myTeam = s.teams().teamIdOf(me);
        // In the Build phase, mostly the solution canvas (the one a pitch makes public).
        String field = s.stage() == Stage.BUILD && step.pick() % 3 != 0
                ? Canvas.of(Canvas.SOLUTION).get(step.field() % 6).id() : FIELDS.get(step.field());
        HackathonCommand c = switch (step.kind()) {
            case CREATE_TEAM -> new HackathonCommand.CreateTeam("Équipe " + index);
            case JOIN -> new HackathonCommand.JoinTeam(someTeam);
            case LEAVE_TEAM -> new HackathonCommand.LeaveTeam();
            case MOVE -> new HackathonCommand.MoveMember(participantId(step.seed() % participants), step.pick() == 0 ? null : someTeam);
            case BALANCE -> new HackathonCommand.BalanceTeams((long) step.seed(), 1 + step.pick() % 3);
            case CHOOSE -> new HackathonCommand.ChooseChallenge(who instanceof Actor.Facilitator ? someTeam : null,
                    KIT.challenges().get(step.pick() % KIT.challenges().size()).id());
            case ADVANCE -> {
                int next = Math.min(Stage.values().length - 1, s.stage().ordinal() + (step.pick() % 7 == 0 ? 2 : 1));
                yield new HackathonCommand.Advance(Stage.values()[next].name(), step.pick() % 4 == 0 ? 1 : null, (long) step.seed());
            }
            case EDIT -> {
                // Mostly from the field's current revision; sometimes from an older one (a conflict).
                int rev = myTeam == null ? 0 : s.workOf(myTeam).field(field).rev();
                String prefix = Canvas.field(field).get().canvas().equals(Canvas.PROBLEM) ? "ZPRB" : "ZSOL";
                String text = prefix + index + "X";
                if (field.equals("name")) {
                    text = text.substring(0, Math.min(text.length(), 60));
                }
                yield new HackathonCommand.Edit(field, step.pick() % 5 == 0 ? Math.max(0, rev - 1) : rev, text);
            }
            case FOCUS -> new HackathonCommand.Focus(field);
            case BLUR -> new HackathonCommand.Blur(field);
            case IDEA -> new HackathonCommand.AddIdea("ZIDEA" + index + "X");
            case DOT -> {
                TeamWork w = myTeam == null ? TeamWork.EMPTY : s.workOf(myTeam);
                String idea = w.ideas().isEmpty() ? "i1" : w.ideas().get(step.pick() % w.ideas().size()).id();
                yield new HackathonCommand.Dot(idea, step.seed() % 4 != 0);
            }
            case PITCH -> {
                List<String> order = s.pitchOrder();
                yield new HackathonCommand.Pitch(order.isEmpty() ? someTeam : order.get(step.pick() % order.size()));
            }
            case CLAIM -> new HackathonCommand.ClaimJury(TOKENS.get(step.pick() % TOKENS.size()));
            case SCORE -> {
                Map<String, Integer> scores = new LinkedHashMap<>();
                int v = step.seed();
                for (HackathonKit.Criterion cr : KIT.rubric()) {
                    scores.put(cr.id(), 1 + v % 5);
                    v /= 5;
                }
                // Mostly a team that has pitched (the others are refused, which is checked too).
                List<String> open = teams.stream().map(Teams.Team::id).filter(s::revealed).toList();
                yield new HackathonCommand.Score(open.isEmpty() || step.pick() % 4 == 0 ? someTeam : open.get(step.pick() % open.size()), scores);
            }
            case EXPIRE -> {
                Instant deadline = format.nextDeadline(s);
                yield deadline == null ? null : format.timeUp(s, deadline.isAfter(now) ? now : deadline);
            }
            case LEAVE_SESSION -> null;
        };
        if (step.kind() == Kind.LEAVE_SESSION) {
            return who instanceof Actor.Participant ? new PlatformCommand.Leave() : null;
        }
        return c == null ? null : new ActivityCommand(c);
    }

    @Test
    void no_phone_sees_another_teams_workspace_before_its_pitch_nor_scores_before_the_prizes() {
        Property.tries(250).coverage(HIDDEN, 40).coverage(PITCHED, 10).coverage(BALLOTS_HIDDEN, 5)
                .forAll(scenarios(), (scenario, trial) -> run(scenario, p -> checkSecrecy(p, trial)));
    }

    private void checkSecrecy(Playthrough<HackathonState> p, Property.Trial trial) {
        HackathonState s = p.activity();
        // Every text of every workspace, by team: problem canvas and ideas (private for ever), solution canvas.
        Map<String, List<String>> privateTexts = new LinkedHashMap<>();
        Map<String, List<String>> solutionTexts = new LinkedHashMap<>();
        for (Map.Entry<String, TeamWork> w : s.work().entrySet()) {
            List<String> priv = new ArrayList<>();
            List<String> sol = new ArrayList<>();
            for (Canvas.Field f : Canvas.FIELDS) {
                String text = w.getValue().field(f.id()).text();
                if (!text.isBlank()) {
                    (f.canvas().equals(Canvas.PROBLEM) ? priv : sol).add(text);
                }
            }
            for (Idea i : w.getValue().ideas()) {
                priv.add(i.text());
            }
            privateTexts.put(w.getKey(), priv);
            solutionTexts.put(w.getKey(), sol);
        }
        Views views = p.views();
        views.assertPlatformSecretsKept(JURY_HASHES);
        boolean revealed = s.stage() == Stage.RESULTS;

        for (int i = 0; i < views.participants(); i++) {
            String me = views.id(i);
            String myTeam = s.teams().teamIdOf(me);
            String json = views.phone(i);
            for (String team : s.work().keySet()) {
                if (team.equals(myTeam)) {
                    continue;
                }
                for (String secret : privateTexts.get(team)) {
                    trial.saw(HIDDEN);
                    assertThat(json).as("phone of %s (team %s) sees private text of team %s at %s", me, myTeam, team, s.stage())
                            .doesNotContain(secret);
                }
                for (String text : solutionTexts.get(team)) {
                    if (s.revealed(team)) {
                        trial.saw(PITCHED);
                        assertThat(json).as("phone of %s misses the pitched solution of %s", me, team).contains(text);
                    } else {
                        trial.saw(HIDDEN);
                        assertThat(json).as("phone of %s sees the solution of %s before its pitch (%s)", me, team, s.stage())
                                .doesNotContain(text);
                    }
                }
            }
            JsonNode tree = views.phoneTree(i).path("activity");
            assertThat(tree.has("jury")).as("phone sees the jury seats").isFalse();
            assertThat(tree.has("votes")).as("phone sees the vote counts").isFalse();
            if (!revealed) {
                assertThat(tree.has("results")).as("phone of %s sees results at %s", me, s.stage()).isFalse();
                assertThat(json).doesNotContain("\"total\"", "\"criteria\"");
                if (!s.ballots().isEmpty()) {
                    trial.saw(BALLOTS_HIDDEN);
                }
            }
            // A phone's own ballots, and only those.
            String voter = s.seatOf(me).map(HackathonState.JurySeat::id).orElse(me);
            boolean jury = s.juror(me);
            Map<String, Map<String, Integer>> mine = new LinkedHashMap<>();
            for (Ballot b : s.ballots().values()) {
                if (b.jury() == jury && b.voter().equals(voter)) {
                    mine.put(b.teamId(), b.scores());
                }
            }
            assertThat(Json.MAPPER.convertValue(tree.path("myScores"), Map.class)).as("ballots on the phone of %s", me).isEqualTo(mine);
        }

        String screen = views.projector();
        for (String team : s.work().keySet()) {
            for (String secret : privateTexts.get(team)) {
                assertThat(screen).as("projector shows private texts of %s", team).doesNotContain(secret);
            }
            for (String text : solutionTexts.get(team)) {
                if (!s.revealed(team)) {
                    assertThat(screen).as("projector shows the solution of %s before its pitch", team).doesNotContain(text);
                }
            }
        }
        if (!revealed) {
            assertThat(views.projectorTree().path("activity").has("results")).as("projector sees results at %s", s.stage()).isFalse();
            assertThat(screen).doesNotContain("\"total\"", "\"criteria\"", "myScores");
        }
    }

    @Test
    void replaying_the_events_of_a_random_run_gives_the_same_state() {
        Property.tries(200).forAll(scenarios(), scenario -> run(scenario, p -> { }).assertReplays());
    }
}
