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
    /** Opens a new question. {@code correct} (optional) stays secret until revealed; {@code seconds} (optional) closes it by itself. */
    record Ask(String text, List<String> options, Integer correct, Integer seconds) implements PollCommand {}

    record Answer(String questionId, Integer option) implements PollCommand {}

    record Close(String questionId) implements PollCommand {}

    record Reveal(String questionId) implements PollCommand {}

    /** The server, at the open question's deadline: closes it unless it is stale. */
    record TimeUp(long deadline) implements PollCommand, fr.atelier.workshops.core.TimeUp {}
}
