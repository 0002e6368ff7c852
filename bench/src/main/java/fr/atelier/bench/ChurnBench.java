package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario (d): a session runs with a question open while participants join (HTTP join, WebSocket hello,
 * answer) and leave (session.leave, close) at a steady rate.
 */
final class ChurnBench {
    private static final int MAX_IN_FLIGHT = 2000;
    private final Options o;
    private final Stats.Counters errors = new Stats.Counters();
    private final ArrayDeque<Conn> active = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger joinsOk = new AtomicInteger();
    private final AtomicInteger hellosOk = new AtomicInteger();
    private final AtomicInteger leavesAcked = new AtomicInteger();
    private final AtomicInteger answersAcked = new AtomicInteger();
    private final Stats.Samples joinLat = new Stats.Samples();
    private final Stats.Samples helloLat = new Stats.Samples();
    private final Stats.Samples joinToViewLat = new Stats.Samples();
    private final Stats.Samples leaveLat = new Stats.Samples();
    private final Stats.Samples answerLat = new Stats.Samples();
    private final List<Stats.Samples> joinWindows = new ArrayList<>();
    private volatile long churnStartNs;
    private static final int WINDOW_SEC = 10;

    ChurnBench(Options o) {
        this.o = o;
    }

    void run(int durationSec) {
        String scenario = "churn";
        Report report = new Report(o, scenario);
        List<Node> nodes = new ArrayList<>();
        Gen[] gen = new Gen[1];
        report.run(nodes, errors, () -> gen[0], r -> {
            Node node = Node.start(o, scenario, "node1");
            nodes.add(node);
            report.nodes(nodes);
            gen[0] = new Gen(o, null, o.churnHttpPool); // each phone has its own HTTP connection: no client-side queue
            return body(r, node, gen[0], durationSec);
        }, r -> { });
    }

    private Stats.Samples window(long atNs) {
        int w = (int) ((atNs - churnStartNs) / TimeUnit.SECONDS.toNanos(WINDOW_SEC));
        synchronized (joinWindows) {
            while (joinWindows.size() <= w) {
                joinWindows.add(new Stats.Samples());
            }
            return joinWindows.get(Math.max(0, w));
        }
    }

    /** HTTP join, WebSocket + hello, then (optionally) an answer to the open question. */
    private Future<?> join(Gen gen, Node node, String code, int i, boolean answer) {
        long t0 = System.nanoTime();
        inFlight.incrementAndGet();
        return gen.api.join(node.port, code, Util.nickname("C", i))
                .onFailure(e -> errors.inc(Api.failureKey("join", e)))
                .compose(j -> {
                    long t1 = System.nanoTime();
                    joinLat.add((t1 - t0) / 1000);
                    if (churnStartNs > 0) {
                        window(t0).add((t1 - t0) / 1000);
                    }
                    joinsOk.incrementAndGet();
                    Conn c = new Conn(i, "participant", gen.ctx(i), errors);
                    c.token = j.rejoinToken();
                    return c.open(gen.vertx, gen.ws, o.host, node.port, code, c.token, o.waitSec * 1000L)
                            .onFailure(e -> errors.inc("hello_failed"))
                            .map(x -> {
                                long t2 = System.nanoTime();
                                helloLat.add((t2 - t1) / 1000);
                                joinToViewLat.add((t2 - t0) / 1000);
                                hellosOk.incrementAndGet();
                                return c;
                            });
                })
                .compose(c -> {
                    Future<?> f = Future.succeededFuture();
                    if (answer) {
                        f = c.command("{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":" + (i % 4) + "}").map(reply -> {
                            if (reply.accepted()) {
                                answerLat.add(reply.latencyUs());
                                answersAcked.incrementAndGet();
                            }
                            return null;
                        });
                    }
                    return f.onComplete(ar -> {
                        synchronized (active) {
                            active.add(c);
                        }
                    });
                })
                .onComplete(ar -> inFlight.decrementAndGet());
    }

    /** Leaves due but not done yet because nobody was connected (done as soon as someone is). */
    private int owedLeaves;
    private int maxOwedLeaves;

    /** Leaves never bring the connected population under this (the base): leaves wait for joins. */
    private int floor;

    /** One leave of the longest-connected participant, if any; on the churn timer's context only. */
    private boolean leave() {
        Conn c;
        synchronized (active) {
            c = active.size() > floor ? active.poll() : null;
        }
        if (c == null) {
            return false;
        }
        c.ctx.runOnContext(v -> c.command("{\"type\":\"session.leave\"}").onComplete(ar -> {
            if (ar.succeeded() && ar.result().accepted()) {
                leaveLat.add(ar.result().latencyUs());
                leavesAcked.incrementAndGet();
            } else if (ar.failed()) {
                errors.inc("leave_failed");
            }
            c.close();
        }));
        return true;
    }

    private ObjectNode sample(Node node, long t0) {
        ObjectNode s = Util.JSON.createObjectNode();
        s.put("t", Util.round((System.nanoTime() - t0) / 1e9, 1));
        s.put("rssKb", node.rssKb());
        s.put("cpuMs", node.cpuMs());
        s.put("runQueueWaitMs", node.runQueueWaitMs());
        s.put("loadAverage", Report.loadAverage());
        s.put("fds", node.fdCount());
        synchronized (active) {
            s.put("connected", active.size());
        }
        s.put("inFlightJoins", inFlight.get());
        s.put("joins", joinsOk.get());
        s.put("leaves", leavesAcked.get());
        return s;
    }

    private String body(ObjectNode r, Node node, Gen gen, int durationSec) {
        int rate = o.churnRate;
        r.put("durationSec", durationSec);
        r.put("joinsPerSecond", rate);
        r.put("leavesPerSecond", rate);
        r.put("baseParticipants", o.churnBase);
        r.put("newcomersAnswer", o.churnAnswer);
        r.put("httpPool", o.churnHttpPool);
        Api.Created session = gen.api.create(node.port, "Bench churn").await();
        r.put("code", session.code());
        Conn screen = new Conn(0, "screen", gen.ctx(0), errors);
        Conn facilitator = new Conn(0, "facilitator", gen.ctx(1), errors);
        facilitator.token = session.hostToken();
        Util.on(screen.ctx, () -> screen.open(gen.vertx, gen.ws, o.host, node.port, session.code(), null, o.waitSec * 1000L)).await();
        Util.on(facilitator.ctx, () -> facilitator.open(gen.vertx, gen.ws, o.host, node.port, session.code(), facilitator.token,
                o.waitSec * 1000L)).await();
        if (!facilitator.command("{\"type\":\"session.start\"}").await().accepted()
                || !facilitator.command("{\"type\":\"poll.ask\",\"text\":\"Qui êtes-vous ?\",\"options\":[\"Élève\",\"Parent\",\"Enseignant\",\"Conseiller\"]}")
                .await().accepted()) {
            throw new IllegalStateException("could not start the session and open a question");
        }
        // base population (they leave first: first in, first out)
        Util.runAll(gen.ctxs, o.churnBase, o.connectConcurrency, i -> join(gen, node, session.code(), i, false)).await();
        int base = hellosOk.get();
        Bench.log("churn: %d base participants connected, question open; %d joins and leaves per second for %d s", base, rate, durationSec);
        int baseJoins = joinsOk.get();
        floor = base;
        long[] baseJoin = joinLat.sorted();
        long[] baseHello = helloLat.sorted();
        joinLat.clear();
        helloLat.clear();
        joinToViewLat.clear();
        ArrayNode series = r.putArray("series");
        long t0 = System.nanoTime();
        series.add(sample(node, t0));
        long cpu0 = node.cpuMs();
        long wait0 = node.runQueueWaitMs();
        long[][] cpuTimes0 = Util.cpuTimes();
        long genCpu0 = Util.selfCpuMs();
        int[] started = {0, 0}; // joins, leaves
        int[] skipped = {0};
        if (o.profile) {
            node.profileStart(o.out.resolve("churn-" + node.name + ".jfr"));
        }
        churnStartNs = System.nanoTime();
        long endNs = churnStartNs + TimeUnit.SECONDS.toNanos(durationSec);
        int firstId = o.churnBase;
        long timer = gen.vertx.setPeriodic(5, t -> {
            long now = System.nanoTime();
            if (now >= endNs) {
                return;
            }
            long due = (now - churnStartNs) * rate / 1_000_000_000L;
            while (started[0] < due) {
                int id = firstId + started[0]++;
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    skipped[0]++;
                    errors.inc("join_skipped_backlog");
                    continue;
                }
                gen.ctx(id).runOnContext(v -> join(gen, node, session.code(), id, o.churnAnswer));
            }
            while (started[1] < due) {
                started[1]++;
                owedLeaves++;
            }
            while (owedLeaves > 0 && leave()) {
                owedLeaves--;
            }
            maxOwedLeaves = Math.max(maxOwedLeaves, owedLeaves);
        });
        while (System.nanoTime() < endNs) {
            Util.sleep(Math.min(o.sampleSec * 1000L, Math.max(1, (endNs - System.nanoTime()) / 1_000_000)));
            ObjectNode s = sample(node, t0);
            series.add(s);
            Bench.log("churn t=%.0fs: %d joins, %d leaves, %d connected, %d in flight, node rss %d KiB",
                    s.path("t").asDouble(), s.path("joins").asInt(), s.path("leaves").asInt(), s.path("connected").asInt(),
                    s.path("inFlightJoins").asInt(), s.path("rssKb").asLong());
        }
        gen.vertx.cancelTimer(timer);
        if (o.profile) {
            ObjectNode p = node.profileStop();
            if (p != null) {
                r.set("profileDuringChurn", p);
            }
        }
        double churnSec = (System.nanoTime() - churnStartNs) / 1e9;
        long cpu1 = node.cpuMs();
        long wait1 = node.runQueueWaitMs();
        ObjectNode coreBusy = Util.cpuBusy(cpuTimes0, Util.cpuTimes());
        long genCpu1 = Util.selfCpuMs();
        boolean drained = Util.waitFor(o.waitSec * 1000L, () -> inFlight.get() == 0);
        if (!drained) {
            errors.inc("joins_still_in_flight_at_end");
        }
        Util.sleep(1000);
        series.add(sample(node, t0));

        // consistency: the server's active count and answer count match what was acknowledged
        int expectedActive = joinsOk.get() - leavesAcked.get();
        // a join whose HTTP answer never came (client timeout) may still have been applied: ambiguous
        long ambiguous = 0;
        for (var f : errors.toJson().properties()) {
            if (f.getKey().startsWith("join.io")) {
                ambiguous += f.getValue().asLong();
            }
        }
        long ambiguousJoins = ambiguous;
        long[] seen = {-1, -1};
        boolean consistent = Util.waitFor(10_000, () -> {
            String v = screen.lastView;
            if (v == null) {
                return false;
            }
            seen[0] = Util.longAfter(v, "\"participantCount\":", 0);
            int q = v.indexOf("\"question\":{\"id\":\"q1\"");
            seen[1] = q < 0 ? -1 : Util.longAfter(v, "\"answered\":", q);
            return seen[0] >= expectedActive && seen[0] <= expectedActive + ambiguousJoins
                    && (!o.churnAnswer || seen[1] == answersAcked.get());
        });
        ObjectNode res = r.putObject("results");
        res.put("churnSeconds", Util.round(churnSec, 1));
        res.put("joinsStarted", started[0]);
        res.put("joinsSkippedBacklog", skipped[0]);
        res.put("joinsOk", joinsOk.get() - baseJoins);
        res.put("hellosOk", hellosOk.get() - base);
        res.put("leavesStarted", started[1]);
        res.put("leavesAcked", leavesAcked.get());
        res.put("leavePolicy", "longest connected first, never below the base population: when joins fall behind, leaves wait");
        res.put("maxLeavesBehindSchedule", maxOwedLeaves);
        res.put("leavesBehindScheduleAtEnd", owedLeaves);
        res.put("answersAcked", answersAcked.get());
        res.put("joinsPerSecondAchieved", Util.round((joinsOk.get() - baseJoins) / churnSec, 1));
        res.put("leavesPerSecondAchieved", Util.round(leavesAcked.get() / churnSec, 1));
        res.set("joinHttpMs", Stats.summaryMs(joinLat));
        res.set("baseJoinHttpMs", Stats.summaryMs(baseJoin));
        res.set("baseConnectAndHelloMs", Stats.summaryMs(baseHello));
        res.set("connectAndHelloMs", Stats.summaryMs(helloLat));
        res.set("joinToFirstViewMs", Stats.summaryMs(joinToViewLat));
        res.set("leaveAckMs", Stats.summaryMs(leaveLat));
        res.set("answerAckMs", Stats.summaryMs(answerLat));
        ArrayNode windows = res.putArray("joinHttpMsPer10s");
        synchronized (joinWindows) {
            for (int i = 0; i < joinWindows.size(); i++) {
                ObjectNode w = Stats.summaryMs(joinWindows.get(i));
                w.put("fromSec", i * WINDOW_SEC);
                windows.add(w);
            }
        }
        res.put("expectedActiveParticipants", expectedActive);
        res.put("joinsWithoutAnswerMaybeApplied", ambiguousJoins);
        res.put("serverParticipantCount", seen[0]);
        res.put("serverAnsweredCount", seen[1]);
        res.put("countsConsistent", consistent);
        if (!consistent) {
            errors.inc("counts_inconsistent");
        }
        res.put("serverCpuDuringChurnPct", Util.round(100.0 * (cpu1 - cpu0) / Math.max(1, churnSec * 1000), 1));
        res.set("coreBusyDuringChurnPct", coreBusy);
        res.put("generatorCpuDuringChurnPct", Util.round(100.0 * (genCpu1 - genCpu0) / Math.max(1, churnSec * 1000), 1));
        res.put("serverRunQueueWaitDuringChurnPct", Util.round(100.0 * (wait1 - wait0) / Math.max(1, churnSec * 1000), 1));
        res.put("screenSeqRegressions", screen.seqRegressions);
        res.put("facilitatorSeqRegressions", facilitator.seqRegressions);
        res.put("facilitatorLastViewBytes", facilitator.lastView == null ? -1 : facilitator.lastView.length());
        long rssFirst = series.get(0).path("rssKb").asLong();
        long rssMax = 0;
        for (var s : series) {
            rssMax = Math.max(rssMax, s.path("rssKb").asLong());
        }
        long rssLast = series.get(series.size() - 1).path("rssKb").asLong();
        res.put("rssStartKb", rssFirst);
        res.put("rssMaxKb", rssMax);
        res.put("rssEndKb", rssLast);

        if (o.churnEnd) {
            Conn.Reply ended = facilitator.command("{\"type\":\"session.end\"}").await();
            res.set("archive", ArchiveWait.await(o, List.of(node), session.code(), ended.arrivalUs()));
        } else {
            // Not ended: archiving replays the whole log (every join and leave), which takes long enough to
            // be left pending when the node stops, and then any node on this Redis would pick it up.
            res.put("sessionEnded", false);
        }
        List<Conn> left;
        synchronized (active) {
            left = new ArrayList<>(active);
        }
        int regressions = screen.seqRegressions + facilitator.seqRegressions;
        for (Conn c : left) {
            regressions += c.seqRegressions;
            c.ctx.runOnContext(v -> c.close());
        }
        screen.ctx.runOnContext(v -> screen.close());
        facilitator.ctx.runOnContext(v -> facilitator.close());
        Util.sleep(500);
        res.put("viewSeqRegressions", regressions);
        res.put("errorTotal", errors.total());
        return String.format("churn %d s at %d joins+%d leaves/s (base %d): joins %d ok (%.1f/s), leaves %d; join HTTP p50/p95/p99/max %s; "
                        + "join->first view %s; leave ack %s; answer ack %s; node RSS %d -> max %d -> %d KiB; CPU %.0f%% (cores busy %s); counts consistent %s; errors %d",
                durationSec, rate, rate, base, joinsOk.get() - baseJoins, (joinsOk.get() - baseJoins) / churnSec, leavesAcked.get(),
                Stats.brief((ObjectNode) res.get("joinHttpMs")), Stats.brief((ObjectNode) res.get("joinToFirstViewMs")),
                Stats.brief((ObjectNode) res.get("leaveAckMs")), Stats.brief((ObjectNode) res.get("answerAckMs")),
                rssFirst, rssMax, rssLast, res.path("serverCpuDuringChurnPct").asDouble(), coreBusy.toString(), consistent, errors.total());
    }
}
