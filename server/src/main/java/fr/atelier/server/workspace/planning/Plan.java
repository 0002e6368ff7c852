package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A session prepared ahead (table planned_session). {@code settings} holds the host commands the
 * console would send to set the session up (bank, deck, challenges, teams), in the format's own wire
 * form, replayed when the live session is created.
 */
public record Plan(String id, String code, String format, String title, Instant startsAt, String place,
                   String territoryId, String publics, String partners, JsonNode settings, String creatorId,
                   List<String> facilitatorIds, Instant createdAt, String sessionId, Instant openedAt,
                   Status status) {

    /** Where the session stands: not opened yet, opened and running, or ended (archived as ended). */
    public enum Status { PREPARED, LIVE, ENDED }

    /** The Redis holder of a reserved code: never a live session id (those start with "s_"). */
    public String holder() {
        return "plan:" + id;
    }
}
