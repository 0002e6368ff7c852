package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the latest applied commands, each with the seq it was acknowledged at: a resent command is applied once. */
final class CommandIds extends LinkedHashMap<String, Long> {
    private final int capacity;

    CommandIds(int capacity) {
        super(1024, 0.75f, false);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
    }

    /** Remembers the ids of one stream entry (a JSON array), all acknowledged at {@code seq}. */
    void remember(String idsJson, long seq) {
        if (idsJson == null) {
            return;
        }
        try {
            for (JsonNode k : Json.MAPPER.readTree(idsJson)) {
                put(k.asText(), seq);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
