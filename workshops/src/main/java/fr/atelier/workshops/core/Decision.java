package fr.atelier.workshops.core;

import java.util.List;

/** The outcome of {@code decide}: facts to record, or a refusal with a reason a person can read. */
public sealed interface Decision<E> {
    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** {@code code} is stable and machine-readable; {@code message} is French, for people. */
    record Rejected<E>(String code, String message) implements Decision<E> {}

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> accept(List<E> events) {
        return new Accepted<>(events);
    }

    static <E> Decision<E> reject(String code, String message) {
        return new Rejected<>(code, message);
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
