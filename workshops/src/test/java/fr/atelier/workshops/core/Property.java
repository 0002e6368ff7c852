package fr.atelier.workshops.core;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A property test on plain JUnit 5 (decision 15): {@code tries} trials, each with its own seeded
 * {@link Random}. A failing trial is rethrown with its seed and the command line that replays it:
 * {@code -Datelier.seed=<seed>} runs that trial alone; {@code -Datelier.baseSeed=<base>} replays a
 * whole run (what a coverage failure needs). Each run otherwise starts from a fresh base seed, so
 * that successive runs explore new cases.
 *
 * <pre>{@code
 * Property.tries(400).coverage("a secret was guarded", 25)
 *         .forAll(scenarios(), (scenario, trial) -> { ...; trial.saw("a secret was guarded"); });
 * }</pre>
 */
public final class Property {
    public static final String SEED = "atelier.seed";
    public static final String BASE_SEED = "atelier.baseSeed";

    private final int tries;
    private final Map<String, Integer> minPercent = new LinkedHashMap<>();

    private Property(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries " + tries);
        }
        this.tries = tries;
    }

    public static Property tries(int tries) {
        return new Property(tries);
    }

    /**
     * The property is only worth something if enough trials reach the states worth checking: at the
     * end of the run, at least {@code percent} % of the trials must have {@link Trial#saw seen} {@code label}.
     */
    public Property coverage(String label, int percent) {
        minPercent.put(label, percent);
        return this;
    }

    public <T> void forAll(Gen<T> generator, Consumer<T> property) {
        forAll(generator, (value, trial) -> property.accept(value));
    }

    public <T> void forAll(Gen<T> generator, BiConsumer<T, Trial> property) {
        StackWalker.StackFrame caller = caller();
        String replay = "mvn -pl workshops test -Dtest='" + simpleName(caller.getClassName()) + "*#" + caller.getMethodName() + "'";
        String fixed = System.getProperty(SEED);
        if (fixed != null && !fixed.isBlank()) {
            // Replaying one trial: coverage is a statement about a whole run, not checked here.
            runTrial(generator, property, Long.parseLong(fixed.trim()), 1, 1, replay, new Trial(minPercent.keySet()));
            return;
        }
        String givenBase = System.getProperty(BASE_SEED);
        long base = givenBase == null || givenBase.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(givenBase.trim());
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (int i = 0; i < tries; i++) {
            Trial trial = new Trial(minPercent.keySet());
            runTrial(generator, property, trialSeed(base, i), i + 1, tries, replay, trial);
            trial.seen.forEach(label -> hits.merge(label, 1, Integer::sum));
        }
        for (Map.Entry<String, Integer> expected : minPercent.entrySet()) {
            int percent = 100 * hits.getOrDefault(expected.getKey(), 0) / tries;
            if (percent < expected.getValue()) {
                throw new AssertionError("coverage: only " + percent + " % of " + tries + " trials saw \"" + expected.getKey()
                        + "\", at least " + expected.getValue() + " % expected; the generator no longer reaches the states worth"
                        + " checking. Replay the run: " + replay + " -D" + BASE_SEED + "=" + base);
            }
        }
    }

    private static <T> void runTrial(Gen<T> generator, BiConsumer<T, Trial> property, long seed, int number, int of,
                                     String replay, Trial trial) {
        T value = null;
        try {
            value = generator.next(new Random(seed));
            property.accept(value, trial);
        } catch (Exception | AssertionError e) {
            String sample = String.valueOf(value);
            throw new AssertionError("trial " + number + " of " + of + " failed, seed " + seed + "; replay it: "
                    + replay + " -D" + SEED + "=" + seed + "\n" + e + "\nsample: "
                    + (sample.length() > 4_000 ? sample.substring(0, 4_000) + "…" : sample), e);
        }
    }

    /** SplitMix64: neighbouring trials get unrelated seeds, and any printed seed stands alone. */
    static long trialSeed(long base, int index) {
        long z = base + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static StackWalker.StackFrame caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Property.class.getName()))
                .findFirst().orElseThrow());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** What one trial went through, for the coverage checks. */
    public static final class Trial {
        private final Set<String> labels;
        private final Set<String> seen = new HashSet<>();

        private Trial(Set<String> labels) {
            this.labels = labels;
        }

        public void saw(String label) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("no coverage declared for \"" + label + "\"");
            }
            seen.add(label);
        }
    }
}
