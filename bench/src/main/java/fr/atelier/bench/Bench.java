package fr.atelier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Atelier's load benchmark: real WebSocket clients on loopback against real server processes (which it
 * starts, measures and stops), results in {@code bench/target/results/<scenario>.json}.
 *
 * <pre>java -jar bench/target/atelier-bench.jar one-session|idle|two-nodes|churn|kill|all [options]</pre>
 *
 * Run it through {@code bench/run.sh}, which pins the generator and the servers to different cores.
 */
public final class Bench {
    static final List<Node> STARTED = new CopyOnWriteArrayList<>();
    static final List<Process> WORKERS = new CopyOnWriteArrayList<>();
    /** Exceptions that escaped a handler or a thread of the generator: each one fails the run. */
    static final Stats.Counters UNCAUGHT = new Stats.Counters();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Bench() {}

    static void log(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + " [bench] " + String.format(format, args));
        System.out.flush();
    }

    static void uncaught(Throwable e) {
        UNCAUGHT.inc("generator.exception." + e.getClass().getSimpleName());
        log("GENERATOR EXCEPTION (fails the run): %s", e);
        e.printStackTrace(System.out);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bare-room")) {
            BareRoom.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught(e));
        if (args.length > 0 && args[0].equals("idle-worker")) {
            IdleWorker.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.usage());
            System.exit(64);
            return;
        }
        if (!List.of("one-session", "a", "idle", "b", "two-nodes", "c", "churn", "d", "kill", "e", "all", "smoke").contains(o.scenario)
                && !TypesBench.SCENARIOS.contains(o.scenario)) {
            System.err.println("unknown scenario " + o.scenario);
            System.err.print(Options.usage());
            System.exit(64);
            return;
        }
        if (!Files.isRegularFile(java.nio.file.Path.of(o.jar))) {
            System.err.println("server jar not found: " + o.jar + " (build it with mvn -q -B -o -pl server -am package -Dmaven.test.skip=true, or pass --jar)");
            System.exit(66);
            return;
        }
        try {
            Files.createDirectories(o.out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread cleanup = new Thread(Bench::stopEverything, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        // a run never outlives its budget: past it, everything started is stopped and the process exits
        long budgetMin = budgetMinutes(o);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(budgetMin));
                log("time budget of %d min exceeded: stopping", budgetMin);
                System.exit(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status = 0;
        try {
            switch (o.scenario) {
                case "one-session", "a" -> status = Compare.run(o);
                case "smoke" -> status = Compare.run(o);
                case "two-nodes", "c" -> new LiveBench(o, true, false, "").run();
                case "churn", "d" -> new ChurnBench(o).run(o.durationSec);
                case "idle", "b" -> new IdleBench(o).run();
                case "kill", "e" -> new KillBench(o).run();
                case "words-burst", "qa-burst" -> new TypesBench(o).run();
                case "all" -> status = all(o);
                default -> throw new IllegalStateException();
            }
        } catch (RuntimeException e) {
            log("FAILED: %s", e);
            e.printStackTrace();
            status = 1;
        } finally {
            watchdog.interrupt();
            stopEverything();
        }
        if (UNCAUGHT.total() > 0) {
            log("FAILED: %d exception(s) escaped the generator's handlers: %s", UNCAUGHT.total(), UNCAUGHT.toJson());
            status = Math.max(status, 1);
        }
        System.exit(status);
    }

    private static int all(Options o) {
        int failures = 0;
        Runnable[] steps = {
            () -> {
                if (Compare.run(o) != 0) {
                    throw new IllegalStateException("one-session failed its checks");
                }
            },
            () -> new LiveBench(o, true, false, "").run(),
            () -> new ChurnBench(o).run(o.durationGiven ? o.durationSec : 60),
            () -> new IdleBench(o).run(),
        };
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log("step failed: %s", e);
                failures++;
            }
            stopEverything();
            Util.sleep(3000);
        }
        return failures == 0 ? 0 : 1;
    }

    private static long budgetMinutes(Options o) {
        long live = 10 + o.participants / 250 + o.rounds;
        long churn = 10 + (o.durationGiven || !o.scenario.equals("all") ? o.durationSec : 60) / 60;
        long idle = 15 + o.idle / 1000 + o.holdSec / 60;
        return switch (o.scenario) {
            case "one-session", "a", "smoke" -> 2 * live * Math.max(1, o.pairs);
            case "two-nodes", "c" -> live;
            case "churn", "d" -> churn;
            case "kill", "e" -> 10 + o.participants / 250;
            case "words-burst", "qa-burst" -> 10 + o.participants / 250;
            case "idle", "b" -> idle;
            default -> 2 * live + churn + idle;
        };
    }

    /** Stops every server and worker process this run started (SIGTERM, then SIGKILL after a bounded wait). */
    static synchronized void stopEverything() {
        for (Process p : WORKERS) {
            if (p.isAlive()) {
                p.destroy();
            }
        }
        for (Node n : STARTED) {
            n.close();
        }
        STARTED.clear();
        for (Process p : WORKERS) {
            try {
                if (p.isAlive() && !p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        WORKERS.clear();
    }
}
