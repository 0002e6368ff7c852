package fr.atelier.workshops.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The participants of a session, in join order. Read-only for formats. */
public record Roster(Map<String, Member> members) {

    /** A participant: pseudonymous, nickname only. {@code tokenHash} never leaves the server. */
    public record Member(String id, String nickname, String tokenHash, long joinedAtMillis, boolean active) {}

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public boolean isActive(String id) {
        Member m = members.get(id);
        return m != null && m.active();
    }

    public Collection<Member> all() {
        return members.values();
    }

    public long activeCount() {
        return members.values().stream().filter(Member::active).count();
    }

    public boolean nicknameTaken(String nickname) {
        String wanted = Text.foldForComparison(nickname);
        return members.values().stream()
                .anyMatch(m -> m.active() && Text.foldForComparison(m.nickname()).equals(wanted));
    }

    public Roster with(Member m) {
        Map<String, Member> copy = new LinkedHashMap<>(members);
        copy.put(m.id(), m);
        return new Roster(copy);
    }
}
