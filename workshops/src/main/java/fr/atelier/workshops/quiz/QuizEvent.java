package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.WireNames;
import java.util.List;
import java.util.Map;

/** Facts of a quiz. Replaying them rebuilds the state; seeds and draws are recorded, never redrawn. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("quiz")
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
