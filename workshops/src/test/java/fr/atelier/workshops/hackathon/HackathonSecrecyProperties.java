package fr.atelier.workshops.hackathon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * No phone ever sees another team's workspace before that team's pitch, nor its problem canvas and
 * ideas at all; no phone or projector sees a score before the prizes; no view holds a token hash.
 * Random command sequences from random actors go through the session decider, and after every step
 * every audience's JSON is searched for the texts it must not hold (every text written is unique,
 * so finding it means a leak).
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link HackathonSecrecyPropertiesTest}.
 */
abstract class HackathonSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T09:00:00Z");
    static final String HOST_HASH = "HOSTHASH-5e1c77";
    /** A small kit (the built-in one's rubric): views are serialised after every step, content size only costs time. */
    static final HackathonKit KIT = new HackathonKit("essai", "Essai", null, List.of(
            new HackathonKit.Challenge("ecole-entreprise", "École et entreprise", "Rapprocher deux mondes.", List.of("Lycéens"),
                    List.of("Comment ?"), List.of(), 2),
            new HackathonKit.Challenge("competences", "Parler compétences", "Nommer ses compétences.", List.of(), List.of(), List.of(), null)),
            new HackathonLibrary().load("hack-ton-orientation").rubric());
    static final List<String> TOKENS = List.of("JuryToken-AAAAAAAAAAAAAAAA", "JuryToken-BBBBBBBBBBBBBBBB");
    static final List<String> FIELDS = Canvas.FIELDS.stream().map(Canvas.Field::id).toList();

    private final HackathonFormat format = new HackathonFormat();
    private final Session<HackathonState, HackathonCommand, HackathonEvent> session = new Session<>(format);
    private final SessionCodec codec = new SessionCodec(format);

    static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (4100 + 13 * i);
    }

    static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (8800 + 7 * i);
    }

    enum Kind { CREATE_TEAM, JOIN, LEAVE_TEAM, MOVE, BALANCE, CHOOSE, ADVANCE, EDIT, FOCUS, BLUR, IDEA, DOT, PITCH, CLAIM, SCORE,
        EXPIRE, LEAVE_SESSION }

    /** actor: -1 whoever normally sends this command, 0 facilitator, 1 system, 2+ the participant (actor-2) % n. */
    record Step(Kind kind, int actor, int pick, int field, int seed) {}

    /** {@code teams}: how many teams the facilitator forms at the start (0: phones form them), drawn with {@code seed}. */
    record Scenario(int participants, int teams, long seed, List<Step> steps) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(2, Kind.CREATE_TEAM), Tuple.of(4, Kind.JOIN), Tuple.of(1, Kind.LEAVE_TEAM), Tuple.of(1, Kind.MOVE),
                Tuple.of(1, Kind.BALANCE), Tuple.of(2, Kind.CHOOSE), Tuple.of(8, Kind.ADVANCE), Tuple.of(14, Kind.EDIT),
                Tuple.of(3, Kind.FOCUS), Tuple.of(1, Kind.BLUR), Tuple.of(5, Kind.IDEA), Tuple.of(3, Kind.DOT), Tuple.of(3, Kind.PITCH),
                Tuple.of(1, Kind.CLAIM), Tuple.of(6, Kind.SCORE), Tuple.of(2, Kind.EXPIRE), Tuple.of(1, Kind.LEAVE_SESSION));
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(-1)), Tuple.of(2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(10, Arbitraries.integers().between(2, 9)));
        Arbitrary<Step> steps = Combinators.combine(kinds, actors, Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, FIELDS.size() - 1), Arbitraries.integers().between(0, 10_000)).as(Step::new);
        return Combinators.combine(Arbitraries.integers().between(2, 8),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(6, Arbitraries.integers().between(2, 3))),
                Arbitraries.longs(), steps.list().ofMinSize(40).ofMaxSize(100)).as(Scenario::new);
    }

    /** Runs a scenario; {@code check} sees the state after the setup and after every step. */
    private List<SessionEvent> run(Scenario sc, java.util.function.BiConsumer<SessionState<HackathonState>, Scenario> check) {
        List<SessionEvent> log = new ArrayList<>();
        SessionState<HackathonState> s = session.initialState();
        Instant now = START;
        SessionEvent created = session.create("H4CK2X", "Hackathon de Chartres", HOST_HASH, now);
        log.add(created);
        s = session.evolve(s, created);
        for (int i = 0; i < sc.participants(); i++) {
            s = decideAndApply(s, Actor.GUEST, new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)),
                    now = now.plusMillis(250), log, true);
        }
        s = decideAndApply(s, Actor.FACILITATOR, new PlatformCommand.StartActivity(), now = now.plusMillis(250), log, true);
        s = decideAndApply(s, Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.Setup(KIT, null)), now, log, true);
        for (String token : TOKENS) {
            s = decideAndApply(s, Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.InviteJury(null,
                    HackathonFormat.sha256(token))), now, log, true);
        }
        if (sc.teams() > 0) {
            s = decideAndApply(s, Actor.FACILITATOR, new ActivityCommand(new HackathonCommand.BalanceTeams(sc.seed(), sc.teams())),
                    now, log, true);
        }
        check.accept(s, sc);
        int index = 0;
        for (Step step : sc.steps()) {
            index++;
            Actor who = actor(step, sc.participants());
            now = now.plusSeconds(20);
            SessionCommand command = command(step, s, who, index, now, sc.participants());
            if (command == null) {
                continue;
            }
            s = decideAndApply(s, who, command, now, log, false);
            check.accept(s, sc);
        }
        return log;
    }

    private SessionState<HackathonState> decideAndApply(SessionState<HackathonState> s, Actor who, SessionCommand c, Instant now,
                                                        List<SessionEvent> log, boolean mustPass) {
        Decision<SessionEvent> d = session.decide(s, who, c, now);
        if (mustPass) {
            assertThat(d.accepted()).as("setup %s: %s", c, d).isTrue();
        }
        if (d instanceof Decision.Accepted<SessionEvent> a) {
            for (SessionEvent e : a.events()) {
                log.add(e);
                s = session.evolve(s, e);
            }
        }
        return s;
    }

    private static Actor actor(Step step, int participants) {
        if (step.actor() == -1) {
            return switch (step.kind()) {
                case MOVE, BALANCE, ADVANCE, PITCH -> Actor.FACILITATOR;
                case EXPIRE -> Actor.SYSTEM;
                default -> Actor.participant(participantId(step.seed() % participants));
            };
        }
        return switch (step.actor()) {
            case 0 -> Actor.FACILITATOR;
            case 1 -> Actor.SYSTEM;
            default -> Actor.participant(participantId((step.actor() - 2) % participants));
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
                yield deadline == null ? null : format.expire(s, deadline.isAfter(now) ? now : deadline);
            }
            case LEAVE_SESSION -> null;
        };
        if (step.kind() == Kind.LEAVE_SESSION) {
            return who instanceof Actor.Participant ? new PlatformCommand.Leave() : null;
        }
        return c == null ? null : new ActivityCommand(c);
    }

    /** What a run went through, to check that the generator reaches the states worth checking. */
    static final class Seen {
        boolean hiddenFromAnotherTeam;
        boolean revealedSolutionSeen;
        boolean ballotsHidden;
    }

    @Property(tries = 250)
    void no_phone_sees_another_teams_workspace_before_its_pitch_nor_scores_before_the_prizes(@ForAll("scenarios") Scenario scenario) {
        Seen seen = new Seen();
        run(scenario, (s, sc) -> checkSecrecy(s, sc, seen));
        Statistics.label("a team's text was kept from another team's phone").collect(seen.hiddenFromAnotherTeam);
        Statistics.label("a pitched solution reached other phones").collect(seen.revealedSolutionSeen);
        Statistics.label("ballots were kept from phones and projector").collect(seen.ballotsHidden);
        Statistics.label("a team's text was kept from another team's phone").coverage(c -> c.check(true).percentage(p -> p >= 40));
        Statistics.label("a pitched solution reached other phones").coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("ballots were kept from phones and projector").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    private void checkSecrecy(SessionState<HackathonState> ss, Scenario sc, Seen seen) {
        HackathonState s = ss.activity();
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
        List<String> hashes = new ArrayList<>(List.of(HOST_HASH, "tokenHash"));
        for (String t : TOKENS) {
            hashes.add(HackathonFormat.sha256(t));
        }
        for (int i = 0; i < sc.participants(); i++) {
            hashes.add(tokenHash(i));
        }
        boolean revealed = s.stage() == Stage.RESULTS;

        for (int i = 0; i < sc.participants(); i++) {
            String me = participantId(i);
            String myTeam = s.teams().teamIdOf(me);
            String json = toJson(session.view(ss, new Audience.Participant(me)));
            assertThat(json).as("phone of %s", me).doesNotContain(hashes);
            for (String team : s.work().keySet()) {
                if (team.equals(myTeam)) {
                    continue;
                }
                for (String secret : privateTexts.get(team)) {
                    seen.hiddenFromAnotherTeam = true;
                    assertThat(json).as("phone of %s (team %s) sees private text of team %s at %s", me, myTeam, team, s.stage())
                            .doesNotContain(secret);
                }
                for (String text : solutionTexts.get(team)) {
                    if (s.revealed(team)) {
                        seen.revealedSolutionSeen = true;
                        assertThat(json).as("phone of %s misses the pitched solution of %s", me, team).contains(text);
                    } else {
                        seen.hiddenFromAnotherTeam = true;
                        assertThat(json).as("phone of %s sees the solution of %s before its pitch (%s)", me, team, s.stage())
                                .doesNotContain(text);
                    }
                }
            }
            JsonNode tree = readTree(json).path("activity");
            assertThat(tree.has("jury")).as("phone sees the jury seats").isFalse();
            assertThat(tree.has("votes")).as("phone sees the vote counts").isFalse();
            if (!revealed) {
                assertThat(tree.has("results")).as("phone of %s sees results at %s", me, s.stage()).isFalse();
                assertThat(json).doesNotContain("\"total\"", "\"criteria\"");
                if (!s.ballots().isEmpty()) {
                    seen.ballotsHidden = true;
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

        String screen = toJson(session.view(ss, Audience.PROJECTOR));
        assertThat(screen).as("projector").doesNotContain(hashes);
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
            assertThat(readTree(screen).path("activity").has("results")).as("projector sees results at %s", s.stage()).isFalse();
            assertThat(screen).doesNotContain("\"total\"", "\"criteria\"", "myScores");
        }
        String console = toJson(session.view(ss, Audience.FACILITATOR));
        assertThat(console).as("console").doesNotContain(hashes);
    }

    @Property(tries = 200)
    void replaying_the_events_of_a_random_run_gives_the_same_state(@ForAll("scenarios") Scenario scenario) {
        List<SessionState<HackathonState>> last = new ArrayList<>(1);
        last.add(null);
        List<SessionEvent> log = run(scenario, (s, sc) -> last.set(0, s));
        SessionState<HackathonState> stepByStep = last.get(0);
        assertThat(session.replay(log)).isEqualTo(stepByStep);
        // Storage goes through JSON: the stored events and a snapshot must rebuild the same state.
        assertThat(session.replay(codec.readEvents(codec.writeEvents(log)))).isEqualTo(stepByStep);
        assertThat(codec.readSnapshot(codec.writeSnapshot(stepByStep))).isEqualTo(stepByStep);
        assertThat(log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
    }

    private static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
