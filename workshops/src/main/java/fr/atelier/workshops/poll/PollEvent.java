package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("poll")
public sealed interface PollEvent {
    record Asked(String questionId, String text, List<String> options, Integer correct, Long deadline, long at) implements PollEvent {}

    record Answered(String questionId, String participantId, int option, long at) implements PollEvent {}

    record Closed(String questionId, long at) implements PollEvent {}

    record Revealed(String questionId, long at) implements PollEvent {}
}
