package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.quiz.QuizEvent.BankChosen;
import fr.atelier.workshops.quiz.QuizEvent.Configured;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizEvent.Started;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A question's theme and its own time (issue 16): read from YAML and CSV, checked, written back by the
 * CSV export, and the time takes the place of the session's when the question is shown.
 */
class QuizThemeAndTimeTest extends DeciderTest<QuizState, QuizCommand, QuizEvent> {
    private static final QuizLibrary LIBRARY = new QuizLibrary();
    static final long AT = NOW.toEpochMilli();

    QuizThemeAndTimeTest() {
        super(new QuizFormat(), QuizFormatTest.ROSTER);
    }

    private static String bank(String more) {
        return """
                id: soin
                title: Métiers du soin
                questions:
                  - id: q1
                    type: truefalse
                    text: Le DEAS se prépare en un an.
                    answer: vrai
                """ + more + """
                  - id: q2
                    type: number
                    text: Combien d'années pour le diplôme d'infirmier ?
                    answer: 3
                """;
    }

    @Test
    void aThemeAndATimeAreKept() {
        Parsed<QuizBank> p = LIBRARY.parse(bank("    theme: Formation\n    seconds: 45\n"), "yaml");
        assertThat(p.problems()).isEmpty();
        QuizBank.Question q = p.content().question("q1");
        assertThat(q.theme()).isEqualTo("Formation");
        assertThat(q.seconds()).isEqualTo(45);
        assertThat(p.content().question("q2").theme()).isNull();
        assertThat(p.content().question("q2").seconds()).isNull();
    }

    @Test
    void aTimeOutOfBoundsOrALongThemeIsRefusedOnItsLine() {
        Parsed<QuizBank> p = LIBRARY.parse(bank("    theme: " + "x".repeat(61) + "\n    seconds: 3\n"), "yaml");
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("thème") && m.contains("60"))
                .anyMatch(m -> m.contains("temps") && m.contains("entre 5 et 600"));
        assertThat(p.problems()).extracting(Problem::line).contains(8, 9);
        Parsed<QuizBank> half = LIBRARY.parse(bank("    seconds: 2.5\n"), "yaml");
        assertThat(half.problems()).extracting(Problem::message).anyMatch(m -> m.contains("nombre entier de secondes"));
    }

    @Test
    void csvCarriesThemeAndTimeBothWays() {
        QuizBank bank = LIBRARY.parse(bank("    theme: Formation\n    seconds: 45\n"), "yaml").content();
        String csv = LIBRARY.export(bank, "csv");
        assertThat(csv).contains("\"theme\";\"secondes\"");
        Parsed<QuizBank> again = LIBRARY.parse(csv, "csv");
        assertThat(again.problems()).isEmpty();
        assertThat(again.content().question("q1").theme()).isEqualTo("Formation");
        assertThat(again.content().question("q1").seconds()).isEqualTo(45);
    }

    @Test
    void aQuestionsOwnTimeTakesThePlaceOfTheSessions() {
        QuizBank bank = LIBRARY.parse(bank("    seconds: 45\n"), "yaml").content();
        long t0 = AT - 60_000;
        QuizSettings thirty = new QuizSettings(QuizSettings.Pacing.LIVE, 30, 30, true, true, 3, true);
        given(List.of(new BankChosen(bank, t0), new Configured(thirty, t0), new Started(t0, null)));
        when(Actor.FACILITATOR, new QuizCommand.Show(0));
        thenAccepted(new QuestionShown("q1", 0, AT, AT + 45_000));
        when(Actor.FACILITATOR, new QuizCommand.Show(1));
        thenAccepted(new QuestionShown("q2", 1, AT, AT + 30_000));
    }
}
