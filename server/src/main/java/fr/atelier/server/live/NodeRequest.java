package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;

/** What a node asks a session's owner (the body of a {@link NodeMessage.Request}). */
sealed interface NodeRequest {
    /** Who a token designates for a role. */
    record Identify(String sessionId, String role, String token) implements NodeRequest {}

    /** A command forwarded to the owner; {@code command} as the client sent it (the owner decodes it). */
    record Submit(String sessionId, Actor actor, String clientId, JsonNode command) implements NodeRequest {}

    /** Attach a relay: views for this audience go back to the asking node under {@code listenerId}. */
    record Attach(String sessionId, String listenerId, Audience audience) implements NodeRequest {}

    /** A read-only query ("info", "synthesis"). */
    record Query(String sessionId, String name, String token) implements NodeRequest {}

    /** Stop sending views to this relay (session id unknown when a stray view arrives). */
    record Detach(String sessionId, String listenerId) implements NodeRequest {}

    /** An operation this node does not know (a newer node asking): answered with an error. */
    record Unknown(String sessionId, String op) implements NodeRequest {}

    /** The session the request is about; null for a detach of a stray relay. */
    String sessionId();
}
