package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Percentiles by sorting (no HdrHistogram here) and error counters. */
final class Stats {
    private Stats() {}

    /** A growable, thread-safe list of longs (latency samples in microseconds). */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }

        synchronized void clear() {
            size = 0;
        }

        synchronized int size() {
            return size;
        }
    }

    /** Nearest-rank percentile of a sorted array. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** {count, min, p50, p95, p99, max, mean} in milliseconds, from samples in microseconds. */
    static ObjectNode summaryMs(long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        ObjectNode n = Util.JSON.createObjectNode();
        n.put("count", s.length);
        if (s.length == 0) {
            return n;
        }
        double sum = 0;
        for (long v : s) {
            sum += v;
        }
        n.put("min", ms(s[0]));
        n.put("p50", ms(percentile(s, 50)));
        n.put("p95", ms(percentile(s, 95)));
        n.put("p99", ms(percentile(s, 99)));
        n.put("max", ms(s[s.length - 1]));
        n.put("mean", ms((long) (sum / s.length)));
        return n;
    }

    static ObjectNode summaryMs(Samples samples) {
        return summaryMs(samples.sorted());
    }

    static double ms(long micros) {
        return Util.round(micros / 1000.0, 2);
    }

    /** "p50/p95/p99/max" in ms for the human summary. */
    static String brief(ObjectNode s) {
        if (s.path("count").asInt() == 0) {
            return "n/a";
        }
        return s.path("p50").asText() + "/" + s.path("p95").asText() + "/" + s.path("p99").asText() + "/" + s.path("max").asText() + " ms";
    }

    /** Named counters (errors, rejections, closes...). */
    static final class Counters {
        private final Map<String, LongAdder> map = new ConcurrentHashMap<>();

        void inc(String name) {
            map.computeIfAbsent(name, k -> new LongAdder()).increment();
        }

        /** {@link #inc} for use in expressions. */
        Void inc2(String name) {
            inc(name);
            return null;
        }

        long get(String name) {
            LongAdder a = map.get(name);
            return a == null ? 0 : a.sum();
        }

        long total() {
            long t = 0;
            for (LongAdder a : map.values()) {
                t += a.sum();
            }
            return t;
        }

        ObjectNode toJson() {
            ObjectNode n = Util.JSON.createObjectNode();
            new TreeMap<>(map).forEach((k, v) -> n.put(k, v.sum()));
            return n;
        }
    }
}
