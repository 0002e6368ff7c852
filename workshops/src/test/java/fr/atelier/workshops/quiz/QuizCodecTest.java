package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.ActivityEvent;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quiz commands as the web sends them, and quiz events through storage. */
class QuizCodecTest {
    static final long T = 1_764_079_200_000L;
    private final SessionCodec codec = new SessionCodec(new QuizFormat());

    private QuizCommand read(String json) throws Exception {
        return (QuizCommand) ((ActivityCommand) codec.readCommand(Json.MAPPER.readTree(json))).command();
    }

    @Test
    void commandsReadAsTheConsoleAndPhonesWriteThem() throws Exception {
        String bank = Json.MAPPER.writeValueAsString(QuizLibraryTest.LIBRARY.load("decouverte-5"));
        assertThat(read("{\"type\":\"quiz.useBank\",\"bank\":" + bank + "}"))
                .isEqualTo(new QuizCommand.UseBank(QuizLibraryTest.LIBRARY.load("decouverte-5")));
        assertThat(read("{\"type\":\"quiz.configure\",\"settings\":{\"pacing\":\"challenge\",\"timeLimitMinutes\":30,"
                + "\"speedBonus\":false,\"partialCredit\":true,\"teamSize\":4,\"selfTeams\":true}}"))
                .isEqualTo(new QuizCommand.Configure(new QuizSettings(QuizSettings.Pacing.CHALLENGE, null, 30, false, true, 4, true)));
        assertThat(read("{\"type\":\"quiz.balanceTeams\",\"seed\":8123456789,\"teams\":3}"))
                .isEqualTo(new QuizCommand.BalanceTeams(8_123_456_789L, 3));
        assertThat(read("{\"type\":\"quiz.answer\",\"questionId\":\"q04\",\"number\":6}"))
                .isEqualTo(new QuizCommand.Answer("q04", null, null, 6.0, null));
        assertThat(read("{\"type\":\"quiz.answer\",\"questionId\":\"q02\",\"choices\":[\"a\",\"b\"]}"))
                .isEqualTo(new QuizCommand.Answer("q02", List.of("a", "b"), null, null, null));
        assertThat(read("{\"type\":\"quiz.show\"}")).isEqualTo(new QuizCommand.Show(null));
        assertThat(read("{\"type\":\"quiz.debrief\",\"index\":2}")).isEqualTo(new QuizCommand.Debrief(2));
        assertThat(read("{\"type\":\"quiz.moveMember\",\"participantId\":\"p_1\",\"teamId\":null}"))
                .isEqualTo(new QuizCommand.MoveMember("p_1", null));
    }

    @Test
    void malformedCommandsAreRefusedWithAFrenchMessage() {
        assertThatThrownBy(() -> read("{\"type\":\"quiz.answer\",\"questionId\":\"q1\",\"number\":\"6\"}"))
                .isInstanceOf(SessionCodec.BadCommand.class).hasMessageContaining("quiz.answer");
        assertThatThrownBy(() -> read("{\"type\":\"quiz.configure\",\"settings\":{\"pacing\":\"slow\"}}"))
                .isInstanceOf(SessionCodec.BadCommand.class);
        assertThatThrownBy(() -> read("{\"type\":\"quiz.start\",\"extra\":1}")).isInstanceOf(SessionCodec.BadCommand.class);
        assertThatThrownBy(() -> read("{\"type\":\"quiz.nope\"}")).isInstanceOf(SessionCodec.BadCommand.class);
    }

    @Test
    void everyEventSurvivesStorage() {
        QuizBank bank = QuizLibraryTest.LIBRARY.load("decouverte-5");
        List<QuizEvent> events = List.of(
                new QuizEvent.BankChosen(bank, T),
                new QuizEvent.Configured(QuizSettings.DEFAULT, T),
                new QuizEvent.TeamCreated("t1", "Les « Curieux »", "p1", T),
                new QuizEvent.TeamRenamed("t1", "Cap", T),
                new QuizEvent.TeamRemoved("t9", T),
                new QuizEvent.MemberJoined("t1", "p1", T),
                new QuizEvent.MemberLeft("p1", T),
                new QuizEvent.TeamsBalanced(-5L, List.of(new fr.atelier.workshops.core.Teams.NewTeam("t2", "Équipe 1")), Map.of("t1", List.of("p1"), "t2", List.of()), T),
                new QuizEvent.Started(T, T + 1),
                new QuizEvent.QuestionShown("q01", 0, T, null),
                new QuizEvent.Answered("q01", "t1", "p1", AnswerValue.ofChoices(List.of("a")), T, List.of("p1", "p2")),
                new QuizEvent.Answered("q04", "t1", "p1", AnswerValue.ofNumber(2.5), T, List.of("p1")),
                new QuizEvent.Answered("q05", "t1", "p1", AnswerValue.ofText("Étoile"), T, List.of("p1")),
                new QuizEvent.Answered("q03", "t1", "p1", null, T, List.of("p1")),
                new QuizEvent.QuestionLocked("q01", T),
                new QuizEvent.QuestionRevealed("q01", T),
                new QuizEvent.ScoreboardShown(T),
                new QuizEvent.TeamSubmitted("t1", "p1", T, List.of("p1")),
                new QuizEvent.DeadlineExtended(T + 5, T),
                new QuizEvent.Finished(T),
                new QuizEvent.DebriefShown(null, T));
        List<SessionEvent> wrapped = events.stream().map(e -> (SessionEvent) new ActivityEvent(e)).toList();
        String json = codec.writeEvents(wrapped);
        assertThat(json).contains("\"type\":\"quiz.bankChosen\"").contains("\"pacing\":\"live\"").contains("\"type\":\"single\"");
        assertThat(codec.readEvents(json)).isEqualTo(wrapped);
    }
}
