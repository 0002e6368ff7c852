package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

/** Commands every session accepts, whatever its format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("session")
public sealed interface PlatformCommand extends SessionCommand {

    /** Sent by the server on a join request: it draws the id and token, the decider checks the rest. */
    record Join(String participantId, String nickname, String tokenHash) implements PlatformCommand {}

    record Leave() implements PlatformCommand {}

    record SetJoining(boolean open) implements PlatformCommand {}

    @JsonTypeName("session.start")
    record StartActivity() implements PlatformCommand {}

    record OpenSatisfaction() implements PlatformCommand {}

    record Rate(int score, String comment) implements PlatformCommand {}

    record End() implements PlatformCommand {}

    /** Facilitator: gives a participant another nickname (the server checks it against the name filter first). */
    record RenameParticipant(String participantId, String nickname) implements PlatformCommand {}

    /** Facilitator: removes a participant; their rejoin token stops working and their nickname stays refused. */
    record RemoveParticipant(String participantId) implements PlatformCommand {}

    /** Server, when a prepared session opens (issue 18): the structures offered at join and the impact questions. */
    record Frame(java.util.List<Bilan.Structure> structures, boolean askStructure, java.util.List<Bilan.Question> questions) implements PlatformCommand {}

    /** Participant: their structure (optional) and how many people share this device (optional). */
    record Declare(String structureId, Integer declaredSize) implements PlatformCommand {}

    /** Participant: a 1–5 answer to an impact question, "before" or "after". */
    @JsonTypeName("session.impact")
    record ImpactAnswer(String questionId, String moment, int score) implements PlatformCommand {}

    /** Server: ends a session left idle (no event for the configured time); archived as closed by the system. */
    record EndIdle(long idleSince) implements PlatformCommand {}
}
