package fr.atelier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of the benchmark ({@code --name value}). */
final class Options {
    String scenario;
    final List<String> args = new ArrayList<>();

    String host = "127.0.0.1";
    String redisUrl = "redis://127.0.0.1:6379";
    String databaseUrl = "postgresql://postgres@127.0.0.1:5432/atelier_bench";
    String jar = "server/target/atelier.jar";
    Path out = Path.of("bench/target/results");
    /** CPU list for server processes (taskset -c); null: no pinning. */
    String serverCpus = "1";
    /**
     * The nodes' JVM flags: those of the Docker image (see docs/operations.md). Pinned to one CPU, the
     * JVM would otherwise pick the Serial collector, whose pauses (50–90 ms here) dominate the tails.
     */
    static final String PRODUCTION_JVM_OPTS = "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xmx1g";
    List<String> serverJvmOpts = split(PRODUCTION_JVM_OPTS);
    String serverLogLevel = "WARN";
    int basePort = 0;
    int startTimeoutSec = 120;
    int eventLoops = 2;

    // (a) and (c)
    int participants = 2500;
    boolean participantsGiven;
    int rounds = 10;
    boolean roundsGiven;
    /** (a): product then bare room, this many times, alternately (0: no bare room). */
    int pairs = 2;
    int warmupRounds = 1;
    int answerSpreadMs = 1000;
    /** What the rounds play: poll, or quiz (live questions of the team quiz). */
    String format = "poll";
    String quizBank = "partenaires-orientation";
    int teamSize = 50;
    int quizSeconds = 120;
    int joinConcurrency = 32;
    int connectConcurrency = 200;
    int waitSec = 30;

    // (b)
    int idle = 20000;
    int perWorker = 9500;
    int perSession = 2500;
    int holdSec = 60;
    int pingSec = 20;
    boolean fullGc = true;
    String workerJvmOpts = "-Xmx1g -XX:+UseSerialGC";

    // (d)
    int durationSec = 300;
    boolean durationGiven;
    int churnRate = 200;
    int churnBase = 500;
    int churnHttpPool = 1000;
    boolean churnAnswer = true;
    int sampleSec = 5;
    boolean churnEnd;
    int archiveWaitSec = 300;

    // (e) kill
    /** Share of the burst's answers sent when node 1 gets kill -9. */
    double killAfter = 0.5;

    String command;
    boolean profile;
    /**
     * Self-test of the failure paths (the run must then exit non-zero): "exception" throws once in a
     * phone's view handler, "unacked" has one phone never send its first answer.
     */
    String inject = "";

    static Options parse(String[] argv) {
        Options o = new Options();
        o.args.addAll(Arrays.asList(argv));
        if (argv.length == 0) {
            throw new IllegalArgumentException("missing scenario");
        }
        o.scenario = argv[0];
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            String v = i + 1 < argv.length ? argv[i + 1] : null;
            boolean used = true;
            switch (a) {
                case "--participants", "-n" -> {
                    o.participants = Integer.parseInt(req(a, v));
                    o.participantsGiven = true;
                }
                case "--rounds" -> {
                    o.rounds = Integer.parseInt(req(a, v));
                    o.roundsGiven = true;
                }
                case "--pairs" -> o.pairs = Integer.parseInt(req(a, v));
                case "--inject" -> o.inject = req(a, v);
                case "--warmup-rounds" -> o.warmupRounds = Integer.parseInt(req(a, v));
                case "--answer-spread-ms" -> o.answerSpreadMs = Integer.parseInt(req(a, v));
                case "--format" -> o.format = req(a, v);
                case "--quiz-bank" -> o.quizBank = req(a, v);
                case "--team-size" -> o.teamSize = Integer.parseInt(req(a, v));
                case "--quiz-seconds" -> o.quizSeconds = Integer.parseInt(req(a, v));
                case "--join-concurrency" -> o.joinConcurrency = Integer.parseInt(req(a, v));
                case "--connect-concurrency" -> o.connectConcurrency = Integer.parseInt(req(a, v));
                case "--wait" -> o.waitSec = Integer.parseInt(req(a, v));
                case "--idle", "-m" -> o.idle = Integer.parseInt(req(a, v));
                case "--per-worker" -> o.perWorker = Integer.parseInt(req(a, v));
                case "--per-session" -> o.perSession = Integer.parseInt(req(a, v));
                case "--hold" -> o.holdSec = Integer.parseInt(req(a, v));
                case "--ping" -> o.pingSec = Integer.parseInt(req(a, v));
                case "--duration", "-d" -> {
                    o.durationSec = Integer.parseInt(req(a, v));
                    o.durationGiven = true;
                }
                case "--churn-rate" -> o.churnRate = Integer.parseInt(req(a, v));
                case "--churn-base" -> o.churnBase = Integer.parseInt(req(a, v));
                case "--churn-http-pool" -> o.churnHttpPool = Integer.parseInt(req(a, v));
                case "--sample" -> o.sampleSec = Integer.parseInt(req(a, v));
                case "--archive-wait" -> o.archiveWaitSec = Integer.parseInt(req(a, v));
                case "--kill-after" -> o.killAfter = Double.parseDouble(req(a, v));
                case "--redis" -> o.redisUrl = req(a, v);
                case "--database" -> o.databaseUrl = req(a, v);
                case "--jar" -> o.jar = req(a, v);
                case "--out" -> o.out = Path.of(req(a, v));
                case "--server-cpus" -> o.serverCpus = req(a, v).equals("none") ? null : v;
                case "--server-jvm-opts" -> o.serverJvmOpts = split(req(a, v));
                case "--worker-jvm-opts" -> o.workerJvmOpts = req(a, v);
                case "--server-log-level" -> o.serverLogLevel = req(a, v);
                case "--base-port" -> o.basePort = Integer.parseInt(req(a, v));
                case "--event-loops" -> o.eventLoops = Integer.parseInt(req(a, v));
                case "--host" -> o.host = req(a, v);
                default -> {
                    used = false;
                    switch (a) {
                        case "--no-gc" -> o.fullGc = false;
                        case "--profile" -> o.profile = true;
                        case "--no-churn-answer" -> o.churnAnswer = false;
                        case "--churn-end" -> o.churnEnd = true;
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
            if (used) {
                i++;
            }
        }
        o.command = System.getProperty("bench.command");
        if (o.scenario.equals("smoke")) { // CI: small and quick, one product run and one bare-room run
            o.participants = o.participantsGiven ? o.participants : 500;
            o.rounds = o.roundsGiven ? o.rounds : 3;
            o.pairs = Math.max(1, Math.min(o.pairs, 1));
            o.archiveWaitSec = Math.min(o.archiveWaitSec, 30);
        }
        return o;
    }

    private static String req(String name, String v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return v;
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.trim().split("\\s+")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String usage() {
        return """
                usage: java -jar bench/target/atelier-bench.jar <scenario> [options]
                scenarios:
                  one-session   (a) N participants in one poll session on one node, alternately with the bare room (--pairs)
                  smoke         (a) for CI: 500 phones, 3 rounds, product then bare room; fails on any error, never on timings
                  idle          (b) M idle participant connections held by one node
                  two-nodes     (c) scenario (a) over two nodes (even participants on node 1, odd on node 2)
                  churn         (d) joins and leaves at a steady rate while a question is open
                  kill          (e) kill -9 of the node owning the session in the middle of an answer burst (two nodes)
                  all           a, c, d (60 s unless --duration) and b
                  words-burst   every phone sends a word to a word-cloud question within --answer-spread-ms (one node)
                  qa-burst      five phones ask Q&A questions, every other phone upvotes one within --answer-spread-ms (one node)
                common options:
                  --redis URL (redis://127.0.0.1:6379)  --database URL (postgresql://postgres@127.0.0.1:5432/atelier_bench)
                  --jar server/target/atelier.jar  --out bench/target/results  --server-cpus 1|none
                  --server-jvm-opts "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xmx1g" (the Docker image's, plus a heap cap)  --event-loops 2  --wait 30 (seconds per step before giving up)
                  --inject exception|unacked (self-test: the run must fail)
                  --profile (Java Flight Recorder on the nodes during the measured phase; hottest methods in the JSON)
                (a)/(c): --participants 2500 --rounds 10 (the first reported on its own) --pairs 2 (product, bare, product, bare; 0: no bare room) --answer-spread-ms 1000 --join-concurrency 32 --connect-concurrency 200
                         --format poll|quiz (quiz: live questions of the team quiz; --team-size 50 (at most 50 teams)
                         --quiz-bank partenaires-orientation (its single-choice questions) --quiz-seconds 120 (countdown))
                (b):     --idle 20000 --per-worker 9500 --per-session 2500 --hold 60 --ping 20 --no-gc
                (d):     --duration 300 --churn-rate 200 --churn-base 500 --churn-http-pool 1000 --sample 5 --no-churn-answer
                         --churn-end (end the session and wait for its archive; off: the session is left live)
                (e):     --participants 2500 --warmup-rounds 1 (questions answered before the one whose burst is cut)
                         --answer-spread-ms 1000 --kill-after 0.5 (share of the burst's answers sent when node 1 is killed)
                (a)/(c)/(d)/(e): --archive-wait 300 (seconds to wait for the archive after session.end)
                """;
    }
}
