package fr.atelier.workshops.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator of random test values, drawn from the trial's seeded {@link Random} so that a seed
 * gives back the same value (decision 15). Only what our property tests use.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(Random random);

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    /** An int from {@code min} to {@code max}, both included, uniformly. */
    static Gen<Integer> between(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return r -> r.nextInt(min, max + 1);
    }

    static Gen<Long> longs() {
        return Random::nextLong;
    }

    /** A weighted choice among values and generators: {@code Gen.<Kind>weighted().or(3, ASK).or(10, ANSWER)}. */
    static <T> Weighted<T> weighted() {
        return new Weighted<>(List.of(), List.of());
    }

    /** {@code null} with probability {@code p}, else a value of this generator. */
    default Gen<T> orNull(double p) {
        return r -> r.nextDouble() < p ? null : next(r);
    }

    /** One of {@code edges} one time in five (bounds find bugs that the middle hides), else a value of this generator. */
    @SuppressWarnings("unchecked")
    default Gen<T> withEdges(T... edges) {
        List<T> copy = List.of(edges);
        return r -> r.nextInt(5) == 0 ? copy.get(r.nextInt(copy.size())) : next(r);
    }

    /** A list of {@code min} to {@code max} values (both included), its length drawn uniformly. */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> sizes = between(min, max);
        return r -> {
            int n = sizes.next(r);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    /** Immutable: every {@code or} returns a new choice. A weight of 0 leaves the alternative out. */
    final class Weighted<T> implements Gen<T> {
        private final List<Integer> weights;
        private final List<Gen<? extends T>> choices;
        private final int total;

        private Weighted(List<Integer> weights, List<Gen<? extends T>> choices) {
            this.weights = weights;
            this.choices = choices;
            this.total = weights.stream().mapToInt(Integer::intValue).sum();
        }

        public Weighted<T> or(int weight, T value) {
            return or(weight, just(value));
        }

        public Weighted<T> or(int weight, Gen<? extends T> gen) {
            if (weight < 0) {
                throw new IllegalArgumentException("weight " + weight);
            }
            List<Integer> w = new ArrayList<>(weights);
            List<Gen<? extends T>> c = new ArrayList<>(choices);
            w.add(weight);
            c.add(gen);
            return new Weighted<>(List.copyOf(w), List.copyOf(c));
        }

        @Override
        public T next(Random r) {
            if (total == 0) {
                throw new IllegalStateException("no alternative to choose from");
            }
            int ticket = r.nextInt(total);
            for (int i = 0; i < weights.size(); i++) {
                ticket -= weights.get(i);
                if (ticket < 0) {
                    return choices.get(i).next(r);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
