package fr.atelier.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.formats.CommandCheck;
import fr.atelier.server.live.Outcome;
import fr.atelier.server.live.SessionHandle;
import fr.atelier.server.live.SessionRegistry;
import fr.atelier.server.live.Tokens;
import fr.atelier.server.live.ViewListener;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.NamesIn;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;

/**
 * One socket's protocol state (awaiting hello → ready → closed). Validates every frame; a bad one
 * gets an error and changes nothing. Commands go to the session actor; views come back through
 * {@link ViewListener}.
 */
final class ClientConnection implements ViewListener {
    static final int PROTOCOL = 1;
    static final long HELLO_TIMEOUT_MS = 10_000;
    static final int COMMANDS_PER_SECOND = 20;
    static final int BURST = 40;
    static final int ABUSE_LIMIT = 200;
    static final int CLIENT_ID_MAX = 64;
    static final int MAX_MESSAGE = 16 * 1024;
    private static final String TOO_FAST = "Trop de messages : ralentissez (" + COMMANDS_PER_SECOND + " par seconde au plus).";

    private enum State { AWAITING_HELLO, READY, CLOSED }

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final SessionRegistry registry;
    private final WebSocketGateway gateway;
    private State state = State.AWAITING_HELLO;
    private long helloTimer;
    private SessionHandle session;
    private Audience audience;
    private Actor actor;

    private double tokens = BURST;
    private long lastRefill = System.nanoTime();
    private int refused;

    /** Latest view not yet written because the socket is congested; older ones are superseded. */
    private String parkedView;
    /** Small frames (acks, pongs) written while congested; past a few, the client is not reading. */
    private int controlsWhileCongested;
    private long stuckTimer = -1;
    /** When the client last sent anything (a frame or a pong): our own pings do not count. */
    private volatile long lastHeard = System.currentTimeMillis();

    private final JoinGuard guard;
    private final String address;
    private final WebSocketGateway.Limits limits;

    static final int MAX_CONTROLS_WHILE_CONGESTED = 64;

    ClientConnection(Vertx vertx, ServerWebSocket socket, SessionRegistry registry, WebSocketGateway gateway, JoinGuard guard, String address,
                     WebSocketGateway.Limits limits) {
        this.limits = limits;
        this.guard = guard;
        this.address = address;
        this.vertx = vertx;
        this.socket = socket;
        this.registry = registry;
        this.gateway = gateway;
    }

    void start() {
        socket.setWriteQueueMaxSize(limits.maxPendingBytes());
        socket.textMessageHandler(text -> {
            lastHeard = System.currentTimeMillis();
            onText(text);
        });
        socket.binaryMessageHandler(b -> {
            lastHeard = System.currentTimeMillis();
            sendError("bad_message", "Seuls les messages texte JSON sont acceptés.");
        });
        socket.pongHandler(b -> lastHeard = System.currentTimeMillis());
        socket.closeHandler(v -> onClose());
        socket.exceptionHandler(this::onSocketError);
        helloTimer = vertx.setTimer(HELLO_TIMEOUT_MS, t -> {
            if (state == State.AWAITING_HELLO) {
                close(4408, "hello attendu");
            }
        });
    }

    /** Closes a socket silent for {@code idleMs}, else pings it (the answer, a pong, counts as activity). */
    void heartbeat(long now, long idleMs) {
        if (state == State.CLOSED) {
            return;
        }
        if (now - lastHeard > idleMs) {
            close(4408, "inactif");
            return;
        }
        try {
            socket.writePing(Buffer.buffer());
        } catch (IllegalStateException closed) {
            onClose();
        }
    }

    @Override
    public Audience audience() {
        return audience;
    }

    @Override
    public void send(String frame) {
        if (frame.startsWith(ViewListener.REMOVED_PREFIX)) {
            // The facilitator removed this participant: say why, then close (protocol.md, 4403).
            try {
                socket.writeTextMessage(frame);
            } catch (IllegalStateException closed) {
                onClose();
                return;
            }
            // Closed on the next turn: closing detaches this listener, which must not happen while the
            // session's fan-out is iterating over its listeners (ConcurrentModificationException).
            vertx.runOnContext(v -> close(4403, "retiré de la session"));
            return;
        }
        // Called from the session's context: a socket closing at the same moment must not throw into
        // the actor (it would skip the other phones of the batch).
        try {
            synchronized (this) {
                if (state == State.CLOSED) {
                    return;
                }
                if (parkedView != null || socket.writeQueueFull()) {
                    // Unsent data passed the bound: keep only the latest view (each is complete) and
                    // give the client a little time to read before dropping it.
                    parkedView = frame;
                    congested();
                    return;
                }
            }
            socket.writeTextMessage(frame);
        } catch (IllegalStateException closed) {
            onClose();
        }
    }

    private void sendControl(ObjectNode message) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            synchronized (this) {
                if (socket.writeQueueFull()) {
                    if (++controlsWhileCongested > MAX_CONTROLS_WHILE_CONGESTED) {
                        stuck();
                        return;
                    }
                    congested();
                }
            }
            socket.writeTextMessage(message.toString());
        } catch (IllegalStateException closed) {
            onClose();
        }
    }

    /**
     * The socket holds more unsent data than the bound. A client that reads again soon gets the
     * latest view; one that reads nothing for the stuck delay is dropped (a phone or projector with a
     * stuck network): it reconnects and gets the current view like any other (issue 12).
     */
    private void congested() {
        if (stuckTimer >= 0) {
            return;
        }
        socket.drainHandler(v -> drained());
        stuckTimer = vertx.setTimer(limits.stuckMs(), t -> {
            synchronized (this) {
                stuckTimer = -1;
                if (!socket.writeQueueFull()) {
                    return;
                }
            }
            stuck();
        });
    }

    private void drained() {
        String next;
        synchronized (this) {
            next = parkedView;
            parkedView = null;
            controlsWhileCongested = 0;
            if (stuckTimer >= 0) {
                vertx.cancelTimer(stuckTimer);
                stuckTimer = -1;
            }
        }
        if (next != null && state != State.CLOSED) {
            try {
                socket.writeTextMessage(next);
            } catch (IllegalStateException closed) {
                onClose();
            }
        }
    }

    private void stuck() {
        synchronized (this) {
            parkedView = null;
        }
        // The close frame queues behind what the client does not read; the server's closing timeout
        // then cuts the TCP connection, dropping the unsent data. A client that floods us while it
        // does not read is first of all flooding: it gets the flood's documented code.
        if (refused > 0) {
            close(4429, "trop de messages");
        } else {
            close(4408, "client bloqué");
        }
    }

    private void sendError(String code, String message) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "error").put("code", code).put("message", message);
        sendControl(n);
    }

    private void onText(String text) {
        if (state == State.CLOSED) {
            return;
        }
        if (!(actor instanceof Actor.Facilitator) && utf8Length(text) > MAX_MESSAGE) {
            sendError("too_large", "Message trop long (16 Kio au plus).");
            close(1009, "message trop long");
            return;
        }
        boolean allowed = takeToken();
        if (!allowed && ++refused > ABUSE_LIMIT) {
            close(4429, "trop de messages");
            return;
        }
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            sendError(allowed ? "bad_message" : "rate_limited", allowed ? "Message illisible : JSON attendu." : TOO_FAST);
            return;
        }
        if (!allowed) {
            // Every command gets exactly one answer: a refused command is rejected under its own id.
            String id = commandId(message);
            if (id != null) {
                reply(id, Outcome.reject("rate_limited", TOO_FAST));
            } else {
                sendError("rate_limited", TOO_FAST);
            }
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            sendError("bad_message", "Chaque message doit être un objet JSON avec un champ « type ».");
            return;
        }
        switch (message.get("type").asText()) {
            case "hello" -> onHello(message);
            case "ping" -> {
                ObjectNode pong = Json.MAPPER.createObjectNode().put("type", "pong");
                if (message.has("t")) {
                    pong.set("t", message.get("t"));
                }
                if (session != null) {
                    // The session's latest seq known here: a client whose views lag behind it resyncs (issue 12).
                    pong.put("seq", session.knownSeq());
                }
                sendControl(pong);
            }
            case "command" -> onCommand(message);
            default -> sendError("bad_message", "Type de message inconnu : « " + truncate(message.get("type").asText()) + " ».");
        }
    }

    /**
     * A frame or message over the transport's limit (256 KiB) never reaches {@link #onText}: the
     * decoder reports it here. Answer as for any oversized frame (protocol.md: too_large, then 1009)
     * rather than letting the connection drop without a close code.
     */
    private void onSocketError(Throwable e) {
        if (state != State.CLOSED && tooLarge(e)) {
            sendError("too_large", "Message trop long (" + fr.atelier.server.AtelierServer.MAX_FRAME / 1024 + " Kio au plus).");
            close(1009, "message trop long");
        }
    }

    private static boolean tooLarge(Throwable e) {
        if (e instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException c) {
            return c.closeStatus() != null && c.closeStatus().code() == 1009;
        }
        if (e instanceof io.netty.handler.codec.TooLongFrameException) {
            return true;
        }
        // Vert.x's message aggregator has no exception type of its own for a message over the limit.
        return e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("max message size");
    }

    private void onHello(JsonNode hello) {
        if (state != State.AWAITING_HELLO) {
            sendError("bad_message", "La connexion est déjà établie.");
            return;
        }
        if (hello.path("protocol").asInt(-1) != PROTOCOL) {
            sendError("bad_message", "Version de protocole non prise en charge (attendue : " + PROTOCOL + ").");
            close(4400, "protocole");
            return;
        }
        String code = Tokens.normaliseCode(hello.path("code").asText(null));
        String role = hello.path("role").asText("");
        String token = hello.path("token").isTextual() ? hello.get("token").asText() : null;
        if (code == null || !(role.equals("participant") || role.equals("facilitator") || role.equals("screen"))) {
            sendError("bad_message", "hello incomplet : « code » et « role » (participant, facilitator ou screen) sont requis.");
            close(4400, "hello invalide");
            return;
        }
        state = State.READY; // no second hello while the session loads
        vertx.cancelTimer(helloTimer);
        // A host token is a secret, a code a guess until found (decision 24).
        JoinGuard.Guess guess = role.equals("facilitator") ? guard.secret(address) : guard.code(address, code);
        if (!guess.allowed()) {
            sendError("rate_limited", guess.refusal().getMessage());
            close(4429, "trop d'essais");
            return;
        }
        registry.byCode(code).onComplete(ar -> {
            if (ar.failed()) {
                guess.unanswered();
                sendError("unavailable", "Service momentanément indisponible, reconnexion…");
                close(1013, "indisponible");
                return;
            }
            SessionHandle found = ar.result();
            if (found == null) {
                sendError("unknown_session", "Aucune session ne correspond à ce code.");
                close(4404, "session inconnue");
                return;
            }
            guess.found();
            found.identify(role, token).onComplete(identified -> {
                if (identified.failed()) {
                    sendError("unavailable", "Service momentanément indisponible, reconnexion…");
                    close(1013, "indisponible");
                    return;
                }
                SessionHandle.Identity id = identified.result();
                if (!id.valid()) {
                    sendError("unauthorized", role.equals("facilitator")
                            ? "Lien d'animation invalide." : "Jeton de participant inconnu : rejoignez à nouveau la session.");
                    close(4401, "jeton invalide");
                    return;
                }
                guess.passed();
                audience = id.audience();
                actor = id.actor();
                session = found;
                gateway.register(this);
                ObjectNode welcome = Json.MAPPER.createObjectNode();
                welcome.put("type", "welcome").put("protocol", PROTOCOL).put("role", role);
                if (actor instanceof Actor.Participant p) {
                    welcome.put("participantId", p.id());
                }
                welcome.put("seq", id.seq());
                sendControl(welcome);
                found.attach(this);
            });
        });
    }

    /** The id of a well-formed command frame, else null. */
    private static String commandId(JsonNode message) {
        if (message == null || !message.isObject() || !"command".equals(message.path("type").asText(null))) {
            return null;
        }
        JsonNode idNode = message.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty() || idNode.asText().length() > CLIENT_ID_MAX) {
            return null;
        }
        return idNode.asText();
    }

    private void onCommand(JsonNode message) {
        String id = commandId(message);
        if (id == null) {
            sendError("bad_message", "Chaque commande a besoin d'un « id » texte de 1 à " + CLIENT_ID_MAX + " caractères.");
            return;
        }
        if (session == null) {
            // protocol.md: a command before hello is not a message of this connection yet: an error, not a rejection.
            sendError("bad_message", "Envoyez d'abord « hello » : la commande « " + truncate(id) + " » n'a pas été traitée.");
            return;
        }
        if (actor == null) {
            reply(id, Outcome.reject("forbidden", "L'écran de projection ne peut pas envoyer de commandes."));
            return;
        }
        SessionCommand command;
        try {
            command = session.codec().readCommand(message.get("command"));
        } catch (SessionCodec.BadCommand e) {
            reply(id, Outcome.reject(e.code(), e.getMessage()));
            return;
        }
        String badName = NamesIn.problem(command, gateway.names());
        if (badName != null) {
            reply(id, Outcome.reject(NamesIn.code(command), badName));
            return;
        }
        SessionHandle target = session;
        Actor who = actor;
        CommandCheck check = gateway.check(target.codec().format().id());
        Future<Outcome> outcome = check == CommandCheck.NONE ? target.submit(who, id, command)
                : check.check(command).compose(refused -> refused != null ? Future.succeededFuture(refused) : target.submit(who, id, command));
        outcome.onComplete(ar -> reply(id, ar.succeeded() ? ar.result() : Outcome.unavailable()));
    }

    private void reply(String id, Outcome outcome) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (outcome.accepted()) {
            n.put("type", "ack").put("id", id).put("seq", outcome.seq());
        } else {
            n.put("type", "rejected").put("id", id).put("code", outcome.code()).put("message", outcome.message());
        }
        sendControl(n);
    }

    private boolean takeToken() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (now - lastRefill) / 1e9 * COMMANDS_PER_SECOND);
        lastRefill = now;
        if (tokens >= BURST) {
            refused = 0; // a client that calmed down is not "sustained abuse" for an old burst
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void close(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        socket.close((short) code, reason);
        onClose();
    }

    private void onClose() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        vertx.cancelTimer(helloTimer);
        gateway.unregister(this);
        if (session != null) {
            session.detach(this);
        }
    }

    private static int utf8Length(String s) {
        if (s.length() <= MAX_MESSAGE / 3) {
            return s.length();
        }
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
