package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario (e) kill: {@code kill -9} of the node that owns a live session in the middle of an answer
 * burst. Two real nodes; the poll session is created on node 1, which owns it; N participants spread
 * over both nodes (phone i on node {@code i % 2 + 1}), the projector on node 1, the facilitator on node 2.
 * After {@code --warmup-rounds} questions answered normally (JIT warm, a session mid-workshop), the next
 * question is asked and answered in a burst. During that burst (answers evenly spaced over {@code --answer-spread-ms}), once {@code --kill-after}
 * of them were sent, node 1 gets SIGKILL. Every client behaves like the product's page (socket.js, see
 * {@link Resilience}): it reconnects by itself with backoff and full jitter through the load
 * balancer of deploy/nginx.conf (the dead node is skipped), says hello with its rejoin token and last
 * seq, and resends every unanswered command under the same id until it is acknowledged.
 *
 * <p>Measured: kill → lease taken over by node 2 and → first command acknowledged by it; kill → each
 * node-1 participant re-attached with its state (a view on the new connection whose seq is at least the
 * last seq it saw before, holding its own answer when that answer had been acknowledged before the
 * kill), with the share within 5 s; the projector's re-attachment; answers sent / acknowledged / resent;
 * the facilitator's final distribution and the synthesis against every acknowledged answer (lost);
 * seq regressions; node-2 participants still receiving views; errors.
 */
final class KillBench {
    static final String SCENARIO = "kill";
    /** socket.js gives up on a command after this many "unavailable" answers (the user would have to redo it). */
    private static final int SOCKET_JS_UNAVAILABLE_RETRIES = 5;

    private final Options o;
    private final Stats.Counters errors = new Stats.Counters();
    /** Expected consequences of the kill (disconnections, reconnections, resends...): not errors. */
    private final Stats.Counters events = new Stats.Counters();
    private final List<Node> nodes = new ArrayList<>();
    private Gen gen;

    KillBench(Options o) {
        this.o = o;
    }

    void run() {
        Report report = new Report(o, SCENARIO);
        report.run(nodes, errors, () -> gen, r -> {
            nodes.add(Node.start(o, SCENARIO, "node1"));
            nodes.add(Node.start(o, SCENARIO, "node2"));
            report.nodes(nodes);
            gen = new Gen(o, null, true);
            return body(r);
        }, r -> r.set("recoveryEvents", events.toJson()));
    }

    private String body(ObjectNode r) {
        int n = o.participants;
        Node n1 = nodes.get(0);
        Node n2 = nodes.get(1);
        r.put("participants", n);
        r.put("nodeCount", 2);
        r.put("answerSpreadMs", o.answerSpreadMs);
        r.put("killAfterFractionOfAnswers", o.killAfter);
        r.put("placement", "session created on node1 (node1 owns it); participant i on node (i % 2) + 1; screen on node1; facilitator on node2");
        r.put("clientBehaviour", "as web/.../app/socket.js: on close, reconnect after a random delay in [0, min(10 s, 0.5 s x 2^attempt)] "
                + "(attempt reset by welcome), through a simulated nginx (deploy/nginx.conf: proxy_next_upstream error, max_fails=1 "
                + "fail_timeout=5s: a refused connection goes to the next node at once, the failed node is skipped 5 s); hello with the "
                + "rejoin token and lastSeq; commands kept until answered, resent with the same id on every welcome and 1 s x k + "
                + "random(1 s) after the k-th 'unavailable' (socket.js stops after " + SOCKET_JS_UNAVAILABLE_RETRIES
                + "; here without limit, counted)");
        r.put("reattachDefinition", "kill -> first view on a new connection whose seq >= the highest seq the phone saw on its "
                + "first connection and, when its answer was acknowledged before the connection dropped, whose myAnswer is that answer");
        ArrayNode mem = r.putArray("memory");
        mem.add(Report.memory(nodes, "started"));
        r.put("node1Executable", n1.comm());

        Api.Created session = gen.api.create(n1.port, "Bench kill").await();
        String code = session.code();
        r.put("code", code);
        // the first node that needs a session takes its lease: make it node 1 before anyone touches node 2
        int info = n1.httpGet("/api/sessions/" + code, 10_000);
        String sessionId = MiniRedis.get(o.redisUrl, "atelier:code:" + code);
        String ownerKey = "atelier:{" + sessionId + "}:owner";
        String owner = MiniRedis.get(o.redisUrl, ownerKey);
        r.put("ownerBeforeKill", owner);
        if (info != 200 || !n1.nodeId.equals(leaseNode(owner))) {
            throw new IllegalStateException("node1 does not own session " + code + " (GET info " + info + ", owner " + owner + ")");
        }
        Bench.log("session %s (%s) created, owned by node1", code, sessionId);

        // --- joins over HTTP ---
        Balancer balancer = new Balancer(new int[] {n1.port, n2.port}, 5000);
        Conn[] phones = new Conn[n];
        Stats.Samples joinLat = new Stats.Samples();
        long t0 = System.nanoTime();
        Util.runAll(gen.ctxs, n, o.joinConcurrency, i -> gen.api.join(nodes.get(i % 2).port, code, Util.nickname("P", i))
                .onSuccess(j -> {
                    Conn c = new Conn(i, "participant", gen.ctx(i), errors).resilient(new Resilience(balancer, events));
                    c.token = j.rejoinToken();
                    c.participantId = j.participantId();
                    c.node = i % 2;
                    phones[i] = c;
                    joinLat.add(j.latencyUs());
                })
                .onFailure(e -> errors.inc(Api.failureKey("join", e)))).await();
        double joinSec = (System.nanoTime() - t0) / 1e9;
        ObjectNode joins = r.putObject("joins");
        joins.put("ok", joinLat.size());
        joins.put("perSecond", Util.round(joinLat.size() / joinSec, 1));
        joins.set("latencyMs", Stats.summaryMs(joinLat));
        Bench.log("%d/%d joined in %.2f s", joinLat.size(), n, joinSec);

        int killedQuestion = o.warmupRounds + 1;
        String qid = "q" + killedQuestion;
        String openMarker = "\"question\":{\"id\":\"" + qid + "\"";

        KillWatch w = new KillWatch(n, openMarker);

        // --- WebSockets + hello ---
        Stats.Samples helloLat = new Stats.Samples();
        t0 = System.nanoTime();
        Util.runAll(gen.ctxs, n, o.connectConcurrency, i -> {
            Conn c = phones[i];
            if (c == null) {
                return Future.succeededFuture();
            }
            c.onView = w::phoneView;
            c.onWelcome = w::phoneWelcome;
            long s0 = System.nanoTime();
            return c.open(gen.vertx, gen.ws, o.host, nodes.get(i % 2).port, code, c.token, o.waitSec * 1000L)
                    .onSuccess(x -> helloLat.add((System.nanoTime() - s0) / 1000))
                    .onFailure(e -> errors.inc("hello_failed"));
        }).await();
        List<Conn> live = new ArrayList<>();
        for (Conn c : phones) {
            if (c != null && c.open()) {
                live.add(c);
            }
        }
        int connected = live.size();
        r.putObject("connections").put("ok", connected).put("seconds", Util.round((System.nanoTime() - t0) / 1e9, 3))
                .set("connectAndHelloMs", Stats.summaryMs(helloLat));
        Bench.log("%d phones connected", connected);

        Conn screen = new Conn(0, "screen", gen.ctx(0), errors).resilient(new Resilience(balancer, events));
        Conn facilitator = new Conn(0, "facilitator", gen.ctx(1), errors).resilient(new Resilience(balancer, events));
        facilitator.token = session.hostToken();
        screen.onView = w::screenView;
        Util.on(screen.ctx, () -> screen.open(gen.vertx, gen.ws, o.host, n1.port, code, null, o.waitSec * 1000L)).await();
        Util.on(facilitator.ctx, () -> facilitator.open(gen.vertx, gen.ws, o.host, n2.port, code, facilitator.token,
                o.waitSec * 1000L)).await();
        mem.add(Report.memory(nodes, "connected"));
        gen.api.close();

        // --- start, ask ---
        LiveBench.ok(facilitator, "{\"type\":\"session.start\"}");
        if (!Util.waitFor(o.waitSec * 1000L, () -> w.activeCount.get() >= connected)) {
            errors.inc("start_view_missing");
        }
        Random random = new Random(42);

        // --- warm-up question(s): a live session mid-workshop, JIT warm on both nodes; nobody is killed ---
        ArrayNode warm = r.putArray("warmupRounds");
        for (int k = 1; k < killedQuestion; k++) {
            int round = k;
            LiveBench.ok(facilitator, ask(k));
            if (!Util.waitFor(o.waitSec * 1000L, () -> w.countOpen(live, round) >= connected)) {
                errors.inc("question_not_received");
            }
            Util.sleep(300);
            int[] order = Util.shuffled(connected, random);
            Stats.Samples acks = new Stats.Samples();
            AtomicInteger done = new AtomicInteger();
            for (int s = 0; s < connected; s++) {
                Conn c = live.get(order[s]);
                long delay = Math.max(1, (long) s * o.answerSpreadMs / Math.max(1, connected));
                String cmd = "{\"type\":\"poll.answer\",\"questionId\":\"q" + k + "\",\"option\":" + random.nextInt(4) + "}";
                c.ctx.runOnContext(v -> gen.vertx.setTimer(delay, t -> c.command(cmd).onComplete(ar -> {
                    if (ar.succeeded() && ar.result().accepted()) {
                        acks.add(ar.result().latencyUs());
                    } else {
                        errors.inc("warmup_answer_failed");
                    }
                    done.incrementAndGet();
                })));
            }
            if (!Util.waitFor(o.answerSpreadMs + o.waitSec * 1000L, () -> done.get() >= connected)) {
                errors.inc("warmup_answers_unfinished");
            }
            LiveBench.ok(facilitator, "{\"type\":\"poll.close\",\"questionId\":\"q" + k + "\"}");
            warm.addObject().put("question", "q" + k).put("acked", acks.size()).set("answerAckMs", Stats.summaryMs(acks));
            Bench.log("warm-up q%d: %d/%d acked, ack p50/p95/p99/max %s", k, acks.size(), connected, Stats.brief(Stats.summaryMs(acks)));
            Util.sleep(700);
        }

        LiveBench.ok(facilitator, ask(killedQuestion));
        if (!Util.waitFor(o.waitSec * 1000L, () -> w.countOpen(live, killedQuestion) >= connected)) {
            errors.inc("question_not_received");
        }
        Util.sleep(300);

        if (o.profile) {
            n2.profileStart(o.out.resolve(SCENARIO + "-node2.jfr"));
        }

        // --- answer burst, kill -9 of node 1 in the middle ---
        int[] order = Util.shuffled(connected, random);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstAckByNewOwnerUs = new AtomicLong(Long.MAX_VALUE);
        AtomicLong deadUs = new AtomicLong(Long.MAX_VALUE);
        long burstUs = Util.nowUs();
        long cpu2Before = n2.cpuMs();
        long wait2Before = n2.runQueueWaitMs();
        long[][] cores0 = Util.cpuTimes();
        for (int s = 0; s < connected; s++) {
            Conn c = live.get(order[s]);
            int i = c.index;
            long delay = Math.max(1, (long) s * o.answerSpreadMs / Math.max(1, connected));
            int opt = random.nextInt(4);
            w.chosen[i] = opt;
            String cmd = "{\"type\":\"poll.answer\",\"questionId\":\"" + qid + "\",\"option\":" + opt + "}";
            c.ctx.runOnContext(v -> gen.vertx.setTimer(delay, t -> {
                w.sentUs[i] = Util.nowUs();
                sent.incrementAndGet();
                c.command(cmd).onComplete(ar -> {
                    if (ar.failed()) {
                        failed.incrementAndGet();
                        errors.inc("answer_failed");
                    } else if (ar.result().accepted()) {
                        Conn.Reply reply = ar.result();
                        w.option[i] = opt;
                        w.ackSeq[i] = reply.seq();
                        w.ackLink[i] = c.link;
                        w.ackArrivalUs[i] = reply.arrivalUs();
                        w.sends[i] = reply.sends();
                        if (reply.lastSentUs() > deadUs.get()) {
                            firstAckByNewOwnerUs.accumulateAndGet(reply.arrivalUs(), Math::min);
                        }
                        acked.incrementAndGet();
                    } else {
                        rejected.incrementAndGet();
                    }
                    finished.incrementAndGet();
                });
            }));
        }
        int killAt = Math.max(1, (int) Math.round(connected * o.killAfter));
        while (sent.get() < killAt && Util.nowUs() - burstUs < (o.answerSpreadMs + 5000) * 1000L) {
            Util.sleep(1);
        }
        int sentAtKill = sent.get();
        int ackedAtKill = acked.get();
        long kUs = Util.nowUs();
        w.killUs.set(kUs);
        int exit = n1.killHard(10_000);
        long reapedUs = Util.nowUs();
        deadUs.set(reapedUs);
        Bench.log("kill -9 node1 (pid %d) after %d/%d answers sent (%d acked), %.0f ms into the burst: exit %d, reaped in %.1f ms",
                n1.pid(), sentAtKill, connected, ackedAtKill, (kUs - burstUs) / 1000.0, exit, (reapedUs - kUs) / 1000.0);
        // who owns the session now: poll the lease until node 2 holds it
        long leaseUs = -1;
        long leaseDeadline = System.nanoTime() + 60_000_000_000L;
        try (MiniRedis m = new MiniRedis(o.redisUrl)) {
            while (System.nanoTime() < leaseDeadline) {
                Object v = m.call("GET", ownerKey);
                if (v != null && !n1.nodeId.equals(leaseNode(String.valueOf(v)))) {
                    leaseUs = Util.nowUs();
                    r.put("ownerAfterKill", String.valueOf(v));
                    break;
                }
                Util.sleep(5);
            }
        } catch (IOException e) {
            errors.inc("lease_poll_failed");
        }
        long leaseTakenUs = leaseUs;

        List<Conn> affected = new ArrayList<>();
        List<Conn> survivors = new ArrayList<>();
        for (Conn c : live) {
            (c.node == 0 ? affected : survivors).add(c);
        }
        boolean allAnswered = Util.waitFor(o.answerSpreadMs + 60_000L, () -> finished.get() >= connected);
        if (!allAnswered) {
            errors.inc("answers_unfinished");
        }
        boolean allBack = Util.waitFor(o.waitSec * 1000L, () -> w.reattached.get() >= affected.size() && w.screenReattachUs.get() != 0);
        long recoveredUs = Util.nowUs();
        if (o.profile) {
            ObjectNode p = n2.profileStop();
            if (p != null) {
                r.set("profileNode2BurstToRecovered", p);
            }
        }
        long cpu2 = n2.cpuMs() - cpu2Before;
        long wait2 = n2.runQueueWaitMs() - wait2Before;
        ObjectNode coreBusy = Util.cpuBusy(cores0, Util.cpuTimes());
        Bench.log("answers: %d/%d acked, %d rejected, %d failed; %d/%d node1 phones re-attached%s", acked.get(), connected,
                rejected.get(), failed.get(), w.reattached.get(), affected.size(), allBack ? "" : " (gave up waiting)");

        // --- final distribution: every acknowledged answer must be there ---
        int[] expected = new int[4];
        for (Conn c : live) {
            if (w.ackSeq[c.index] >= 0) {
                expected[w.option[c.index]]++;
            }
        }
        int[][] dist = new int[1][];
        boolean distOk = Util.waitFor(15_000, () -> {
            dist[0] = PollResults.fromView(facilitator.lastViewJson(), qid);
            return dist[0] != null && Arrays.equals(dist[0], expected);
        });
        long lost = 0;
        long extra = 0;
        for (int k = 0; k < 4; k++) {
            int have = dist[0] == null || k >= dist[0].length ? 0 : dist[0][k];
            lost += Math.max(0, expected[k] - have);
            extra += Math.max(0, have - expected[k]);
        }
        boolean screenOk = Util.waitFor(10_000, () -> w.screenAnswered.get() >= acked.get());
        mem.add(Report.memory(nodes, "recovered"));

        // --- results ---
        ObjectNode results = r.putObject("results");
        ObjectNode kill = results.putObject("kill");
        kill.put("signal", "SIGKILL (Process.destroyForcibly on Linux; no shutdown hook, the lease is not released)");
        kill.put("exitValue", exit);
        kill.put("killedBySigkill", exit == 137);
        kill.put("msIntoBurst", Stats.ms(kUs - burstUs));
        kill.put("answersSentBeforeKill", sentAtKill);
        kill.put("answersAckedBeforeKill", ackedAtKill);
        kill.put("reapedAfterMs", Stats.ms(reapedUs - kUs));
        if (exit != 137) {
            errors.inc("kill_not_sigkill");
        }

        ObjectNode takeover = results.putObject("takeover");
        takeover.put("leaseTakenByNode2AfterMs", leaseTakenUs < 0 ? -1 : Stats.ms(leaseTakenUs - kUs));
        long fa = firstAckByNewOwnerUs.get();
        takeover.put("firstAckByNewOwnerAfterMs", fa == Long.MAX_VALUE ? -1 : Stats.ms(fa - kUs));
        takeover.put("note", "lease TTL 3 s renewed every 1 s: it expires 2-3 s after the kill; node 2 notices within 200 ms "
                + "(it polls while a request waits), then reloads the session from Redis (snapshot + stream tail)");
        if (leaseTakenUs < 0) {
            errors.inc("no_takeover");
        }

        ObjectNode re = w.reattach(results, affected, kUs, errors);

        ObjectNode proj = w.projector(results, screen, kUs, screenOk, errors);

        int survivorDisconnects = w.node2(results, survivors, facilitator, kUs, errors);

        ObjectNode ans = results.putObject("answers");
        int resentCommands = 0;
        int totalExtraSends = 0;
        int maxSends = 0;
        int ackedAfterKill = 0;
        Stats.Samples ackAfterKillMs = new Stats.Samples();
        for (Conn c : live) {
            int i = c.index;
            if (w.ackSeq[i] < 0) {
                continue;
            }
            if (w.sends[i] > 1) {
                resentCommands++;
                totalExtraSends += w.sends[i] - 1;
            }
            maxSends = Math.max(maxSends, w.sends[i]);
            if (w.ackArrivalUs[i] > kUs) {
                ackedAfterKill++;
                ackAfterKillMs.add(w.ackArrivalUs[i] - Math.max(kUs, w.sentUs[i]));
            }
        }
        ans.put("sent", sent.get());
        ans.put("acked", acked.get());
        ans.put("rejected", rejected.get());
        ans.put("failed", failed.get());
        ans.put("ackedAfterKill", ackedAfterKill);
        ans.set("ackedAfterKillWaitMs", Stats.summaryMs(ackAfterKillMs));
        ans.put("ackedAfterKillWaitNote", "ack arrival - max(kill, first send)");
        ans.put("resentCommands", resentCommands);
        ans.put("extraSends", totalExtraSends);
        ans.put("maxSendsOfOneAnswer", maxSends);
        ans.put("unavailableAnswers", events.get("command.unavailable"));
        ans.put("facilitatorDistributionMatches", distOk);
        ans.set("facilitatorDistribution", Util.JSON.valueToTree(dist[0]));
        ans.set("expectedDistribution", Util.JSON.valueToTree(expected));
        ans.put("lost", lost);
        ans.put("appliedButNotAcked", extra);
        if (lost > 0) {
            errors.inc("lost_answers");
        }
        results.put("lostAnswers", lost);
        int regressions = screen.seqRegressions + facilitator.seqRegressions;
        for (Conn c : live) {
            regressions += c.seqRegressions;
        }
        results.put("viewSeqRegressions", regressions);
        long node2WallMs = Math.max(1, (recoveredUs - kUs) / 1000);
        results.put("node2CpuKillToRecoveredPct", Util.round(100.0 * cpu2 / node2WallMs, 1));
        results.put("node2RunQueueWaitKillToRecoveredPct", Util.round(100.0 * wait2 / node2WallMs, 1));
        results.set("coreBusyBurstToRecoveredPct", coreBusy);

        // --- end: results archived; the synthesis must hold every acknowledged answer too ---
        Conn.Reply closed = awaitReply(facilitator.command("{\"type\":\"poll.close\",\"questionId\":\"" + qid + "\"}"), "close");
        if (closed != null && !closed.accepted()) {
            errors.inc("close_rejected");
        }
        Conn.Reply ended = awaitReply(facilitator.command("{\"type\":\"session.end\"}"), "end");
        if (ended != null && !ended.accepted()) {
            errors.inc("end_rejected");
        }
        if (ended != null) {
            results.set("archive", ArchiveWait.await(o, List.of(n2), code, ended.arrivalUs()));
        }
        int[] synth = PollResults.fromSynthesis(o.host, n2.port, code, session.hostToken(), qid, errors);
        results.set("synthesisDistribution", Util.JSON.valueToTree(synth));
        boolean synthOk = synth != null && Arrays.equals(synth, expected);
        results.put("synthesisMatchesAcked", synthOk);
        if (!synthOk) {
            errors.inc("synthesis_mismatch");
        }
        Conn.closeAll(live, screen, facilitator);
        Util.sleep(500);
        mem.add(Report.memory(nodes, "end"));
        long errorTotal = errors.total();
        results.put("errorTotal", errorTotal);

        return String.format("kill N=%d: kill -9 node1 (exit %d) %.0f ms into the burst after %d/%d answers sent; lease taken over after %s ms, "
                        + "first ack by node2 after %s ms; node1 participants re-attached (n=%d) p50/p95/p99/max %s, within 5 s %.1f%% "
                        + "(target 99%%), never %d; projector re-attached after %s ms; answers sent %d, acked %d, resent %d; lost %d, "
                        + "seq regressions %d, node2 disconnects %d, errors %d",
                n, exit, (kUs - burstUs) / 1000.0, sentAtKill, connected, takeover.path("leaseTakenByNode2AfterMs").asText(),
                takeover.path("firstAckByNewOwnerAfterMs").asText(), affected.size(),
                Stats.brief((ObjectNode) re.get("killToReattachedMs")), re.path("withinTargetPct").asDouble(), re.path("neverReattached").asInt(), proj.path("killToReattachedMs").asText(),
                sent.get(), acked.get(), resentCommands, lost, regressions, survivorDisconnects, errorTotal);
    }

    /** The node of a lease value: the server writes fencing tokens {@code node#epoch} (LiveStore). */
    static String leaseNode(String lease) {
        if (lease == null) {
            return null;
        }
        int hash = lease.lastIndexOf('#');
        return hash < 0 ? lease : lease.substring(0, hash);
    }

    private static String ask(int k) {
        return "{\"type\":\"poll.ask\",\"text\":\"Question " + k + " : quel site consultez-vous d'abord ?\","
                + "\"options\":[\"Onisep\",\"France Travail\",\"CIO\",\"Mission locale\"]}";
    }

    /** A command's answer, waited for at most {@code --wait} seconds (the client resends it meanwhile). */
    private Conn.Reply awaitReply(Future<Conn.Reply> f, String what) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(o.waitSec, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            errors.inc(what + "_unanswered");
        } catch (ExecutionException e) {
            errors.inc(what + "_failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

}
