package fr.atelier.workshops.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON for one format's sessions: events (storage and archive), commands (from the wire) and
 * snapshots. Platform and format types share one namespace through their {@code type} prefix.
 */
public final class SessionCodec {
    private static final String PLATFORM_PREFIX = "session.";
    private final ObjectMapper mapper = Json.MAPPER;
    private final Format<?, ?, ?> format;
    private final ObjectWriter platformEventWriter;
    private final ObjectWriter activityEventWriter;
    private final ObjectReader platformEventReader;
    private final ObjectReader activityEventReader;
    private final ObjectReader platformCommandReader;
    private final ObjectReader activityCommandReader;

    public SessionCodec(Format<?, ?, ?> format) {
        this.format = format;
        this.platformEventWriter = mapper.writerFor(PlatformEvent.class);
        this.activityEventWriter = mapper.writerFor(format.eventType());
        this.platformEventReader = mapper.readerFor(PlatformEvent.class);
        this.activityEventReader = mapper.readerFor(format.eventType());
        this.platformCommandReader = mapper.readerFor(PlatformCommand.class);
        this.activityCommandReader = mapper.readerFor(format.commandType());
    }

    public Format<?, ?, ?> format() {
        return format;
    }

    /**
     * Thrown when a command cannot be read; the message is French, for the person who sent it.
     * {@code code} is {@code bad_message} (not a command: unknown type or field, not an object) or
     * {@code invalid} (a known field holds a value of the wrong kind or out of range).
     */
    public static final class BadCommand extends Exception {
        private final String code;

        public BadCommand(String message) {
            this("bad_message", message);
        }

        public BadCommand(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public String writeEvents(List<SessionEvent> events) {
        ArrayNode array = mapper.createArrayNode();
        for (SessionEvent e : events) {
            array.add(eventTree(e));
        }
        return array.toString();
    }

    public JsonNode eventTree(SessionEvent e) {
        try {
            String json = e instanceof ActivityEvent a
                    ? activityEventWriter.writeValueAsString(a.event())
                    : platformEventWriter.writeValueAsString(e);
            return mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public List<SessionEvent> readEvents(String json) {
        try {
            JsonNode array = mapper.readTree(json);
            List<SessionEvent> events = new ArrayList<>(array.size());
            for (JsonNode node : array) {
                events.add(readEvent(node));
            }
            return events;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public SessionEvent readEvent(JsonNode node) throws IOException {
        String type = node.path("type").asText();
        if (type.startsWith(PLATFORM_PREFIX)) {
            return platformEventReader.readValue(node);
        }
        return new ActivityEvent(activityEventReader.readValue(node));
    }

    /** Reads a command object such as {@code {"type":"session.rate","score":4}} from a client. */
    public SessionCommand readCommand(JsonNode node) throws BadCommand {
        SessionCommand c = readAnyCommand(node);
        if (c instanceof PlatformCommand.Join) {
            throw new BadCommand("Pour rejoindre une session, utilisez la page d'accueil (POST /api/sessions/{code}/join).");
        }
        return c;
    }

    /** Commands forwarded between server nodes: anything, including the join the server built. */
    public SessionCommand readAnyCommand(JsonNode node) throws BadCommand {
        if (node == null || !node.isObject()) {
            throw new BadCommand("La commande doit être un objet JSON.");
        }
        String type = node.path("type").asText("");
        try {
            if (type.startsWith(PLATFORM_PREFIX)) {
                return platformCommandReader.readValue(node);
            }
            if (type.startsWith(format.id() + ".")) {
                return new ActivityCommand(activityCommandReader.readValue(node));
            }
        } catch (IOException e) {
            throw CommandErrors.explain(type, e);
        }
        throw new BadCommand("Commande inconnue : « " + type + " ».");
    }

    public JsonNode writeCommand(SessionCommand command) {
        try {
            String json = command instanceof ActivityCommand a
                    ? mapper.writerFor(format.commandType()).writeValueAsString(a.command())
                    : mapper.writerFor(PlatformCommand.class).writeValueAsString(command);
            return mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String writeSnapshot(SessionState<?> state) {
        ObjectNode node = mapper.createObjectNode();
        node.set("platform", mapper.valueToTree(state.platform()));
        node.set("activity", mapper.valueToTree(state.activity()));
        return node.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public SessionState<?> readSnapshot(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            PlatformState platform = mapper.treeToValue(node.get("platform"), PlatformState.class);
            Object activity = mapper.treeToValue(node.get("activity"), format.stateType());
            return new SessionState(platform, activity);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
