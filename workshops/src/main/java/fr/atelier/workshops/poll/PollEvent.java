package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PollEvent.Asked.class, name = "poll.asked"),
    @JsonSubTypes.Type(value = PollEvent.Answered.class, name = "poll.answered"),
    @JsonSubTypes.Type(value = PollEvent.Closed.class, name = "poll.closed"),
    @JsonSubTypes.Type(value = PollEvent.Revealed.class, name = "poll.revealed"),
})
public sealed interface PollEvent {
    record Asked(String questionId, String text, List<String> options, Integer correct, Long deadline, long at) implements PollEvent {}

    record Answered(String questionId, String participantId, int option, long at) implements PollEvent {}

    record Closed(String questionId, long at) implements PollEvent {}

    record Revealed(String questionId, long at) implements PollEvent {}
}
