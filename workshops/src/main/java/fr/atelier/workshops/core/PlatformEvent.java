package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

/** Facts every session shares, whatever its format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("session")
public sealed interface PlatformEvent extends SessionEvent {

    @JsonTypeName("session.created")
    record SessionCreated(String code, String format, String title, String hostTokenHash, long at) implements PlatformEvent {}

    @JsonTypeName("session.joined")
    record ParticipantJoined(String participantId, String nickname, String tokenHash, long at) implements PlatformEvent {}

    @JsonTypeName("session.left")
    record ParticipantLeft(String participantId, long at) implements PlatformEvent {}

    record JoiningChanged(boolean open, long at) implements PlatformEvent {}

    record ActivityStarted(long at) implements PlatformEvent {}

    record SatisfactionOpened(long at) implements PlatformEvent {}

    @JsonTypeName("session.rated")
    record SatisfactionRated(String participantId, int score, String comment, long at) implements PlatformEvent {}

    @JsonTypeName("session.renamed")
    record ParticipantRenamed(String participantId, String nickname, long at) implements PlatformEvent {}

    @JsonTypeName("session.removed")
    record ParticipantRemoved(String participantId, long at) implements PlatformEvent {}

    /** {@code by}: "facilitator" or "system" (idle end, issue 18); absent in logs written before, read as the facilitator. */
    @JsonTypeName("session.ended")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record SessionEnded(long at, String by) implements PlatformEvent {
        public SessionEnded(long at) {
            this(at, null);
        }
    }

    record Framed(java.util.List<Bilan.Structure> structures, boolean askStructure, java.util.List<Bilan.Question> questions, long at)
            implements PlatformEvent {}

    record Declared(String participantId, String structureId, Integer declaredSize, long at) implements PlatformEvent {}

    record ImpactAnswered(String participantId, String questionId, String moment, int score, long at) implements PlatformEvent {}
}
