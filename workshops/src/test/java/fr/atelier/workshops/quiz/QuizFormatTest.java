package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.quiz.QuizCommand.Answer;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.BankChosen;
import fr.atelier.workshops.quiz.QuizEvent.Configured;
import fr.atelier.workshops.quiz.QuizEvent.Finished;
import fr.atelier.workshops.quiz.QuizEvent.MemberJoined;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizEvent.Started;
import fr.atelier.workshops.quiz.QuizEvent.TeamCreated;
import fr.atelier.workshops.quiz.QuizSettings.Pacing;
import fr.atelier.workshops.quiz.QuizState.Stage;
import fr.atelier.workshops.quiz.QuizState.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The quiz decider on its own: given quiz events, when a command, then the whole decision. */
class QuizFormatTest extends DeciderTest<QuizState, QuizCommand, QuizEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final QuizBank BANK = QuizLibraryTest.LIBRARY.load("decouverte-5");

    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");
    static final Actor SAMI = Actor.participant("p-sami");
    static final Actor NINA = Actor.participant("p-nina");

    static final QuizSettings LIVE = new QuizSettings(Pacing.LIVE, 30, 30, true, true, 3, true);
    static final QuizSettings CHALLENGE = new QuizSettings(Pacing.CHALLENGE, null, 20, false, true, 3, true);

    /** Two teams: Camille and Lou in t1, Sami in t2; Nina has no team. */
    static List<QuizEvent> teams() {
        return List.of(new BankChosen(BANK, T0), new TeamCreated("t1", "Les Orienteurs", null, T0), new TeamCreated("t2", "Cap Avenir", null, T0),
                new MemberJoined("t1", "p-camille", T0), new MemberJoined("t1", "p-lou", T0), new MemberJoined("t2", "p-sami", T0));
    }

    static List<QuizEvent> live(QuizEvent... more) {
        List<QuizEvent> e = new ArrayList<>(teams());
        e.add(new Configured(LIVE, T0));
        e.add(new Started(T0, null));
        e.addAll(List.of(more));
        return e;
    }

    static List<QuizEvent> challenge(QuizEvent... more) {
        List<QuizEvent> e = new ArrayList<>(teams());
        e.add(new Configured(CHALLENGE, T0));
        e.add(new Started(T0, T0 + 20 * 60_000L));
        e.addAll(List.of(more));
        return e;
    }

    static Answered answered(String q, String team, Actor who, AnswerValue v, long at, String... members) {
        return new Answered(q, team, ((Actor.Participant) who).id(), v, at, List.of(members));
    }

    static Answer choose(String q, String... ids) {
        return new Answer(q, List.of(ids), null, null, null);
    }

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
            .with(new Roster.Member("p-lou", "Lou", "h2", T0, true))
            .with(new Roster.Member("p-sami", "Sami", "h3", T0, true))
            .with(new Roster.Member("p-nina", "Nina", "h4", T0, true));

    QuizFormatTest() {
        super(new QuizFormat(), ROSTER);
    }

    private String rejection() {
        return ((Decision.Rejected<QuizEvent>) decision).message();
    }

    @Nested
    class SettingUp {
        @Test
        void theFacilitatorPicksAWholeBank() {
            given();
            when(Actor.FACILITATOR, new QuizCommand.UseBank(BANK));
            thenAccepted(new BankChosen(BANK, AT));
        }

        @Test
        void aBrokenBankIsRefusedWithItsProblems() {
            QuizBank.Question q = BANK.question("q01");
            QuizBank broken = new QuizBank("x", "X", null, List.of(new QuizBank.Question(q.id(), q.type(), q.text(), q.choices(),
                    com.fasterxml.jackson.databind.node.TextNode.valueOf("z"), null, null, null, null, null)));
            given();
            when(Actor.FACILITATOR, new QuizCommand.UseBank(broken));
            thenRejected("invalid");
            assertThat(rejection()).contains("« z »").contains("ne fait pas partie des choix");
            when(Actor.FACILITATOR, new QuizCommand.UseBank(null));
            thenRejected("invalid");
        }

        @Test
        void onlyTheFacilitatorConfiguresAndOnlyBeforeTheStart() {
            given();
            when(CAMILLE, new QuizCommand.UseBank(BANK));
            thenRejected("forbidden");
            when(Actor.FACILITATOR, new QuizCommand.Configure(LIVE));
            thenAccepted(new Configured(LIVE, AT));
            when(Actor.FACILITATOR, new QuizCommand.Configure(new QuizSettings(Pacing.CHALLENGE, null, null, false, false, null, true)));
            thenRejected("invalid");
            when(Actor.FACILITATOR, new QuizCommand.Configure(new QuizSettings(Pacing.LIVE, 2, null, false, false, null, true)));
            thenRejected("invalid");
            given(live());
            when(Actor.FACILITATOR, new QuizCommand.Configure(CHALLENGE));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.UseBank(BANK));
            thenRejected("wrong_phase");
        }

        @Test
        void aParticipantCreatesATeamAndJoinsIt() {
            given(new BankChosen(BANK, T0));
            when(NINA, new QuizCommand.CreateTeam("  Les   Curieux "));
            thenAccepted(new TeamCreated("t1", "Les Curieux", "p-nina", AT), new MemberJoined("t1", "p-nina", AT));
        }

        @Test
        void selfServiceCanBeTurnedOff() {
            given(new Configured(new QuizSettings(Pacing.LIVE, 30, 30, true, true, null, false), T0),
                    new TeamCreated("t1", "A", null, T0));
            when(NINA, new QuizCommand.CreateTeam("Nous"));
            thenRejected("forbidden");
            when(NINA, new QuizCommand.JoinTeam("t1"));
            thenRejected("forbidden");
            when(Actor.FACILITATOR, new QuizCommand.MoveMember("p-nina", "t1"));
            thenAccepted(new MemberJoined("t1", "p-nina", AT));
        }

        @Test
        void theSizeLimitIsForSelfServiceOnly() {
            given(teams());
            state = format.evolve(state, new Configured(new QuizSettings(Pacing.LIVE, 30, 30, true, true, 2, true), T0));
            when(NINA, new QuizCommand.JoinTeam("t1"));
            thenRejected("invalid");
            assertThat(rejection()).contains("complète");
            when(NINA, new QuizCommand.JoinTeam("t2"));
            thenAccepted(new MemberJoined("t2", "p-nina", AT));
            when(Actor.FACILITATOR, new QuizCommand.MoveMember("p-nina", "t1"));
            thenAccepted(new MemberJoined("t1", "p-nina", AT));
        }

        @Test
        void duplicateTeamNamesAreRefused() {
            given(teams());
            when(NINA, new QuizCommand.CreateTeam("cap avenir"));
            thenRejected("invalid");
        }

        @Test
        void autoBalanceCreatesTeamsAndRecordsTheDraw() {
            given(new BankChosen(BANK, T0));
            when(Actor.FACILITATOR, new QuizCommand.BalanceTeams(7L, 2));
            QuizEvent.TeamsBalanced e = (QuizEvent.TeamsBalanced) events().get(0);
            assertThat(e.seed()).isEqualTo(7L);
            assertThat(e.created()).containsExactly(new fr.atelier.workshops.core.Teams.NewTeam("t1", "Équipe 1"), new fr.atelier.workshops.core.Teams.NewTeam("t2", "Équipe 2"));
            assertThat(e.assignment().values()).allSatisfy(m -> assertThat(m).hasSize(2));
            QuizState after = format.evolve(state, e);
            assertThat(after.teams().teams()).extracting(t -> t.members().size()).containsExactly(2, 2);
            when(Actor.FACILITATOR, new QuizCommand.BalanceTeams(null, 2));
            thenRejected("invalid");
        }

        @Test
        void startingNeedsABankAndAPopulatedTeam() {
            given();
            when(Actor.FACILITATOR, new QuizCommand.Start());
            thenRejected("wrong_phase");
            given(new BankChosen(BANK, T0), new TeamCreated("t1", "A", null, T0));
            when(Actor.FACILITATOR, new QuizCommand.Start());
            thenRejected("wrong_phase");
            given(teams());
            when(Actor.FACILITATOR, new QuizCommand.Start());
            thenAccepted(new Started(AT, null));
            given(challenge().subList(0, 7));
            when(Actor.FACILITATOR, new QuizCommand.Start());
            thenAccepted(new Started(AT, AT + 20 * 60_000L));
        }
    }

    @Nested
    class LivePacing {
        @Test
        void showingAQuestionStartsItsCountdown() {
            given(live());
            when(Actor.FACILITATOR, new QuizCommand.Show(null));
            thenAccepted(new QuestionShown("q01", 0, AT, AT + 30_000));
            when(CAMILLE, new QuizCommand.Show(null));
            thenRejected("forbidden");
        }

        @Test
        void anyMemberAnswersForTheTeamAndTeammatesAreNotified() {
            given(live(new QuestionShown("q01", 0, T0, AT + 10_000)));
            when(LOU, choose("q01", "a"));
            thenAccepted(answered("q01", "t1", LOU, AnswerValue.ofChoices(List.of("a")), AT, "p-camille", "p-lou"));
            assertThat(format.impact(events().get(0))).isEqualTo(Impact.only(java.util.Set.of("p-camille", "p-lou")));
            given(live(new QuestionShown("q01", 0, T0, AT + 10_000),
                    answered("q01", "t1", LOU, AnswerValue.ofChoices(List.of("a")), T0, "p-camille", "p-lou")));
            when(CAMILLE, choose("q01", "a"));
            thenAccepted();
            when(CAMILLE, choose("q01", "b"));
            thenAccepted(answered("q01", "t1", CAMILLE, AnswerValue.ofChoices(List.of("b")), AT, "p-camille", "p-lou"));
            when(CAMILLE, choose("q01"));
            thenAccepted(answered("q01", "t1", CAMILLE, null, AT, "p-camille", "p-lou"));
        }

        @Test
        void answersAreCheckedAgainstTheQuestionType() {
            given(live(new QuestionShown("q01", 0, T0, null)));
            when(CAMILLE, choose("q01", "a", "b"));
            thenRejected("invalid");
            when(CAMILLE, choose("q01", "zz"));
            thenRejected("invalid");
            when(CAMILLE, new Answer("q01", null, true, null, null));
            thenRejected("invalid");
            when(CAMILLE, new Answer("q01", List.of("a"), true, null, null));
            thenRejected("invalid");
            when(NINA, choose("q01", "a"));
            thenRejected("forbidden");
            when(Actor.FACILITATOR, choose("q01", "a"));
            thenRejected("forbidden");
            when(CAMILLE, choose("q02", "a"));
            thenRejected("not_found");
        }

        @Test
        void multipleChoicesAreStoredInTheBanksOrder() {
            given(live(new QuestionShown("q02", 1, T0, null)));
            when(SAMI, choose("q02", "d", "a"));
            thenAccepted(answered("q02", "t2", SAMI, AnswerValue.ofChoices(List.of("a", "d")), AT, "p-sami"));
        }

        @Test
        void textAnswersAreCleanedAndBounded() {
            given(live(new QuestionShown("q05", 4, T0, null)));
            when(SAMI, new Answer("q05", null, null, null, "  portail\n  Étoile "));
            thenAccepted(answered("q05", "t2", SAMI, AnswerValue.ofText("portail Étoile"), AT, "p-sami"));
            when(SAMI, new Answer("q05", null, null, null, "x".repeat(201)));
            thenRejected("invalid");
        }

        @Test
        void noAnswerAfterTheLockOrTheDeadline() {
            given(live(new QuestionShown("q01", 0, T0, AT - 1)));
            when(CAMILLE, choose("q01", "a"));
            thenRejected("wrong_phase");
            given(live(new QuestionShown("q01", 0, T0, null), new QuestionLocked("q01", T0)));
            when(CAMILLE, choose("q01", "a"));
            thenRejected("wrong_phase");
        }

        @Test
        void theTimerLocksTheCurrentQuestionAndStaleTimersDoNothing() {
            given(live(new QuestionShown("q01", 0, T0, AT)));
            assertThat(format.nextDeadline(state)).isEqualTo(NOW);
            QuizCommand expire = format.timeUp(state, NOW);
            assertThat(expire).isEqualTo(new QuizCommand.TimeUp(NOW.toEpochMilli()));
            when(Actor.SYSTEM, expire);
            thenAccepted(new QuestionLocked("q01", AT));
            given(live(new QuestionShown("q01", 0, T0, AT + 60_000)));
            when(Actor.SYSTEM, expire);
            thenAccepted();
            given(live(new QuestionShown("q01", 0, T0, AT), new QuestionLocked("q01", T0)));
            assertThat(format.nextDeadline(state)).isNull();
            when(Actor.SYSTEM, new QuizCommand.Lock("q01"));
            thenAccepted();
            when(Actor.SYSTEM, new QuizCommand.Start());
            thenRejected("forbidden");
        }

        @Test
        void revealLocksFirstThenTheNextQuestionMayCome() {
            given(live(new QuestionShown("q01", 0, T0, null)));
            when(Actor.FACILITATOR, new QuizCommand.Show(null));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.ShowScoreboard());
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.Reveal("q01"));
            thenAccepted(new QuestionLocked("q01", AT), new QuestionRevealed("q01", AT));
            given(live(new QuestionShown("q01", 0, T0, null), new QuestionLocked("q01", T0), new QuestionRevealed("q01", T0)));
            when(Actor.FACILITATOR, new QuizCommand.Reveal("q01"));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.ShowScoreboard());
            thenAccepted(new QuizEvent.ScoreboardShown(AT));
            when(Actor.FACILITATOR, new QuizCommand.Show(null));
            thenAccepted(new QuestionShown("q02", 1, AT, AT + 30_000));
            when(Actor.FACILITATOR, new QuizCommand.Show(0));
            thenRejected("invalid");
            when(Actor.FACILITATOR, new QuizCommand.Show(4));
            thenAccepted(new QuestionShown("q05", 4, AT, AT + 30_000));
        }

        @Test
        void extendingPushesTheCountdown() {
            given(live(new QuestionShown("q01", 0, T0, AT + 5_000)));
            when(Actor.FACILITATOR, new QuizCommand.Extend(30));
            thenAccepted(new QuizEvent.DeadlineExtended(AT + 35_000, AT));
            when(Actor.FACILITATOR, new QuizCommand.Extend(1));
            thenRejected("invalid");
        }

        @Test
        void finishingRevealsTheOpenQuestion() {
            given(live(new QuestionShown("q01", 0, T0, null)));
            when(Actor.FACILITATOR, new QuizCommand.Finish());
            thenAccepted(new QuestionLocked("q01", AT), new QuestionRevealed("q01", AT), new Finished(AT));
            QuizState end = state;
            for (QuizEvent e : events()) {
                end = format.evolve(end, e);
            }
            assertThat(end.stage()).isEqualTo(Stage.FINISHED);
            assertThat(end.current().status()).isEqualTo(Status.REVEALED);
            assertThat(end.inPlay()).extracting(QuizBank.Question::id).containsExactly("q01");
            assertThat(end.revealed("q01")).isTrue();
            assertThat(end.revealed("q02")).as("never shown").isFalse();
        }
    }

    @Nested
    class ChallengePacing {
        @Test
        void teamsAnswerAnyQuestionInAnyOrder() {
            given(challenge());
            when(SAMI, new Answer("q04", null, null, 6.0, null));
            thenAccepted(answered("q04", "t2", SAMI, AnswerValue.ofNumber(6), AT, "p-sami"));
            when(SAMI, new Answer("q03", null, false, null, null));
            thenAccepted(answered("q03", "t2", SAMI, AnswerValue.ofTruth(false), AT, "p-sami"));
            when(Actor.FACILITATOR, new QuizCommand.Show(null));
            thenRejected("wrong_phase");
        }

        @Test
        void submittingStopsTheTeamsAnswers() {
            given(challenge());
            when(SAMI, new QuizCommand.Submit());
            thenAccepted(new QuizEvent.TeamSubmitted("t2", "p-sami", AT, List.of("p-sami")));
            given(challenge(new QuizEvent.TeamSubmitted("t2", "p-sami", T0, List.of("p-sami"))));
            when(SAMI, new Answer("q04", null, null, 6.0, null));
            thenRejected("wrong_phase");
            when(SAMI, new QuizCommand.Submit());
            thenAccepted();
            when(CAMILLE, new Answer("q04", null, null, 6.0, null));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void theGlobalDeadlineEndsTheChallenge() {
            given(challenge());
            Instant deadline = format.nextDeadline(state);
            assertThat(deadline.toEpochMilli()).isEqualTo(T0 + 20 * 60_000L);
            QuizCommand timeUp = format.timeUp(state, deadline);
            assertThat(timeUp).isEqualTo(new QuizCommand.TimeUp(deadline.toEpochMilli()));
            decision = format.decide(state, roster, Actor.SYSTEM, timeUp, NOW);
            thenAccepted();
            decision = format.decide(state, roster, Actor.SYSTEM, timeUp, deadline);
            thenAccepted(new Finished(deadline.toEpochMilli()));
            decision = format.decide(state, roster, SAMI, new Answer("q04", null, null, 6.0, null), deadline.plusMillis(1));
            thenRejected("wrong_phase");
        }

        @Test
        void nothingIsPlayedTwice() {
            given(challenge(new Finished(AT)));
            when(Actor.FACILITATOR, new QuizCommand.Finish());
            thenRejected("wrong_phase");
            when(CAMILLE, new Answer("q04", null, null, 6.0, null));
            thenRejected("wrong_phase");
            when(Actor.SYSTEM, new QuizCommand.Finish());
            thenAccepted();
            assertThat(format.nextDeadline(state)).isNull();
            when(CAMILLE, new QuizCommand.JoinTeam("t2"));
            thenRejected("wrong_phase");
        }
    }

    @Nested
    class TeamsDuringPlay {
        @Test
        void latecomersJoinButNobodySwitches() {
            given(live());
            when(NINA, new QuizCommand.JoinTeam("t2"));
            thenAccepted(new MemberJoined("t2", "p-nina", AT));
            when(CAMILLE, new QuizCommand.JoinTeam("t2"));
            thenRejected("wrong_phase");
            when(CAMILLE, new QuizCommand.LeaveTeam());
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.RemoveTeam("t2"));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new QuizCommand.RenameTeam("t2", "Cap Futur"));
            thenAccepted(new QuizEvent.TeamRenamed("t2", "Cap Futur", AT));
        }
    }

    @Nested
    class Debriefing {
        @Test
        void theFacilitatorWalksThroughThePlayedQuestions() {
            given(live(new QuestionShown("q01", 0, T0, null), new QuestionLocked("q01", T0), new QuestionRevealed("q01", T0),
                    new Finished(T0)));
            when(Actor.FACILITATOR, new QuizCommand.Debrief(0));
            thenAccepted(new QuizEvent.DebriefShown(0, AT));
            when(Actor.FACILITATOR, new QuizCommand.Debrief(1));
            thenRejected("invalid");
            when(Actor.FACILITATOR, new QuizCommand.Debrief(null));
            thenAccepted();
        }
    }

    @Test
    void replayingEveryEventOfAGameGivesTheSameStateAsStepByStep() {
        List<QuizEvent> log = live(new QuestionShown("q01", 0, T0, null),
                answered("q01", "t1", LOU, AnswerValue.ofChoices(List.of("a")), T0, "p-camille", "p-lou"),
                new QuestionLocked("q01", T0), new QuestionRevealed("q01", T0), new Finished(T0));
        given(log);
        QuizState a = state;
        given(log);
        assertThat(state).isEqualTo(a);
        assertThat(state.answers()).isEqualTo(Map.of("q01", Map.of("t1", new QuizState.TeamAnswer(AnswerValue.ofChoices(List.of("a")), "p-lou", "t1", T0))));
    }
}
