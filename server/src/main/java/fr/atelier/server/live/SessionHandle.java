package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import io.vertx.core.Future;

/**
 * A live session as connections and HTTP handlers see it, wherever it is hosted: the local actor
 * when this node owns the session, a proxy to the owner node otherwise.
 */
public interface SessionHandle {

    /** Who a token designates; null audience when the token is wrong. */
    record Identity(Audience audience, Actor actor, long seq) {
        public boolean valid() {
            return audience != null;
        }
    }

    String sessionId();

    SessionCodec codec();

    /** Checks a token for a role ("facilitator", "participant", "screen"). */
    Future<Identity> identify(String role, String token);

    Future<Outcome> submit(Actor who, String clientId, SessionCommand command);

    Future<Void> attach(ViewListener listener);

    void detach(ViewListener listener);

    /** The latest session seq known here (a hint for clients checking that they miss no view). */
    long knownSeq();

    /** Read-only questions answered by the owner: "info", or "synthesis" (needs the host token). */
    Future<JsonNode> query(String name, String token);
}
