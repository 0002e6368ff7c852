package fr.atelier.workshops.core;

/**
 * What every format declares the same way, given once to the constructor: its id and name, its
 * three types, its first state, and the two functions (usually of its {@code XViews}) that build
 * an audience's view and the results. A format then writes only its rules: {@code decide},
 * {@code evolve} and, when it has them, {@code impact} and its timers.
 */
public abstract class FormatBase<S, C, E> implements Format<S, C, E> {

    /** An audience's view of the state. */
    @FunctionalInterface
    public interface Views<S> {
        Object view(S state, Roster roster, Audience audience);
    }

    /** The results for the synthesis and the archive. */
    @FunctionalInterface
    public interface Results<S> {
        Object results(S state, Roster roster);
    }

    private final String id;
    private final String title;
    private final Class<S> stateType;
    private final Class<C> commandType;
    private final Class<E> eventType;
    private final S initialState;
    private final Views<S> views;
    private final Results<S> results;

    protected FormatBase(String id, String title, Class<S> stateType, Class<C> commandType, Class<E> eventType,
                         S initialState, Views<S> views, Results<S> results) {
        this.id = id;
        this.title = title;
        this.stateType = stateType;
        this.commandType = commandType;
        this.eventType = eventType;
        this.initialState = initialState;
        this.views = views;
        this.results = results;
    }

    @Override public final String id() { return id; }
    @Override public final String title() { return title; }
    @Override public final Class<S> stateType() { return stateType; }
    @Override public final Class<C> commandType() { return commandType; }
    @Override public final Class<E> eventType() { return eventType; }
    @Override public final S initialState() { return initialState; }

    @Override
    public final Object view(S state, Roster roster, Audience audience) {
        return views.view(state, roster, audience);
    }

    @Override
    public final Object results(S state, Roster roster) {
        return results.results(state, roster);
    }
}
