package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's snapshot in Redis: its state, the seq and stream entry it stands at, and the most
 * recent command ids (a resent command is still recognised after a restart or a takeover).
 */
record SessionSnapshot<S>(SessionState<S> state, long seq, String streamId, List<Map.Entry<String, Long>> commandIds) {
    /**
     * Command ids kept in a snapshot: the most recent ones. Older ids are also in the stream entries
     * after the snapshot is taken, and a client resends within seconds, not 20,000 commands later.
     */
    static final int COMMAND_IDS_KEPT = 20_000;

    /** The state with the last {@link #COMMAND_IDS_KEPT} of {@code done} (oldest first). */
    static <S> SessionSnapshot<S> of(SessionState<S> state, long seq, String streamId, Map<String, Long> done) {
        List<Map.Entry<String, Long>> recent = new ArrayList<>(Math.min(done.size(), COMMAND_IDS_KEPT));
        int skip = Math.max(0, done.size() - COMMAND_IDS_KEPT);
        for (Map.Entry<String, Long> e : done.entrySet()) {
            if (skip-- <= 0) {
                recent.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return new SessionSnapshot<>(state, seq, streamId, recent);
    }

    @SuppressWarnings("unchecked")
    static <S> SessionSnapshot<S> read(SessionCodec codec, String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            List<Map.Entry<String, Long>> ids = new ArrayList<>();
            node.get("dedupe").fields().forEachRemaining(f -> ids.add(Map.entry(f.getKey(), f.getValue().asLong())));
            return new SessionSnapshot<>((SessionState<S>) codec.readSnapshot(node.get("state").toString()),
                    node.get("seq").asLong(), node.get("streamId").asText(), ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(SessionCodec codec) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("seq", seq);
        node.put("streamId", streamId);
        node.set("state", Json.MAPPER.readTree(codec.writeSnapshot(state)));
        ObjectNode dedupe = node.putObject("dedupe");
        for (Map.Entry<String, Long> e : commandIds) {
            dedupe.put(e.getKey(), e.getValue());
        }
        return node.toString();
    }
}
