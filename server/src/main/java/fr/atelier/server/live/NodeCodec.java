package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import java.io.IOException;

/**
 * The one place node-to-node messages become JSON and back: {@code "k"} says the kind (req, res,
 * view), a request's {@code "op"} its operation. Nodes of one cluster may run two versions during an
 * upgrade: fields are only ever added.
 */
final class NodeCodec {
    private NodeCodec() {}

    static String write(NodeMessage message) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (message instanceof NodeMessage.Request r) {
            writeRequest(n, r.body());
            n.put("k", "req").put("id", r.id()).put("from", r.from());
        } else if (message instanceof NodeMessage.Response r) {
            n.put("k", "res").put("id", r.id()).put("ok", r.ok());
            if (r.ok()) {
                n.set("body", r.body());
            } else {
                n.put("error", r.error());
            }
        } else if (message instanceof NodeMessage.View v) {
            n.put("k", "view").put("lid", v.listenerId()).put("from", v.from()).put("f", v.frame());
        } else {
            throw new IllegalStateException("unknown node message " + message);
        }
        return n.toString();
    }

    private static void writeRequest(ObjectNode n, NodeRequest request) {
        if (request.sessionId() != null) {
            n.put("sid", request.sessionId());
        }
        if (request instanceof NodeRequest.Identify r) {
            n.put("op", "identify").put("role", r.role());
            if (r.token() != null) {
                n.put("token", r.token());
            }
        } else if (request instanceof NodeRequest.Submit r) {
            n.put("op", "submit").put("actor", Wire.actor(r.actor())).put("clientId", r.clientId());
            n.set("command", r.command());
        } else if (request instanceof NodeRequest.Attach r) {
            n.put("op", "attach").put("lid", r.listenerId()).put("audience", Wire.audience(r.audience()));
        } else if (request instanceof NodeRequest.Query r) {
            n.put("op", "query").put("name", r.name());
            if (r.token() != null) {
                n.put("token", r.token());
            }
        } else if (request instanceof NodeRequest.Detach r) {
            n.put("op", "detach").put("lid", r.listenerId());
        } else if (request instanceof NodeRequest.Unknown r) {
            n.put("op", r.op());
        } else {
            throw new IllegalStateException("unknown node request " + request);
        }
    }

    /** The message, or null when it cannot be read (it is then ignored, as pub/sub may drop it anyway). */
    static NodeMessage read(String raw) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
        return switch (m.path("k").asText()) {
            case "req" -> new NodeMessage.Request(m.path("id").asText(), m.path("from").asText(), readRequest(m));
            case "res" -> new NodeMessage.Response(m.path("id").asText(), m.path("ok").asBoolean(), m.get("body"),
                    m.path("error").asText("error"));
            case "view" -> new NodeMessage.View(m.path("lid").asText(), m.hasNonNull("from") ? m.get("from").asText() : null,
                    m.path("f").asText());
            default -> null;
        };
    }

    private static NodeRequest readRequest(JsonNode m) {
        String sid = m.hasNonNull("sid") ? m.get("sid").asText() : null;
        String op = m.path("op").asText();
        return switch (op) {
            case "identify" -> new NodeRequest.Identify(sid, m.path("role").asText(), m.path("token").asText(null));
            case "submit" -> new NodeRequest.Submit(sid, Wire.actor(m.path("actor").asText()), m.path("clientId").asText(),
                    m.get("command"));
            case "attach" -> new NodeRequest.Attach(sid, m.path("lid").asText(), Wire.audience(m.path("audience").asText()));
            case "query" -> new NodeRequest.Query(sid, m.path("name").asText(), m.path("token").asText(null));
            case "detach" -> new NodeRequest.Detach(sid, m.path("lid").asText());
            default -> new NodeRequest.Unknown(sid, op);
        };
    }

    // ---- answer bodies ------------------------------------------------------------------------

    static JsonNode empty() {
        return Json.MAPPER.createObjectNode();
    }

    static JsonNode identified(SessionHandle.Identity id) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("seq", id.seq());
        if (id.valid()) {
            out.put("audience", Wire.audience(id.audience()));
            if (id.actor() != null) {
                out.put("actor", Wire.actor(id.actor()));
            }
        }
        return out;
    }

    static SessionHandle.Identity identity(JsonNode b) {
        return new SessionHandle.Identity(Wire.audience(b.path("audience").asText(null)), Wire.actor(b.path("actor").asText(null)),
                b.path("seq").asLong());
    }

    static JsonNode submitted(Outcome o) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("accepted", o.accepted()).put("seq", o.seq());
        if (!o.accepted()) {
            out.put("code", o.code()).put("message", o.message());
        }
        return out;
    }

    static Outcome outcome(JsonNode b) {
        return new Outcome(b.path("accepted").asBoolean(), b.path("seq").asLong(-1), b.path("code").asText(null),
                b.path("message").asText(null));
    }
}
