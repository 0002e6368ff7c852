package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What nodes send each other over Redis pub/sub ({@link ClusterBus}): typed here, written and read
 * in one place ({@link NodeCodec}).
 */
sealed interface NodeMessage {
    /** A question for the node that owns a session; answered by a {@link Response} with the same id. */
    record Request(String id, String from, NodeRequest body) implements NodeMessage {}

    /** The answer to a request: a body when {@code ok}, else an error text ("notowner", "unauthorized"...). */
    record Response(String id, boolean ok, JsonNode body, String error) implements NodeMessage {}

    /** A ready view frame for a listener attached through another node. */
    record View(String listenerId, String from, String frame) implements NodeMessage {}
}
