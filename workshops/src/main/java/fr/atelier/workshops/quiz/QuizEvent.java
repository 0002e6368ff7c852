package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.core.Teams;
import java.util.List;
import java.util.Map;

/** Facts of a quiz. Replaying them rebuilds the state; seeds and draws are recorded, never redrawn. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = QuizEvent.BankChosen.class, name = "quiz.bankChosen"),
    @JsonSubTypes.Type(value = QuizEvent.Configured.class, name = "quiz.configured"),
    @JsonSubTypes.Type(value = QuizEvent.TeamCreated.class, name = "quiz.teamCreated"),
    @JsonSubTypes.Type(value = QuizEvent.TeamRenamed.class, name = "quiz.teamRenamed"),
    @JsonSubTypes.Type(value = QuizEvent.TeamRemoved.class, name = "quiz.teamRemoved"),
    @JsonSubTypes.Type(value = QuizEvent.MemberJoined.class, name = "quiz.memberJoined"),
    @JsonSubTypes.Type(value = QuizEvent.MemberLeft.class, name = "quiz.memberLeft"),
    @JsonSubTypes.Type(value = QuizEvent.TeamsBalanced.class, name = "quiz.teamsBalanced"),
    @JsonSubTypes.Type(value = QuizEvent.Started.class, name = "quiz.started"),
    @JsonSubTypes.Type(value = QuizEvent.QuestionShown.class, name = "quiz.questionShown"),
    @JsonSubTypes.Type(value = QuizEvent.Answered.class, name = "quiz.answered"),
    @JsonSubTypes.Type(value = QuizEvent.QuestionLocked.class, name = "quiz.questionLocked"),
    @JsonSubTypes.Type(value = QuizEvent.QuestionRevealed.class, name = "quiz.questionRevealed"),
    @JsonSubTypes.Type(value = QuizEvent.ScoreboardShown.class, name = "quiz.scoreboardShown"),
    @JsonSubTypes.Type(value = QuizEvent.TeamSubmitted.class, name = "quiz.teamSubmitted"),
    @JsonSubTypes.Type(value = QuizEvent.DeadlineExtended.class, name = "quiz.deadlineExtended"),
    @JsonSubTypes.Type(value = QuizEvent.Finished.class, name = "quiz.finished"),
    @JsonSubTypes.Type(value = QuizEvent.DebriefShown.class, name = "quiz.debriefShown"),
})
public sealed interface QuizEvent {
    record BankChosen(QuizBank bank, long at) implements QuizEvent {}

    record Configured(QuizSettings settings, long at) implements QuizEvent {}

    /** {@code by}: the participant who created it (and joins it), null for the facilitator. */
    record TeamCreated(String teamId, String name, String by, long at) implements QuizEvent, TeamEvent.TeamCreated {}

    record TeamRenamed(String teamId, String name, long at) implements QuizEvent, TeamEvent.TeamRenamed {}

    record TeamRemoved(String teamId, long at) implements QuizEvent, TeamEvent.TeamRemoved {}

    record MemberJoined(String teamId, String participantId, long at) implements QuizEvent, TeamEvent.MemberJoined {}

    record MemberLeft(String participantId, long at) implements QuizEvent, TeamEvent.MemberLeft {}

    /** The draw's seed, the teams it created, and the resulting membership of every team. */
    record TeamsBalanced(long seed, List<Teams.NewTeam> created, Map<String, List<String>> assignment, long at)
            implements QuizEvent, TeamEvent.TeamsBalanced {}

    /** {@code deadline}: the challenge's end (challenge pacing), else null. */
    record Started(long at, Long deadline) implements QuizEvent {}

    record QuestionShown(String questionId, int index, long at, Long deadline) implements QuizEvent {}

    /**
     * A team's answer changed. {@code value} null: cleared. {@code team}: the team's members at that
     * moment, the phones whose view this changes.
     */
    record Answered(String questionId, String teamId, String participantId, AnswerValue value, long at, List<String> team)
            implements QuizEvent {}

    record QuestionLocked(String questionId, long at) implements QuizEvent {}

    record QuestionRevealed(String questionId, long at) implements QuizEvent {}

    record ScoreboardShown(long at) implements QuizEvent {}

    record TeamSubmitted(String teamId, String participantId, long at, List<String> team) implements QuizEvent {}

    record DeadlineExtended(long deadline, long at) implements QuizEvent {}

    record Finished(long at) implements QuizEvent {}

    record DebriefShown(Integer index, long at) implements QuizEvent {}
}
