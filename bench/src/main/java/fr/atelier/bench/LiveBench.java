package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenarios (a) one-session and (c) two-nodes: N participants join one session, connect, receive
 * questions and answer them in a burst, for several rounds. What is played ({@code --format}): poll
 * questions, or live questions of the quiz in teams ({@link Play}).
 */
final class LiveBench {
    private final Options o;
    private final boolean twoNodes;
    /** Drive the bare Vert.x room ({@link BareRoom}) instead of the product. */
    private final boolean bare;
    private final String scenario;
    private final Stats.Counters errors = new Stats.Counters();
    private final List<Node> nodes = new ArrayList<>();
    private final Play play;
    private Gen gen;

    private volatile Round current;
    /** The report of the last {@link #run()}, also when it failed its checks (null when it never measured). */
    ObjectNode lastReport;
    /** Generator exceptions before this run (the counter is process-wide; each run counts its own). */
    private final long uncaught0 = Bench.UNCAUGHT.total();
    private final java.util.concurrent.atomic.AtomicBoolean injected = new java.util.concurrent.atomic.AtomicBoolean();

    /** {@code suffix}: appended to the scenario's file names (several runs in one invocation). */
    LiveBench(Options o, boolean twoNodes, boolean bare, String suffix) {
        this.o = o;
        this.twoNodes = twoNodes;
        this.bare = bare;
        this.play = Play.of(o);
        if (bare && (twoNodes || !o.format.equals("poll"))) {
            throw new IllegalArgumentException("the bare room plays poll questions on one node only");
        }
        String base = twoNodes ? "two-nodes" : "one-session";
        this.scenario = (o.format.equals("poll") ? base : base + "-" + o.format) + (bare ? "-bare" : "") + suffix;
    }

    /** Sends a set-up command and fails the run if it is not acknowledged. */
    static void ok(Conn c, String command) {
        Conn.Reply reply = c.command(command).await();
        if (!reply.accepted()) {
            throw new IllegalStateException(command.substring(0, Math.min(60, command.length())) + " rejected: " + reply.code());
        }
    }

    private Node nodeOf(int i) {
        return twoNodes ? nodes.get(i % 2) : nodes.get(0);
    }

    /**
     * Runs the scenario and answers its report. Fails (after writing the report) on any error: an
     * exception in the generator, a lost, unacknowledged or rejected answer, a phone that missed a view.
     */
    ObjectNode run() {
        Report report = new Report(o, scenario);
        report.run(nodes, errors, () -> gen, r -> {
            nodes.add(bare ? Node.startBare(o, scenario, "node1") : Node.start(o, scenario, "node1"));
            if (twoNodes) {
                nodes.add(Node.start(o, scenario, "node2"));
            }
            report.nodes(nodes);
            gen = new Gen(o, null, true);
            return body(r);
        }, r -> { });
        lastReport = report.root;
        LiveTotals.failOnChecks(scenario, report.root.path("results"), errors);
        return report.root;
    }

    private String body(ObjectNode r) {
        int n = o.participants;
        r.put("participants", n);
        r.put("format", play.format());
        r.put("nodeCount", nodes.size());
        r.put("rounds", o.rounds);
        r.put("server", bare ? "bare Vert.x room (fr.atelier.bench.BareRoom)" : "Atelier");
        r.put("answerSpreadMs", o.answerSpreadMs);
        r.put("placement", twoNodes ? "participant i on node (i % 2) + 1; facilitator on node1, screen on node2; session created on node1"
                : "everything on node1");
        r.put("latencyNote", "per recipient = client arrival (µs) - server ts (ms, truncated: +0..1 ms bias); "
                + "command -> last phone = last phone's arrival - when the facilitator's client wrote the command (client clock); "
                + "ack = client round trip; round 1 (first question after the start) is reported on its own, never dropped");
        ArrayNode mem = r.putArray("memory");
        mem.add(Report.memory(nodes, "started"));
        Node n1 = nodes.get(0);

        Api.Created session = gen.api.create(n1.port, play.format(), "Bench " + scenario).await();
        r.put("code", session.code());
        Bench.log("session %s created", session.code());

        // --- joins over HTTP ---
        Conn[] phones = new Conn[n];
        Stats.Samples joinLat = new Stats.Samples();
        long t0 = System.nanoTime();
        AtomicInteger joinFailures = new AtomicInteger();
        int giveUp = Math.max(50, n / 20); // past this many failures, stop trying (the run is broken anyway)
        Util.runAll(gen.ctxs, n, o.joinConcurrency, i -> joinFailures.get() > giveUp
                ? Future.succeededFuture(errors.inc2("join_skipped_after_failures"))
                : gen.api.join(nodeOf(i).port, session.code(), Util.nickname("P", i))
                .onFailure(e -> joinFailures.incrementAndGet())
                .onSuccess(j -> {
                    Conn c = new Conn(i, "participant", gen.ctx(i), errors);
                    c.token = j.rejoinToken();
                    c.participantId = j.participantId();
                    c.node = twoNodes ? i % 2 : 0;
                    phones[i] = c;
                    joinLat.add(j.latencyUs());
                })
                .onFailure(e -> errors.inc(Api.failureKey("join", e)))).await();
        double joinSec = (System.nanoTime() - t0) / 1e9;
        int joined = joinLat.size();
        ObjectNode joins = r.putObject("joins");
        joins.put("attempted", n);
        joins.put("ok", joined);
        joins.put("seconds", Util.round(joinSec, 3));
        joins.put("perSecond", Util.round(joined / joinSec, 1));
        joins.put("concurrency", o.joinConcurrency);
        joins.set("latencyMs", Stats.summaryMs(joinLat));
        Bench.log("%d/%d joined in %.2f s (%.0f/s)", joined, n, joinSec, joined / joinSec);
        mem.add(Report.memory(nodes, "joined"));

        // --- WebSockets + hello ---
        Stats.Samples helloLat = new Stats.Samples();
        AtomicInteger helloFailures = new AtomicInteger();
        boolean[] activeSeen = new boolean[n];
        AtomicInteger activeCount = new AtomicInteger();
        Conn.ViewHandler phoneHandler = (c, f, arrivalUs, seq, ts) -> {
            if (!activeSeen[c.index] && f.contains("\"phase\":\"ACTIVITY\"")) {
                activeSeen[c.index] = true;
                activeCount.incrementAndGet();
            }
            play.phoneView(c, f);
            Round round = current;
            if (round != null && round.arrivalUs[c.index] == 0) {
                int q = f.indexOf("\"question\":{\"id\":\"" + round.qid + "\"");
                if (q > 0 && f.indexOf("\"status\":\"OPEN\"", q) > 0) {
                    round.arrivalUs[c.index] = arrivalUs;
                    round.tsMs[c.index] = ts;
                    round.got.incrementAndGet();
                }
            }
            if (round != null && c.index == 0 && o.inject.equals("exception") && injected.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure (--inject exception)");
            }
        };
        t0 = System.nanoTime();
        Util.runAll(gen.ctxs, n, o.connectConcurrency, i -> {
            Conn c = phones[i];
            if (c == null) {
                return Future.succeededFuture();
            }
            c.onView = phoneHandler;
            if (helloFailures.get() > giveUp) {
                errors.inc("hello_skipped_after_failures");
                return Future.succeededFuture();
            }
            long s0 = System.nanoTime();
            return c.open(gen.vertx, gen.ws, o.host, nodeOf(i).port, session.code(), c.token, o.waitSec * 1000L)
                    .onSuccess(x -> helloLat.add((System.nanoTime() - s0) / 1000))
                    .onFailure(e -> {
                        errors.inc("hello_failed");
                        helloFailures.incrementAndGet();
                    });
        }).await();
        double connectSec = (System.nanoTime() - t0) / 1e9;
        List<Conn> live = new ArrayList<>();
        for (Conn c : phones) {
            if (c != null && c.open()) {
                live.add(c);
            }
        }
        int connected = live.size();
        ObjectNode conns = r.putObject("connections");
        conns.put("ok", connected);
        conns.put("seconds", Util.round(connectSec, 3));
        conns.put("perSecond", Util.round(connected / connectSec, 1));
        conns.put("concurrency", o.connectConcurrency);
        conns.set("connectAndHelloMs", Stats.summaryMs(helloLat));
        Bench.log("%d phones connected in %.2f s", connected, connectSec);

        Node screenNode = twoNodes ? nodes.get(1) : n1;
        Conn screen = new Conn(0, "screen", gen.ctx(0), errors);
        Conn facilitator = new Conn(0, "facilitator", gen.ctx(1), errors);
        facilitator.token = session.hostToken();
        screen.onView = (c, f, arrivalUs, seq, ts) -> {
            Round round = current;
            if (round != null && round.answering && round.screenFullUs == 0) {
                int q = f.indexOf("\"question\":{\"id\":\"" + round.qid + "\"");
                if (q > 0) {
                    long answered = Util.longAfter(f, "\"answered\":", q);
                    round.screenAnswered = answered;
                    if (answered >= round.expectedAnswers) {
                        round.screenFullUs = arrivalUs;
                    }
                }
            }
        };
        Util.on(screen.ctx, () -> screen.open(gen.vertx, gen.ws, o.host, screenNode.port, session.code(), null, o.waitSec * 1000L)).await();
        Util.on(facilitator.ctx, () -> facilitator.open(gen.vertx, gen.ws, o.host, n1.port, session.code(), facilitator.token,
                o.waitSec * 1000L)).await();
        mem.add(Report.memory(nodes, "connected"));
        play.beforeStart(facilitator, gen.api, n1.port, r);
        gen.api.close(); // not needed any more

        // --- start ---
        long[] lastActiveUs = new long[1];
        Conn.Reply started = facilitator.command("{\"type\":\"session.start\"}").await();
        if (!started.accepted()) {
            throw new IllegalStateException("session.start rejected: " + started.code());
        }
        boolean allActive = Util.waitFor(o.waitSec * 1000L, () -> activeCount.get() >= connected);
        lastActiveUs[0] = Util.nowUs();
        ObjectNode start = r.putObject("start");
        start.put("ackMs", Stats.ms(started.latencyUs()));
        start.put("phonesSawActivity", activeCount.get());
        start.put("allWithinMs", allActive ? Stats.ms(lastActiveUs[0] - started.lastSentUs()) : -1); // polled: up to +20 ms
        if (!allActive) {
            errors.inc("start_view_missing");
        }
        play.afterStart(facilitator, screen, live, r, o.waitSec * 1000L);
        Util.sleep(500);

        // --- rounds ---
        Random random = new Random(42);
        ArrayNode rounds = r.putArray("perRound");
        LiveTotals totals = new LiveTotals(nodes);
        ObjectNode firstRound = r.putObject("firstRound");
        Stats.Samples laterLast = new Stats.Samples();
        Stats.Samples laterAck = new Stats.Samples();
        for (int k = 1; k <= o.rounds; k++) {
            if (k == 1) {
                totals.startMeasuring();
                if (o.profile) {
                    for (Node node : nodes) {
                        node.profileStart(o.out.resolve(scenario + "-" + node.name + ".jfr"));
                    }
                }
            }
            Round round = new Round(play.questionId(k), n);
            current = round;
            ObjectNode rr = rounds.addObject();
            rr.put("question", round.qid);
            rr.put("firstAfterStart", k == 1);
            // ask (written by the facilitator's client on its event loop; sendUs is that write, client clock)
            Conn.Reply asked = facilitator.command(play.askCommand(k)).await();
            if (!asked.accepted()) {
                throw new IllegalStateException(play.askCommand(k) + " rejected: " + asked.code());
            }
            long sendUs = asked.lastSentUs();
            totals.askAck.add(asked.latencyUs());
            boolean all = Util.waitFor(o.waitSec * 1000L, () -> round.got.get() >= connected);
            long last = 0;
            long maxTs = 0;
            int got = 0;
            for (Conn c : live) {
                int i = c.index;
                if (round.arrivalUs[i] == 0) {
                    continue;
                }
                got++;
                long lat = round.arrivalUs[i] - round.tsMs[i] * 1000;
                totals.perRecipient.add(lat);
                (c.node == 0 ? totals.perRecipientNode1 : totals.perRecipientNode2).add(lat);
                last = Math.max(last, round.arrivalUs[i]);
                maxTs = Math.max(maxTs, round.tsMs[i]);
            }
            totals.missedQuestion += connected - got;
            if (!all) {
                errors.inc("question_not_received");
            }
            long lastUs = last - sendUs;
            totals.lastRecipient.add(lastUs);
            totals.serverFanout.add(maxTs * 1000 - sendUs);
            rr.put("recipients", got);
            rr.put("askAckMs", Stats.ms(asked.latencyUs()));
            rr.put("lastRecipientMs", Stats.ms(lastUs));
            rr.put("facilitatorAckBeforeLastPhone", asked.arrivalUs() <= last);
            rr.put("lastViewBuiltMs", Stats.ms(maxTs * 1000 - sendUs));
            long[] lats = new long[got];
            int x = 0;
            for (Conn c : live) {
                if (round.arrivalUs[c.index] != 0) {
                    lats[x++] = round.arrivalUs[c.index] - round.tsMs[c.index] * 1000;
                }
            }
            rr.set("perRecipientMs", Stats.summaryMs(lats));
            Util.sleep(300);

            // answer burst: evenly spaced send times over the spread, in random order
            int[] order = Util.shuffled(connected, random);
            round.expectedAnswers = play.projectorFull(connected);
            int options = play.options(k);
            int round_k = k;
            round.answering = true;
            long burstUs = Util.nowUs();
            for (int s = 0; s < connected; s++) {
                Conn c = live.get(order[s]);
                int i = c.index;
                long delay = Math.max(1, (long) s * o.answerSpreadMs / Math.max(1, connected));
                int opt = random.nextInt(options);
                round.option[i] = opt;
                String cmd = play.answerCommand(round_k, opt);
                if (round_k == 1 && s == 0 && o.inject.equals("unacked")) {
                    round.finished.incrementAndGet(); // injected: this phone's answer is never sent
                    continue;
                }
                c.ctx.runOnContext(v -> gen.vertx.setTimer(delay, t -> {
                    round.sentUs[i] = Util.nowUs();
                    round.sent.incrementAndGet();
                    c.command(cmd).onComplete(ar -> {
                        if (ar.failed()) {
                            round.failed.incrementAndGet();
                            errors.inc("answer_failed");
                        } else if (ar.result().accepted()) {
                            round.ackUs[i] = ar.result().latencyUs();
                            round.ackSeq[i] = ar.result().seq();
                            round.ackArrivalUs[i] = ar.result().arrivalUs();
                            round.acked.incrementAndGet();
                        } else {
                            round.rejected.incrementAndGet();
                        }
                        round.finished.incrementAndGet();
                    });
                }));
            }
            boolean answered = Util.waitFor(o.answerSpreadMs + o.waitSec * 1000L, () -> round.finished.get() >= connected);
            long lastSentUs = 0;
            long lastAckUs = 0;
            long firstSentUs = Long.MAX_VALUE;
            long[] seqs = new long[round.acked.get()];
            int si = 0;
            for (Conn c : live) {
                int i = c.index;
                if (round.sentUs[i] != 0) {
                    lastSentUs = Math.max(lastSentUs, round.sentUs[i]);
                    firstSentUs = Math.min(firstSentUs, round.sentUs[i]);
                }
                if (round.ackSeq[i] >= 0) {
                    totals.ackLat.add(round.ackUs[i]);
                    lastAckUs = Math.max(lastAckUs, round.ackArrivalUs[i]);
                    if (si < seqs.length) {
                        seqs[si++] = round.ackSeq[i];
                    }
                }
            }
            if (!answered) {
                errors.inc("answers_unfinished");
            }
            totals.unanswered += connected - round.acked.get();
            // sequence check on acknowledged answers: each answer is one event, so their seqs are distinct and contiguous
            Arrays.sort(seqs, 0, si);
            long dup = 0;
            for (int i = 1; i < si; i++) {
                if (seqs[i] == seqs[i - 1]) {
                    dup++;
                }
            }
            long gaps = si == 0 || !play.oneEventPerAnswer() ? 0 : (seqs[si - 1] - seqs[0] + 1) - (si - dup);
            if (!play.oneEventPerAnswer()) {
                dup = 0; // several answers may be acknowledged at one seq (no change, no event)
            }
            totals.ackSeqDuplicates += dup;
            totals.ackSeqGaps += gaps;
            boolean screenOk = Util.waitFor(10_000, () -> round.screenFullUs != 0);
            if (screenOk) {
                totals.screenFull.add(round.screenFullUs - firstSentUs);
                totals.screenFullAfterLastAck.add(round.screenFullUs - lastAckUs);
            } else {
                errors.inc("screen_never_full");
            }
            // the facilitator's distribution must hold every acknowledged answer (in the quiz: each team's last one)
            int[] expected = play.expected(live, k, round.option, round.ackSeq);
            int[][] dist = new int[1][];
            Util.waitFor(10_000, () -> {
                dist[0] = play.distribution(facilitator.lastViewJson(), round_k);
                return dist[0] != null && Arrays.equals(dist[0], expected);
            });
            long roundLost = 0;
            int distSum = dist[0] == null ? 0 : Arrays.stream(dist[0]).sum();
            for (int opt = 0; opt < options; opt++) {
                int have = dist[0] == null || opt >= dist[0].length ? 0 : dist[0][opt];
                roundLost += Math.max(0, expected[opt] - have);
            }
            totals.lost += roundLost;
            ObjectNode ans = rr.putObject("answers");
            ans.put("sent", round.sent.get());
            ans.put("acked", round.acked.get());
            ans.put("rejected", round.rejected.get());
            ans.put("failed", round.failed.get());
            ans.put("sendWindowMs", Stats.ms(lastSentUs - firstSentUs));
            ans.put("burstStartDelayMs", Stats.ms(firstSentUs - burstUs));
            long[] acks = new long[round.acked.get()];
            x = 0;
            for (Conn c : live) {
                if (round.ackSeq[c.index] >= 0 && x < acks.length) {
                    acks[x++] = round.ackUs[c.index];
                }
            }
            ans.set("ackMs", Stats.summaryMs(Arrays.copyOf(acks, x)));
            ans.put("ackSeqDuplicates", dup);
            ans.put("ackSeqGaps", gaps);
            ans.put("screenAnsweredFullAfterFirstAnswerMs", screenOk ? Stats.ms(round.screenFullUs - firstSentUs) : -1);
            ans.put("screenAnsweredFullAfterLastAckMs", screenOk ? Stats.ms(round.screenFullUs - lastAckUs) : -1);
            ans.put("screenLastAnswered", round.screenAnswered);
            ans.put("facilitatorDistributionSum", distSum);
            ans.set("facilitatorDistribution", Util.JSON.valueToTree(dist[0]));
            ans.set("expectedDistribution", Util.JSON.valueToTree(expected));
            ans.put("lost", roundLost);
            long[] roundAcks = Arrays.copyOf(acks, x);
            if (k == 1) {
                firstRound.put("commandToLastPhoneMs", Stats.ms(lastUs));
                firstRound.put("askAckMs", Stats.ms(asked.latencyUs()));
                firstRound.put("facilitatorAckBeforeLastPhone", asked.arrivalUs() <= last);
                firstRound.set("answerAckMs", Stats.summaryMs(roundAcks));
                firstRound.put("screenFullAfterLastAckMs", screenOk ? Stats.ms(round.screenFullUs - lastAckUs) : -1);
            } else {
                laterLast.add(lastUs);
                for (long a : roundAcks) {
                    laterAck.add(a);
                }
            }
            Bench.log("%s%s %d: %d/%d got the question, last %.1f ms; %d/%d acks, ack p99 %s ms; screen full %s ms after first answer; distribution sum %d, lost %d",
                    bare ? "[bare] " : "", k == 1 ? "first round after start" : "round", k, got, connected, lastUs / 1000.0, round.acked.get(), connected,
                    ans.path("ackMs").path("p99").asText(), ans.path("screenAnsweredFullAfterFirstAnswerMs").asText(), distSum, roundLost);
            round.answering = false;
            Conn.Reply closed = facilitator.command(play.closeCommand(k)).await();
            if (!closed.accepted()) {
                errors.inc("close_rejected");
            }
            current = null;
            Util.sleep(700);
        }
        totals.stopMeasuring();
        if (o.profile) {
            ObjectNode prof = r.putObject("profileDuringMeasuredRounds");
            for (Node node : nodes) {
                ObjectNode p = node.profileStop();
                if (p != null) {
                    prof.set(node.name, p);
                }
            }
        }
        mem.add(Report.memory(nodes, "rounds done"));

        ObjectNode results = r.putObject("results");
        int regressions = screen.seqRegressions + facilitator.seqRegressions;
        for (Conn c : live) {
            regressions += c.seqRegressions;
        }
        totals.write(results, regressions);
        ObjectNode later = results.putObject("laterRounds");
        later.set("commandToLastPhoneMs", Stats.summaryMs(laterLast));
        later.set("answerAckMs", Stats.summaryMs(laterAck));
        results.set("firstRound", firstRound);

        // --- end ---
        if (play.finishCommand() != null && !facilitator.command(play.finishCommand()).await().accepted()) {
            errors.inc("finish_rejected");
        }
        Conn.Reply ended = facilitator.command("{\"type\":\"session.end\"}").await();
        if (!ended.accepted()) {
            errors.inc("end_rejected");
        }
        if (!bare) { // the bare room archives nothing
            results.set("archive", ArchiveWait.await(o, nodes, session.code(), ended.arrivalUs()));
        }
        int closedByServer = 0;
        for (Conn c : live) {
            if (c.closed) {
                closedByServer++;
            }
        }
        results.put("phonesClosedBeforeEnd", closedByServer);
        Conn.closeAll(live, screen, facilitator);
        Util.sleep(500);
        mem.add(Report.memory(nodes, "end"));
        long errorTotal = errors.total() + Bench.UNCAUGHT.total() - uncaught0;
        results.put("generatorExceptions", Bench.UNCAUGHT.total() - uncaught0);
        results.put("errorTotal", errorTotal);

        return String.format("%s N=%d nodes=%d rounds=%d (first after start: command -> last phone %s ms): joins %.0f/s; broadcast per-recipient p50/p95/p99/max %s; command -> last phone %s; "
                        + "answer ack %s; screen answered==N after first answer %s; errors %d, lost %d, unacked %d, seq regressions %d, ack-seq gaps %d; cores busy %s, server CPU %.0f%%",
                scenario, n, nodes.size(), o.rounds, firstRound.path("commandToLastPhoneMs").asText(), joined / joinSec, Stats.brief((ObjectNode) results.get("broadcastPerRecipientMs")),
                Stats.brief((ObjectNode) results.get("broadcastLastRecipientMs")), Stats.brief((ObjectNode) results.get("answerAckMs")),
                Stats.brief((ObjectNode) results.get("screenAnsweredFullAfterFirstAnswerMs")), errorTotal, totals.lost, totals.unanswered, regressions, totals.ackSeqGaps,
                results.path("coreBusyDuringRoundsPct").toString(), results.path("serverCpuDuringRoundsPct").asDouble());
    }
}
