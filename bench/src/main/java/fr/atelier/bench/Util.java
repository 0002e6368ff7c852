package fr.atelier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Small helpers shared by the benchmark: clock, cheap frame scanning, bounded parallel runs. */
final class Util {
    /**
     * A phone's nickname: the prefix and a seven-digit number ("P-0000155"). The product's name filter
     * reads leetspeak in words that hold a letter ("P155" is "piss") and matches listed numbers
     * ("1488"); a separate zero-padded number is neither, whatever the count of phones.
     */
    static String nickname(String prefix, int i) {
        return prefix + "-" + String.format(java.util.Locale.ROOT, "%07d", i);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private Util() {}

    /** Wall clock in microseconds since the epoch (the server stamps views with the same clock, in ms). */
    static long nowUs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    /** The number right after {@code key} (for example {@code "seq":}) at or after {@code from}, or -1. */
    static long longAfter(String s, String key, int from) {
        int i = s.indexOf(key, from);
        if (i < 0) {
            return -1;
        }
        i += key.length();
        long v = 0;
        boolean any = false;
        boolean neg = false;
        if (i < s.length() && s.charAt(i) == '-') {
            neg = true;
            i++;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            any = true;
            i++;
        }
        return any ? (neg ? -v : v) : -1;
    }

    /** The JSON string value right after {@code key} (for example {@code "id":"}), or null. No escapes expected. */
    static String strAfter(String s, String key, int from) {
        int i = s.indexOf(key, from);
        if (i < 0) {
            return null;
        }
        i += key.length();
        int j = s.indexOf('"', i);
        return j < 0 ? null : s.substring(i, j);
    }

    /** Runs {@code supplier} on {@code ctx} and relays its outcome. */
    static <T> Future<T> on(Context ctx, Supplier<Future<T>> supplier) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> {
            Future<T> f;
            try {
                f = supplier.get();
            } catch (Throwable t) {
                f = Future.failedFuture(t);
            }
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    p.tryComplete(ar.result());
                } else {
                    p.tryFail(ar.cause());
                }
            });
        });
        return p.future();
    }

    /**
     * Runs task(0..n-1) with at most {@code concurrency} in flight, task i on {@code ctxs[i % ctxs.length]}.
     * Completes once every task finished, whatever its outcome (tasks count their own failures).
     */
    static Future<Void> runAll(Context[] ctxs, int n, int concurrency, IntFunction<Future<?>> task) {
        Promise<Void> done = Promise.promise();
        if (n <= 0) {
            done.complete();
            return done.future();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            ctxs[i % ctxs.length].runOnContext(v -> {
                Future<?> f;
                try {
                    f = task.apply(i);
                } catch (Throwable t) {
                    f = Future.failedFuture(t);
                }
                f.onComplete(ar -> {
                    if (finished.incrementAndGet() == n) {
                        done.complete();
                    } else {
                        pump[0].run();
                    }
                });
            });
        };
        for (int k = 0; k < Math.min(concurrency, n); k++) {
            pump[0].run();
        }
        return done.future();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeoutMs} passed; returns whether it held. */
    static boolean waitFor(long timeoutMs, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** Per-CPU busy and total jiffies from /proc/stat, to tell how busy each core was during a phase. */
    static long[][] cpuTimes() {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))) {
                if (line.startsWith("cpu") && Character.isDigit(line.charAt(3))) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < Math.min(f.length, 9); i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    out.add(new long[] {total - idle, total});
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return out.toArray(new long[0][]);
    }

    /** {"cpu0": busy %, "cpu1": busy %...} between two {@link #cpuTimes()} snapshots. */
    static com.fasterxml.jackson.databind.node.ObjectNode cpuBusy(long[][] before, long[][] after) {
        com.fasterxml.jackson.databind.node.ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            long busy = after[i][0] - before[i][0];
            long total = after[i][1] - before[i][1];
            n.put("cpu" + i, total <= 0 ? -1 : round(100.0 * busy / total, 1));
        }
        return n;
    }

    static long selfCpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** 0..n-1 in a random order (Fisher–Yates), reproducible from the seed of {@code random}. */
    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
