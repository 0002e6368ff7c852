package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Scenario (b): many idle participant connections held by one node; heap and resident memory per connection. */
final class IdleBench {
    private final Options o;
    private final Stats.Counters errors = new Stats.Counters();

    /** A child generator process and what it printed. */
    private static final class Worker {
        final int index;
        final String local;
        final int size;
        Process process;
        volatile int progress;
        volatile String ready;
        final LinkedBlockingQueue<String> stats = new LinkedBlockingQueue<>();

        Worker(int index, String local, int size) {
            this.index = index;
            this.local = local;
            this.size = size;
        }

        void send(String line) {
            try {
                OutputStream out = process.getOutputStream();
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the worker is gone
            }
        }
    }

    IdleBench(Options o) {
        this.o = o;
    }

    void run() {
        String scenario = "idle";
        Report report = new Report(o, scenario);
        List<Node> nodes = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        report.run(nodes, errors, () -> null, r -> {
            Node node = Node.start(o, scenario, "node1");
            nodes.add(node);
            report.nodes(nodes);
            return body(r, node, workers);
        }, r -> stopWorkers(workers));
        long errorTotal = report.root.path("results").path("errorTotal").asLong();
        if (errorTotal > 0) {
            throw new IllegalStateException("idle: " + errorTotal + " error(s): " + errors.toJson());
        }
    }

    private static void stopWorkers(List<Worker> workers) {
        for (Worker w : workers) {
            w.send("STOP");
        }
        for (Worker w : workers) {
            try {
                if (w.process != null && !w.process.waitFor(20, TimeUnit.SECONDS)) {
                    w.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                w.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private ObjectNode sample(Node node, long t0, int connections) {
        ObjectNode s = Util.JSON.createObjectNode();
        s.put("t", Util.round((System.nanoTime() - t0) / 1e9, 1));
        s.put("connections", connections);
        s.put("rssKb", node.rssKb());
        s.put("fds", node.fdCount());
        s.put("cpuMs", node.cpuMs());
        s.put("runQueueWaitMs", node.runQueueWaitMs());
        return s;
    }

    private String body(ObjectNode r, Node node, List<Worker> workers) {
        long limit = node.fdLimit();
        int baseFds = node.fdCount();
        int requested = o.idle;
        // sockets the node can still open: its descriptor limit minus what it holds, minus a margin for
        // the benchmark's HTTP connections (joins) and the node's own Redis/PostgreSQL links
        long room = limit < 0 ? Long.MAX_VALUE : limit - baseFds - o.joinConcurrency - 64;
        int target = requested;
        String note = null;
        if (requested > room) {
            target = (int) Math.min(19_000, room);
            note = "the node's open-file limit is " + limit + " and it already holds " + baseFds
                    + " descriptors: " + requested + " sockets cannot fit, holding " + target + " instead";
            Bench.log("%s", note);
        }
        r.put("requestedConnections", requested);
        r.put("targetConnections", target);
        if (note != null) {
            r.put("note", note);
        }
        r.put("nodeFdLimit", limit);
        r.put("nodeFdsAtStart", baseFds);
        r.put("heartbeatSec", o.pingSec);
        r.put("holdSec", o.holdSec);
        int sessions = (target + o.perSession - 1) / o.perSession;
        r.put("sessions", sessions);
        r.put("participantsPerSession", o.perSession);

        // --- sessions and joins (HTTP), from this process ---
        String[] codes = new String[sessions];
        String[][] tokenLines = new String[target][];
        Stats.Samples joinLat = new Stats.Samples();
        double joinSec;
        try (Gen gen = new Gen(o, null, true)) {
            for (int s = 0; s < sessions; s++) {
                codes[s] = gen.api.create(node.port, "Bench idle " + (s + 1)).await().code();
            }
            long t0 = System.nanoTime();
            int per = o.perSession;
            Util.runAll(gen.ctxs, target, o.joinConcurrency, i -> gen.api.join(node.port, codes[i / per], Util.nickname("I", i))
                    .onSuccess(j -> {
                        tokenLines[i] = new String[] {codes[i / per], j.rejoinToken()};
                        joinLat.add(j.latencyUs());
                    })
                    .onFailure(e -> errors.inc(Api.failureKey("join", e)))).await();
            joinSec = (System.nanoTime() - t0) / 1e9;
        }
        ObjectNode joins = r.putObject("joins");
        joins.put("ok", joinLat.size());
        joins.put("seconds", Util.round(joinSec, 2));
        joins.put("perSecond", Util.round(joinLat.size() / joinSec, 1));
        joins.set("latencyMs", Stats.summaryMs(joinLat));
        Bench.log("%d participants joined %d sessions in %.1f s", joinLat.size(), sessions, joinSec);
        Util.sleep(3000);

        // --- baseline ---
        ObjectNode before = r.putObject("before");
        before.put("rssKbNoGc", node.rssKb());
        before.set("heap", node.heap(o.fullGc));
        before.put("rssKb", node.rssKb());
        long[] hcBefore = node.heapCommittedUsedKb();
        before.put("heapCommittedKb", hcBefore[0]);
        before.put("fds", node.fdCount());
        Map<String, long[]> histoBefore = node.classHistogram();
        Bench.log("before: rss %d KiB, heap %s KiB, fds %d", before.path("rssKb").asLong(), before.path("heap").path("usedKb").asText(),
                before.path("fds").asInt());

        // --- worker processes, each from its own source address ---
        int w = (target + o.perWorker - 1) / o.perWorker;
        int from = 0;
        Path dir = o.out.resolve("idle-workers");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long t0 = System.nanoTime();
        ArrayNode series = r.putArray("series");
        for (int k = 0; k < w; k++) {
            int size = Math.min(o.perWorker, target - from);
            String local = "127.0.0." + (2 + k);
            Worker wk = new Worker(k, local, size);
            StringBuilder lines = new StringBuilder();
            int skipped = 0;
            for (int i = from; i < from + size; i++) {
                if (tokenLines[i] == null) {
                    skipped++;
                    continue;
                }
                lines.append(tokenLines[i][0]).append(' ').append(tokenLines[i][1]).append('\n');
            }
            from += size;
            Path tokens = dir.resolve("tokens-" + k + ".txt");
            try {
                Files.writeString(tokens, lines.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Options.javaBinary());
            cmd.addAll(Options.split(o.workerJvmOpts));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Bench.class.getName());
            cmd.addAll(List.of("idle-worker", "--host", o.host, "--port", Integer.toString(node.port), "--local", local,
                    "--tokens", tokens.toString(), "--ping", Integer.toString(o.pingSec),
                    "--concurrency", Integer.toString(o.connectConcurrency), "--wait", Integer.toString(o.waitSec),
                    "--event-loops", Integer.toString(o.eventLoops)));
            try {
                wk.process = new ProcessBuilder(cmd).redirectError(dir.resolve("worker-" + k + ".log").toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start worker", e);
            }
            Bench.WORKERS.add(wk.process);
            workers.add(wk);
            Thread reader = new Thread(() -> read(wk), "worker-" + k + "-out");
            reader.setDaemon(true);
            reader.start();
            Bench.log("worker %d (pid %d) connects %d sockets from %s%s", k, wk.process.pid(), size - skipped, local,
                    skipped > 0 ? " (" + skipped + " had no token)" : "");
        }
        // wait for every worker to be ready, sampling the node as connections rise
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.waitSec + target / 50L + 60);
        long nextSample = 0;
        while (true) {
            boolean allReady = workers.stream().allMatch(x -> x.ready != null);
            int progress = workers.stream().mapToInt(x -> x.ready != null ? Integer.parseInt(x.ready.split(" ")[0]) : x.progress).sum();
            if (System.nanoTime() >= nextSample || allReady) {
                series.add(sample(node, t0, progress));
                nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            }
            if (allReady) {
                break;
            }
            if (workers.stream().anyMatch(x -> !x.process.isAlive() && x.ready == null)) {
                throw new IllegalStateException("a worker died before it was ready; see " + dir);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("workers not ready in time (" + progress + " connections)");
            }
            Util.sleep(250);
        }
        double rampSec = (System.nanoTime() - t0) / 1e9;
        int ready = 0;
        int failed = 0;
        for (Worker x : workers) {
            String[] parts = x.ready.split(" ");
            ready += Integer.parseInt(parts[0]);
            failed += Integer.parseInt(parts[1]);
        }
        ObjectNode ramp = r.putObject("ramp");
        ramp.put("connected", ready);
        ramp.put("failed", failed);
        ramp.put("seconds", Util.round(rampSec, 2));
        ramp.put("perSecond", Util.round(ready / rampSec, 1));
        ramp.put("workers", w);
        Bench.log("%d connections up (%d failed) in %.1f s; holding %d s", ready, failed, rampSec, o.holdSec);

        // --- hold with the heartbeat running ---
        long[][] cpuTimes0 = Util.cpuTimes();
        long cpu0 = node.cpuMs();
        long holdStart = System.nanoTime();
        long holdEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.holdSec);
        while (System.nanoTime() < holdEnd) {
            Util.sleep(Math.min(o.sampleSec * 1000L, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
            series.add(sample(node, t0, ready));
        }
        double holdSec = (System.nanoTime() - holdStart) / 1e9;
        ObjectNode hold = r.putObject("hold");
        hold.put("seconds", Util.round(holdSec, 1));
        hold.put("serverCpuPct", Util.round(100.0 * (node.cpuMs() - cpu0) / (holdSec * 1000), 1));
        hold.set("coreBusyPct", Util.cpuBusy(cpuTimes0, Util.cpuTimes()));
        ObjectNode after = r.putObject("after");
        after.put("rssKbNoGc", node.rssKb());
        after.set("heap", node.heap(o.fullGc));
        after.put("rssKb", node.rssKb());
        long[] hcAfter = node.heapCommittedUsedKb();
        after.put("heapCommittedKb", hcAfter[0]);
        after.put("peakRssKb", node.peakRssKb());
        after.put("fds", node.fdCount());
        after.put("threads", node.threads());
        Map<String, long[]> histoAfter = node.classHistogram();

        // --- what the workers saw ---
        int held = 0;
        long pings = 0;
        long pongs = 0;
        ArrayNode ws = r.putArray("workers");
        for (Worker x : workers) {
            x.send("STATS");
        }
        for (Worker x : workers) {
            String line;
            try {
                line = x.stats.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                line = null;
            }
            if (line == null) {
                errors.inc("worker_stats_missing");
                continue;
            }
            try {
                JsonNode s = Util.JSON.readTree(line);
                ObjectNode wn = ws.addObject();
                wn.put("source", x.local);
                wn.put("pid", x.process.pid());
                wn.set("stats", s);
                held += s.path("open").asInt();
                pings += s.path("pingsSent").asLong();
                pongs += s.path("pongsReceived").asLong();
                s.path("errors").properties().forEach(f -> {
                    for (long i = 0; i < f.getValue().asLong(); i++) {
                        errors.inc("worker." + f.getKey());
                    }
                });
            } catch (IOException e) {
                errors.inc("worker_stats_invalid");
            }
        }
        // Per connection, both ends in the same state: both right after a full GC (the reference: what
        // the connections keep), and both as found (garbage included). Mixing the two overstated it.
        long rssBefore = before.path("rssKb").asLong();
        long rssBeforeNoGc = before.path("rssKbNoGc").asLong();
        long rssAfterNoGc = after.path("rssKbNoGc").asLong();
        long rssAfter = after.path("rssKb").asLong();
        long heapBefore = before.path("heap").path("usedKb").asLong();
        long heapAfter = after.path("heap").path("usedKb").asLong();
        ObjectNode res = r.putObject("results");
        res.put("connectionsHeld", held);
        res.put("pingsSent", pings);
        res.put("pongsReceived", pongs);
        res.put("rssBeforeKb", rssBeforeNoGc);
        res.put("rssAfterKb", rssAfterNoGc);
        res.put("rssBeforeFullGcKb", rssBefore);
        res.put("rssAfterFullGcKb", rssAfter);
        res.put("heapBeforeKb", heapBefore);
        res.put("heapAfterKb", heapAfter);
        double perConnRss = held == 0 ? -1 : (rssAfterNoGc - rssBeforeNoGc) * 1024.0 / held;
        double perConnRssGc = held == 0 ? -1 : (rssAfter - rssBefore) * 1024.0 / held;
        double perConnHeap = held == 0 || heapBefore < 0 || heapAfter < 0 ? -1 : (heapAfter - heapBefore) * 1024.0 / held;
        double totalRssPerConn = held == 0 ? -1 : rssAfterNoGc * 1024.0 / held;
        res.put("rssPerConnectionBytes", Math.round(perConnRss));
        res.put("rssPerConnectionAfterFullGcBytes", Math.round(perConnRssGc));
        res.put("heapPerConnectionBytes", Math.round(perConnHeap));
        res.put("wholeProcessRssPerConnectionBytes", Math.round(totalRssPerConn));
        res.put("fdsHeldByNode", after.path("fds").asInt());
        // The method of issue 21: RSS after a full GC with N open minus RSS after a full GC of the same
        // server before opening them (-Xmx as in Options.PRODUCTION_JVM_OPTS), live-heap growth beside it.
        // RSS can be below the heap growth only when the baseline held resident heap that was free
        // (committed by G1 during the joins, not given back by the full GC): that slack is reported.
        long freeBefore = hcBefore[0] < 0 ? -1 : hcBefore[0] - hcBefore[1];
        long freeAfter = hcAfter[0] < 0 ? -1 : hcAfter[0] - hcAfter[1];
        res.put("heapCommittedBeforeKb", hcBefore[0]);
        res.put("heapCommittedAfterKb", hcAfter[0]);
        res.put("heapFreeCommittedBeforeKb", freeBefore);
        res.put("heapFreeCommittedAfterKb", freeAfter);
        res.put("serverJvmOpts", String.join(" ", o.serverJvmOpts));
        String explanation = "";
        if (perConnRssGc >= 0 && perConnHeap >= 0 && perConnRssGc < perConnHeap) {
            explanation = String.format("RSS per connection (%.1f KiB) is below the live-heap growth (%.1f KiB): the baseline already held "
                    + "%d KiB of committed but free heap (G1 grew the heap during the joins and the full GC kept it), which the "
                    + "connections then filled without new pages; with that slack taken out of both ends: %.1f KiB/conn",
                    perConnRssGc / 1024, perConnHeap / 1024, freeBefore,
                    held == 0 || freeBefore < 0 || freeAfter < 0 ? -1.0 : ((rssAfter - freeAfter) - (rssBefore - freeBefore)) / (double) held);
            Bench.log("%s", explanation);
        }
        res.put("rssBelowHeapExplanation", explanation);
        // where the heap per connection goes: classes whose live bytes grew most (jcmd GC.class_histogram)
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> e : histoAfter.entrySet()) {
            long[] b = histoBefore.getOrDefault(e.getKey(), new long[2]);
            growth.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
        }
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        ArrayNode top = res.putArray("heapGrowthTopClasses");
        for (int i = 0; i < Math.min(25, growth.size()); i++) {
            ObjectNode c = top.addObject();
            c.put("class", growth.get(i).getKey());
            c.put("instances", growth.get(i).getValue()[0]);
            c.put("bytes", growth.get(i).getValue()[1]);
            c.put("bytesPerConnection", held == 0 ? 0 : Util.round((double) growth.get(i).getValue()[1] / held, 1));
        }
        res.put("errorTotal", errors.total());
        return String.format("idle held=%d/%d (requested %d) on one node, %d sessions: RSS after full GC %d -> %d KiB (%.1f KiB/conn, live heap beside it below), "
                        + "as found %d -> %d KiB (%.1f KiB/conn; whole process %.1f KiB/conn), "
                        + "heap %d -> %d KiB (%.1f KiB/conn, %s); pings %d pongs %d; errors %d",
                held, target, requested, sessions, rssBefore, rssAfter, perConnRssGc / 1024, rssBeforeNoGc, rssAfterNoGc,
                perConnRss / 1024, totalRssPerConn / 1024,
                heapBefore, heapAfter, perConnHeap / 1024, after.path("heap").path("source").asText(), pings, pongs, errors.total())
                + "; G1 committed heap " + hcBefore[0] + " -> " + hcAfter[0] + " KiB (free part in RSS at both ends)"
                + (explanation.isEmpty() ? "" : "; " + explanation);
    }

    private static void read(Worker w) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(w.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("PROGRESS ")) {
                    w.progress = Integer.parseInt(line.substring(9).trim());
                } else if (line.startsWith("READY ")) {
                    w.ready = line.substring(6).trim();
                } else if (line.startsWith("STATS ")) {
                    w.stats.add(line.substring(6));
                }
            }
        } catch (IOException | RuntimeException e) {
            // worker gone
        }
    }
}
