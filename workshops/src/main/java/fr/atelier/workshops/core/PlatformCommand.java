package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Commands every session accepts, whatever its format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlatformCommand.Join.class, name = "session.join"),
    @JsonSubTypes.Type(value = PlatformCommand.Leave.class, name = "session.leave"),
    @JsonSubTypes.Type(value = PlatformCommand.SetJoining.class, name = "session.setJoining"),
    @JsonSubTypes.Type(value = PlatformCommand.StartActivity.class, name = "session.start"),
    @JsonSubTypes.Type(value = PlatformCommand.OpenSatisfaction.class, name = "session.openSatisfaction"),
    @JsonSubTypes.Type(value = PlatformCommand.Rate.class, name = "session.rate"),
    @JsonSubTypes.Type(value = PlatformCommand.End.class, name = "session.end"),
})
public sealed interface PlatformCommand extends SessionCommand {

    /** Sent by the server on a join request: it draws the id and token, the decider checks the rest. */
    record Join(String participantId, String nickname, String tokenHash) implements PlatformCommand {}

    record Leave() implements PlatformCommand {}

    record SetJoining(boolean open) implements PlatformCommand {}

    record StartActivity() implements PlatformCommand {}

    record OpenSatisfaction() implements PlatformCommand {}

    record Rate(int score, String comment) implements PlatformCommand {}

    record End() implements PlatformCommand {}
}
