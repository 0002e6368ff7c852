package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The participants of a session. Read-only for formats. Persistent maps make a join cost a few
 * hundred copied references whatever the room's size (a forum with churn reaches tens of thousands
 * of members); the active count and the folded nicknames are kept alongside, because every phone
 * view reads the count and every join checks the nickname. {@link #all()} lists members in join
 * order, computed once per roster version.
 */
public final class Roster {

    /** A participant: pseudonymous, nickname only. {@code tokenHash} never leaves the server. */
    public record Member(String id, String nickname, String tokenHash, long joinedAtMillis, boolean active, String removedAs) {
        public Member(String id, String nickname, String tokenHash, long joinedAtMillis, boolean active) {
            this(id, nickname, tokenHash, joinedAtMillis, active, null);
        }

        /**
         * Removed by the facilitator: {@code nickname} is then a neutral placeholder (every view,
         * scoreboards included, shows it) and {@code removedAs} the nickname refused for the session.
         */
        public boolean removed() {
            return removedAs != null;
        }
    }


    private final PersistentMap<String, Member> members;
    /** Join position of each member: the join order survives persistent maps (which do not keep it). */
    private final PersistentMap<String, Integer> joinIndex;
    private final int activeCount;
    private final PersistentMap<String, Boolean> takenNicknames;
    /** Rejoin-token hash → member id: a reconnecting phone is found without a pass over the room. */
    private final PersistentMap<String, String> byTokenHash;
    /** Folded nicknames of removed participants: refused for the rest of the session. */
    private final PersistentMap<String, Boolean> refusedNicknames;
    private volatile List<Member> inJoinOrder;

    /** From JSON (a snapshot): members listed in join order. */
    @JsonCreator
    public Roster(@JsonProperty("members") Map<String, Member> members) {
        Roster r = EMPTY_INTERNAL;
        for (Member m : members.values()) {
            r = r.with(m);
        }
        this.members = r.members;
        this.joinIndex = r.joinIndex;
        this.activeCount = r.activeCount;
        this.takenNicknames = r.takenNicknames;
        this.byTokenHash = r.byTokenHash;
        this.refusedNicknames = r.refusedNicknames;
    }

    private static final Roster EMPTY_INTERNAL = new Roster(PersistentMap.empty(), PersistentMap.empty(), 0, PersistentMap.empty(),
            PersistentMap.empty(), PersistentMap.empty());
    public static final Roster EMPTY = EMPTY_INTERNAL;

    private Roster(PersistentMap<String, Member> members, PersistentMap<String, Integer> joinIndex, int activeCount,
                   PersistentMap<String, Boolean> takenNicknames, PersistentMap<String, String> byTokenHash,
                   PersistentMap<String, Boolean> refusedNicknames) {
        this.refusedNicknames = refusedNicknames;
        this.members = members;
        this.joinIndex = joinIndex;
        this.activeCount = activeCount;
        this.takenNicknames = takenNicknames;
        this.byTokenHash = byTokenHash;
    }

    /** The active member whose rejoin token has this hash. */
    public Optional<String> idForTokenHash(String tokenHash) {
        String id = tokenHash == null ? null : byTokenHash.get(tokenHash);
        return id != null && isActive(id) ? Optional.of(id) : Optional.empty();
    }

    /** Members by id (no particular order; O(1) look-ups). */
    public Map<String, Member> members() {
        return members;
    }

    /** For JSON: members in join order, so that a snapshot restores the same order. */
    @JsonProperty("members")
    Map<String, Member> membersInJoinOrder() {
        Map<String, Member> ordered = new java.util.LinkedHashMap<>();
        for (Member m : all()) {
            ordered.put(m.id(), m);
        }
        return ordered;
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public boolean isActive(String id) {
        Member m = members.get(id);
        return m != null && m.active();
    }

    /** Members in join order, computed once per roster version. */
    public Collection<Member> all() {
        List<Member> ordered = inJoinOrder;
        if (ordered == null) {
            List<Member> list = new ArrayList<>(members.values());
            list.sort(Comparator.comparingInt(m -> joinIndex.get(m.id())));
            ordered = Collections.unmodifiableList(list);
            inJoinOrder = ordered;
        }
        return ordered;
    }

    public long activeCount() {
        return activeCount;
    }

    public boolean nicknameTaken(String nickname) {
        return takenNicknames.containsKey(Text.foldForComparison(nickname));
    }

    /** The nickname of a participant the facilitator removed: nobody may take it again in this session. */
    public boolean nicknameRefused(String nickname) {
        return refusedNicknames.containsKey(Text.foldForComparison(nickname));
    }

    public boolean isRemoved(String id) {
        Member m = members.get(id);
        return m != null && m.removed();
    }

    public Roster with(Member m) {
        Member old = members.get(m.id());
        PersistentMap<String, Boolean> taken = takenNicknames;
        int active = activeCount;
        if (old != null && old.active()) {
            active--;
            taken = taken.minus(Text.foldForComparison(old.nickname()));
        }
        if (m.active()) {
            active++;
            taken = taken.plus(Text.foldForComparison(m.nickname()), Boolean.TRUE);
        }
        PersistentMap<String, Integer> index = old == null ? joinIndex.plus(m.id(), joinIndex.size()) : joinIndex;
        PersistentMap<String, String> tokens = m.tokenHash() == null ? byTokenHash : byTokenHash.plus(m.tokenHash(), m.id());
        PersistentMap<String, Boolean> refused = m.removed() ? refusedNicknames.plus(Text.foldForComparison(m.removedAs()), Boolean.TRUE)
                : refusedNicknames;
        return new Roster(members.plus(m.id(), m), index, active, taken, tokens, refused);
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
