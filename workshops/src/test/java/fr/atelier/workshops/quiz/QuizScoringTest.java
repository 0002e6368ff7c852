package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizFormatTest.AT;
import static fr.atelier.workshops.quiz.QuizFormatTest.BANK;
import static fr.atelier.workshops.quiz.QuizFormatTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizScoring.Bucket;
import fr.atelier.workshops.quiz.QuizScoring.Standing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Points, partial credit, speed bonus, ties, distributions and labels. */
class QuizScoringTest {
    static final Question SINGLE = BANK.question("q01");
    static final Question MULTIPLE = BANK.question("q02"); // right: a, b among a–d
    static final Question TRUTH = BANK.question("q03");
    static final Question NUMBER = BANK.question("q04");
    static final Question TEXT = BANK.question("q05");

    @Test
    void eachTypeHasItsRule() {
        assertThat(QuizScoring.fraction(SINGLE, AnswerValue.ofChoices(List.of("a")), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(SINGLE, AnswerValue.ofChoices(List.of("b")), true)).isZero();
        assertThat(QuizScoring.fraction(TRUTH, AnswerValue.ofTruth(true), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(TRUTH, AnswerValue.ofTruth(false), true)).isZero();
        assertThat(QuizScoring.fraction(NUMBER, AnswerValue.ofNumber(6), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(NUMBER, AnswerValue.ofNumber(6.5), true)).isZero();
        assertThat(QuizScoring.fraction(TEXT, AnswerValue.ofText("ETOILE"), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(TEXT, AnswerValue.ofText("Étoile Centre-Val de Loire"), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(TEXT, AnswerValue.ofText("Étoiles"), true)).isZero();
        assertThat(QuizScoring.fraction(SINGLE, null, true)).isZero();
    }

    @Test
    void numbersAcceptTheirTolerance() {
        Question q = new Question("n", QuizBank.Type.NUMBER, "?", null, QuizBankCheck.numberNode(10), 1.5, null, null, null, null);
        assertThat(QuizScoring.fraction(q, AnswerValue.ofNumber(11.5), false)).isEqualTo(1);
        assertThat(QuizScoring.fraction(q, AnswerValue.ofNumber(8.5), false)).isEqualTo(1);
        assertThat(QuizScoring.fraction(q, AnswerValue.ofNumber(11.6), false)).isZero();
        assertThat(QuizScoring.rightLabel(q)).isEqualTo("10 (± 1,5)");
    }

    @Test
    void partialCreditCountsRightTicksMinusWrongOnes() {
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("a", "b")), true)).isEqualTo(1);
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("a")), true)).isEqualTo(0.5);
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("a", "c")), true)).isZero();
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("a", "b", "c")), true)).isEqualTo(0.5);
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("c", "d")), true)).isZero();
        assertThat(QuizScoring.fraction(MULTIPLE, AnswerValue.ofChoices(List.of("a")), false)).isZero();
    }

    private static QuizState play(QuizSettings settings, List<QuizEvent> more) {
        QuizFormat f = new QuizFormat();
        QuizState s = f.initialState();
        for (QuizEvent e : QuizFormatTest.teams()) {
            s = f.evolve(s, e);
        }
        s = f.evolve(s, new QuizEvent.Configured(settings, T0));
        s = f.evolve(s, new QuizEvent.Started(T0, settings.live() ? null : T0 + 600_000));
        for (QuizEvent e : more) {
            s = f.evolve(s, e);
        }
        return s;
    }

    static Answered a(String q, String team, String who, AnswerValue v, long at) {
        return new Answered(q, team, who, v, at, List.of(who));
    }

    @Test
    void theSpeedBonusRewardsTimeLeftOnRightAnswersOnly() {
        QuizSettings live = QuizFormatTest.LIVE; // 30 s, bonus on
        QuizState s = play(live, List.of(new QuestionShown("q01", 0, T0, T0 + 30_000),
                a("q01", "t1", "p-lou", AnswerValue.ofChoices(List.of("a")), T0 + 6_000),
                a("q01", "t2", "p-sami", AnswerValue.ofChoices(List.of("b")), T0 + 1_000)));
        assertThat(QuizScoring.points(s, SINGLE, s.answerOf("q01", "t1"))).isEqualTo(100 + 40);
        assertThat(QuizScoring.points(s, SINGLE, s.answerOf("q01", "t2"))).isZero();
        QuizState noBonus = play(new QuizSettings(live.pacing(), 30, 30, false, true, null, true), s.played().isEmpty() ? List.of()
                : List.of(new QuestionShown("q01", 0, T0, T0 + 30_000), a("q01", "t1", "p-lou", AnswerValue.ofChoices(List.of("a")), T0 + 6_000)));
        assertThat(QuizScoring.points(noBonus, SINGLE, noBonus.answerOf("q01", "t1"))).isEqualTo(100);
    }

    @Test
    void scoresOnlyCountWhatTheCallerCountsAndTiesGoToTheFastest() {
        QuizState s = play(new QuizSettings(QuizSettings.Pacing.LIVE, null, null, false, true, null, true), List.of(
                new QuestionShown("q01", 0, T0, null),
                a("q01", "t1", "p-lou", AnswerValue.ofChoices(List.of("a")), T0 + 9_000),
                a("q01", "t2", "p-sami", AnswerValue.ofChoices(List.of("a")), T0 + 4_000),
                new QuestionLocked("q01", T0 + 10_000), new QuestionRevealed("q01", T0 + 10_000),
                new QuestionShown("q02", 1, T0 + 20_000, null),
                a("q02", "t1", "p-camille", AnswerValue.ofChoices(List.of("a", "b")), T0 + 21_000)));
        Map<String, String> names = Map.of("p-camille", "Camille", "p-lou", "Lou", "p-sami", "Sami");
        List<Standing> revealed = QuizScoring.standings(s, s::revealed, names::get);
        assertThat(revealed).extracting(Standing::teamId, Standing::score, Standing::rank, Standing::timeMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t2", 100, 1, 4_000L),
                        org.assertj.core.groups.Tuple.tuple("t1", 100, 2, 9_000L));
        assertThat(revealed.get(1).members()).containsExactly("Camille", "Lou");
        List<Standing> all = QuizScoring.standings(s, q -> true, names::get);
        assertThat(all.get(0).teamId()).isEqualTo("t1");
        assertThat(all.get(0).score()).isEqualTo(200);
    }

    @Test
    void challengeTiesGoToTheTeamThatSettledFirst() {
        QuizState s = play(QuizFormatTest.CHALLENGE, List.of(
                a("q03", "t1", "p-lou", AnswerValue.ofTruth(true), T0 + 50_000),
                a("q03", "t2", "p-sami", AnswerValue.ofTruth(true), T0 + 20_000)));
        List<Standing> st = QuizScoring.standings(s, q -> true, id -> id);
        assertThat(st).extracting(Standing::teamId).containsExactly("t2", "t1");
        assertThat(st.get(0).timeMs()).isEqualTo(20_000);
    }

    @Test
    void distributionsGroupTheTeamsAnswers() {
        QuizState.TeamAnswer x = new QuizState.TeamAnswer(AnswerValue.ofText("étoile "), "p1", "t1", AT);
        QuizState.TeamAnswer y = new QuizState.TeamAnswer(AnswerValue.ofText("Etoile"), "p2", "t2", AT);
        QuizState.TeamAnswer z = new QuizState.TeamAnswer(AnswerValue.ofText("Onisep"), "p3", "t3", AT);
        assertThat(QuizScoring.distribution(TEXT, Map.of("t1", x, "t2", y, "t3", z))).extracting(Bucket::count, Bucket::right)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(1, false));
        QuizState.TeamAnswer m = new QuizState.TeamAnswer(AnswerValue.ofChoices(List.of("a", "c")), "p1", "t1", AT);
        List<Bucket> bars = QuizScoring.distribution(MULTIPLE, Map.of("t1", m));
        assertThat(bars).extracting(Bucket::count).containsExactly(1, 0, 1, 0);
        assertThat(bars).extracting(Bucket::right).containsExactly(true, true, false, false);
        assertThat(bars.get(0).label()).isEqualTo("A. Consulter le montant de ses droits");
        assertThat(QuizScoring.distribution(TRUTH, Map.of())).extracting(Bucket::label).containsExactly("Vrai", "Faux");
    }

    @Test
    void labelsReadLikeTheProjector() {
        assertThat(QuizScoring.label(MULTIPLE, AnswerValue.ofChoices(List.of("a", "b"))))
                .isEqualTo("A. Consulter le montant de ses droits ; B. Rechercher une formation éligible et s’y inscrire");
        assertThat(QuizScoring.rightLabel(TRUTH)).isEqualTo("Vrai");
        assertThat(QuizScoring.rightLabel(NUMBER)).isEqualTo("6");
        assertThat(QuizScoring.label(NUMBER, AnswerValue.ofNumber(2.5))).isEqualTo("2,5");
        assertThat(QuizScoring.rightLabel(TEXT)).startsWith("Étoile / portail Étoile");
    }

    @Test
    void resultsGiveTeamsQuestionsAndParticipants() {
        QuizState s = play(QuizFormatTest.CHALLENGE, List.of(
                a("q03", "t1", "p-lou", AnswerValue.ofTruth(false), T0 + 1_000),
                a("q03", "t1", "p-camille", AnswerValue.ofTruth(true), T0 + 2_000),
                a("q01", "t2", "p-sami", AnswerValue.ofChoices(List.of("a")), T0 + 3_000),
                new QuizEvent.Finished(T0 + 4_000)));
        Roster roster = Roster.EMPTY
                .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
                .with(new Roster.Member("p-lou", "Lou", "h2", T0, true))
                .with(new Roster.Member("p-sami", "Sami", "h3", T0, true))
                .with(new Roster.Member("p-nina", "Nina", "h4", T0, true));
        QuizViews.Results r = QuizViews.results(s, roster);
        assertThat(r.questionCount()).isEqualTo(5);
        assertThat(r.teams()).extracting(QuizViews.TeamResult::name, QuizViews.TeamResult::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Les Orienteurs", 100), org.assertj.core.groups.Tuple.tuple("Cap Avenir", 100));
        assertThat(r.teams().get(0).answers()).singleElement().satisfies(x -> {
            assertThat(x.answer()).isEqualTo("Vrai");
            assertThat(x.by()).isEqualTo("Camille");
        });
        assertThat(r.questions().get(2).answered()).isEqualTo(1);
        assertThat(r.questions().get(2).right()).isEqualTo(1);
        assertThat(r.participants()).extracting(QuizViews.ParticipantResult::nickname, QuizViews.ParticipantResult::changes,
                        QuizViews.ParticipantResult::finalAnswers, QuizViews.ParticipantResult::rightFinalAnswers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Camille", 1, 1, 1), org.assertj.core.groups.Tuple.tuple("Lou", 1, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("Sami", 1, 1, 1));
    }
}
