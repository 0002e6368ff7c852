package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;

/** What the facilitator and the phones can ask of a live poll. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("poll")
public sealed interface PollCommand {
    /**
     * Opens a new question typed live. {@code correct} (optional, SINGLE only) stays secret until
     * revealed; {@code seconds} (optional) closes it by itself; {@code kind} defaults to SINGLE.
     */
    record Ask(String text, List<String> options, Integer correct, Integer seconds, PollKind kind, PollQuestion.Scale scale)
            implements PollCommand {
        public Ask(String text, List<String> options, Integer correct, Integer seconds) {
            this(text, options, correct, seconds, null, null);
        }
    }

    /** Replaces the session's prepared questions (from the library or the preparation form). */
    record UseList(PollList list) implements PollCommand {}

    /** Opens the prepared question at {@code index} (from 0). */
    record AskPrepared(Integer index) implements PollCommand {}

    /** SINGLE and SCALE: the option (for a scale, the index of the value from its minimum). */
    record Answer(String questionId, Integer option) implements PollCommand {}

    /** MULTIPLE: every option chosen (at least one). */
    record Choose(String questionId, List<Integer> options) implements PollCommand {}

    /** RANKING: every option once, best first. */
    record Rank(String questionId, List<Integer> order) implements PollCommand {}

    /** WORDS, OPEN, QA: a word, a text for the wall, a question to the speaker. */
    record Write(String questionId, String text) implements PollCommand, fr.atelier.workshops.core.FreeText {
        @Override
        public String freeText() {
            return text;
        }
    }

    /** QA: supports a question of the room (once per phone and question). */
    record Upvote(String questionId, String entryId) implements PollCommand {}

    /** The facilitator shows (approves) or hides an entry. */
    record Moderate(String questionId, String entryId, Boolean shown) implements PollCommand {}

    /** QA: the facilitator marks a question answered (or not). */
    record MarkAnswered(String questionId, String entryId, Boolean answered) implements PollCommand {}

    record Close(String questionId) implements PollCommand {}

    record Reveal(String questionId) implements PollCommand {}

    /** The server, at the open question's deadline: closes it unless it is stale. */
    record TimeUp(long deadline) implements PollCommand, fr.atelier.workshops.core.TimeUp {}
}
