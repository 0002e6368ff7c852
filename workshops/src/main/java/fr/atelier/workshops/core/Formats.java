package fr.atelier.workshops.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The formats a server offers, by id. */
public final class Formats {
    private final Map<String, Format<?, ?, ?>> byId = new LinkedHashMap<>();

    public Formats(Collection<? extends Format<?, ?, ?>> formats) {
        for (Format<?, ?, ?> f : formats) {
            byId.put(f.id(), f);
        }
    }

    public Optional<Format<?, ?, ?>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Format<?, ?, ?>> all() {
        return byId.values();
    }
}
