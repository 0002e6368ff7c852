package fr.atelier.workshops.core;

import java.time.Instant;

/**
 * An animation format as a pure decider. {@code decide} holds every rule; {@code evolve} only
 * applies facts; both are deterministic (time arrives as {@code now}, randomness as seeds carried by
 * commands and recorded in events), so replaying the events rebuilds the same state.
 *
 * @param <S> state (an immutable record)
 * @param <C> commands (a sealed interface of records, JSON-typed by a {@code type} property)
 * @param <E> events (same)
 */
public interface Format<S, C, E> {

    /** Stable identifier, used in URLs, storage and the protocol ("poll", "quiz", ...). */
    String id();

    /** Name shown to people, in French. */
    String title();

    Class<S> stateType();

    Class<C> commandType();

    Class<E> eventType();

    S initialState();

    Decision<E> decide(S state, Roster roster, Actor who, C command, Instant now);

    S evolve(S state, E event);

    /** What one audience may see. Must never leak a secret to a phone before it is revealed. */
    Object view(S state, Roster roster, Audience audience);

    /**
     * The format's results for the synthesis page and the archive: plain records, JSON-ready,
     * everything revealed (the session is over when a coordinator reads it).
     */
    Object results(S state, Roster roster);

    /**
     * Members of the roster who take part as staff, not as participants (a hackathon's jurors): they
     * join with a nickname like everyone, but the participant counts leave them out.
     */
    default java.util.Set<String> staff(S state) {
        return java.util.Set.of();
    }

    /** Which phones {@code event} changes; the projector and console are refreshed anyway. */
    default Impact impact(E event) {
        return Impact.ALL;
    }

    /** The earliest deadline in the state, at which the server must send {@link #timeUp(S, Instant)}'s command, if any. */
    default Instant nextDeadline(S state) {
        return null;
    }

    /** The format's {@link TimeUp} command, which the server sends when {@link #nextDeadline} passes; stale ones are ignored. */
    default C timeUp(S state, Instant deadline) {
        return null;
    }
}
