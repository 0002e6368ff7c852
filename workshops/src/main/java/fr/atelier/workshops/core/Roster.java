package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The participants of a session, in join order. Read-only for formats. The active count and the
 * folded nicknames are kept alongside the map: every phone view reads the count, and every join
 * checks the nickname, so neither may cost a pass over 2,500 members.
 */
public final class Roster {

    /** A participant: pseudonymous, nickname only. {@code tokenHash} never leaves the server. */
    public record Member(String id, String nickname, String tokenHash, long joinedAtMillis, boolean active) {}

    public static final Roster EMPTY = new Roster(Map.of());

    private final Map<String, Member> members;
    private final int activeCount;
    private final Set<String> takenNicknames;

    @JsonCreator
    public Roster(@JsonProperty("members") Map<String, Member> members) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        int active = 0;
        Set<String> taken = new HashSet<>();
        for (Member m : members.values()) {
            if (m.active()) {
                active++;
                taken.add(Text.foldForComparison(m.nickname()));
            }
        }
        this.activeCount = active;
        this.takenNicknames = taken;
    }

    private Roster(Map<String, Member> members, int activeCount, Set<String> takenNicknames) {
        this.members = Collections.unmodifiableMap(members);
        this.activeCount = activeCount;
        this.takenNicknames = takenNicknames;
    }

    @JsonProperty("members")
    public Map<String, Member> members() {
        return members;
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
        return activeCount;
    }

    public boolean nicknameTaken(String nickname) {
        return takenNicknames.contains(Text.foldForComparison(nickname));
    }

    public Roster with(Member m) {
        Map<String, Member> copy = new LinkedHashMap<>(members);
        Member old = copy.put(m.id(), m);
        Set<String> taken = new HashSet<>(takenNicknames);
        int active = activeCount;
        if (old != null && old.active()) {
            active--;
            taken.remove(Text.foldForComparison(old.nickname()));
        }
        if (m.active()) {
            active++;
            taken.add(Text.foldForComparison(m.nickname()));
        }
        return new Roster(copy, active, taken);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Roster r && r.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "Roster" + members;
    }
}
