package fr.atelier.workshops.core;

import java.util.Set;

/**
 * Which phones an event changes. Lets the server push O(changed) phone views per batch instead of
 * recomputing every phone's view after every answer; projector and console are always refreshed
 * (coalesced).
 */
public record Impact(boolean allParticipants, Set<String> participants) {
    public static final Impact ALL = new Impact(true, Set.of());
    public static final Impact AGGREGATES_ONLY = new Impact(false, Set.of());

    public static Impact only(String participantId) {
        return new Impact(false, Set.of(participantId));
    }

    public static Impact only(Set<String> participantIds) {
        return new Impact(false, Set.copyOf(participantIds));
    }
}
