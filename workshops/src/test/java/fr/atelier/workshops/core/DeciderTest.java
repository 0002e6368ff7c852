package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

/**
 * The given/when/then harness every format's decider test extends: given events (folded by
 * {@code evolve}), when one command at {@link #NOW}, then the whole decision. Shared so that every
 * format's tests read the same and a refusal is always checked for its code and a message.
 */
public abstract class DeciderTest<S, C, E> {
    public static final Instant NOW = Instant.parse("2025-11-25T14:00:00Z");

    protected final Format<S, C, E> format;
    protected final Roster roster;
    protected S state;
    protected Decision<E> decision;

    protected DeciderTest(Format<S, C, E> format, Roster roster) {
        this.format = format;
        this.roster = roster;
    }

    @SafeVarargs
    protected final void given(E... events) {
        given(List.of(events));
    }

    protected void given(List<E> events) {
        state = format.initialState();
        for (E e : events) {
            state = format.evolve(state, e);
        }
    }

    protected void when(Actor who, C command) {
        decision = format.decide(state, roster, who, command, NOW);
    }

    @SafeVarargs
    protected final void thenAccepted(E... events) {
        assertThat(decision).isEqualTo(new Decision.Accepted<>(List.of(events)));
    }

    protected void thenRejected(String code) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Decision.Rejected<E> r = (Decision.Rejected<E>) decision;
        assertThat(r.code()).as("%s", r).isEqualTo(code);
        assertThat(r.message()).isNotBlank();
    }

    /** The accepted decision's events. */
    protected List<E> events() {
        assertThat(decision.accepted()).as("%s", decision).isTrue();
        return ((Decision.Accepted<E>) decision).events();
    }

    /** The refusal's message. */
    protected String message() {
        return ((Decision.Rejected<E>) decision).message();
    }

    /** Applies the accepted decision's events, so a test can go on from there. */
    protected void apply() {
        for (E e : events()) {
            state = format.evolve(state, e);
        }
    }
}
