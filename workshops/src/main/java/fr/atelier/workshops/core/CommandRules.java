package fr.atelier.workshops.core;

import java.util.HashMap;
import java.util.Map;

/**
 * A format's rules looked up by command record, for a format with many commands that all take the
 * state, the command and the time: one line a command instead of an
 * {@code if (c instanceof X x) return rule(s, x, at);} block each. Built once, read-only after.
 */
public final class CommandRules<S, C, E> {

    /** One command's rule. */
    @FunctionalInterface
    public interface Rule<S, T, E> {
        Decision<E> decide(S state, T command, long at);
    }

    private final Map<Class<?>, Rule<S, ?, E>> rules = new HashMap<>();

    public <T extends C> CommandRules<S, C, E> on(Class<T> type, Rule<S, T, E> rule) {
        if (rules.put(type, rule) != null) {
            throw new IllegalArgumentException("two rules for " + type.getSimpleName());
        }
        return this;
    }

    /** The decision of the command's rule; a command without one is a programming error. */
    @SuppressWarnings("unchecked")
    public Decision<E> decide(S state, C command, long at) {
        Rule<S, C, E> rule = (Rule<S, C, E>) rules.get(command.getClass());
        if (rule == null) {
            throw new IllegalStateException("unknown command " + command);
        }
        return rule.decide(state, command, at);
    }
}
