package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("poll")
public sealed interface PollEvent {
    /** {@code kind} and {@code scale} are absent from events written before the types (SINGLE). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Asked(String questionId, String text, List<String> options, Integer correct, Long deadline, long at,
                 PollKind kind, PollQuestion.Scale scale) implements PollEvent {
        public Asked(String questionId, String text, List<String> options, Integer correct, Long deadline, long at) {
            this(questionId, text, options, correct, deadline, at, null, null);
        }
    }

    record ListUsed(PollList list, long at) implements PollEvent {}

    record Answered(String questionId, String participantId, int option, long at) implements PollEvent {}

    /** MULTIPLE: the options chosen; RANKING: the order. */
    record Picked(String questionId, String participantId, List<Integer> options, long at) implements PollEvent {}

    /** {@code key}: the text folded to merge words; {@code pending}: waits for the facilitator. */
    record Written(String questionId, String entryId, String participantId, String text, String key, boolean pending, long at)
            implements PollEvent {}

    /** QA: a question from the room, on every phone at once (they upvote it). */
    record Submitted(String questionId, String entryId, String participantId, String text, String key, long at)
            implements PollEvent {}

    record Upvoted(String questionId, String entryId, String participantId, long at) implements PollEvent {}

    record Moderated(String questionId, String entryId, boolean shown, long at) implements PollEvent {}

    record MarkedAnswered(String questionId, String entryId, boolean answered, long at) implements PollEvent {}

    record Closed(String questionId, long at) implements PollEvent {}

    record Revealed(String questionId, long at) implements PollEvent {}
}
