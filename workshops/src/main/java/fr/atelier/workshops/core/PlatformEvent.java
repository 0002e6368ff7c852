package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Facts every session shares, whatever its format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlatformEvent.SessionCreated.class, name = "session.created"),
    @JsonSubTypes.Type(value = PlatformEvent.ParticipantJoined.class, name = "session.joined"),
    @JsonSubTypes.Type(value = PlatformEvent.ParticipantLeft.class, name = "session.left"),
    @JsonSubTypes.Type(value = PlatformEvent.JoiningChanged.class, name = "session.joiningChanged"),
    @JsonSubTypes.Type(value = PlatformEvent.ActivityStarted.class, name = "session.activityStarted"),
    @JsonSubTypes.Type(value = PlatformEvent.SatisfactionOpened.class, name = "session.satisfactionOpened"),
    @JsonSubTypes.Type(value = PlatformEvent.SatisfactionRated.class, name = "session.rated"),
    @JsonSubTypes.Type(value = PlatformEvent.SessionEnded.class, name = "session.ended"),
})
public sealed interface PlatformEvent extends SessionEvent {

    record SessionCreated(String code, String format, String title, String hostTokenHash, long at) implements PlatformEvent {}

    record ParticipantJoined(String participantId, String nickname, String tokenHash, long at) implements PlatformEvent {}

    record ParticipantLeft(String participantId, long at) implements PlatformEvent {}

    record JoiningChanged(boolean open, long at) implements PlatformEvent {}

    record ActivityStarted(long at) implements PlatformEvent {}

    record SatisfactionOpened(long at) implements PlatformEvent {}

    record SatisfactionRated(String participantId, int score, String comment, long at) implements PlatformEvent {}

    record SessionEnded(long at) implements PlatformEvent {}
}
