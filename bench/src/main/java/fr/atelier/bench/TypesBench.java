package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenarios of the poll's question types (issue 17, item 4), one node, N phones in one poll session:
 * <ul>
 * <li>{@code words-burst}: a word-cloud question; every phone sends one word (from a pool of French
 * words written with varying case and accents, so that the server merges them) within
 * {@code --answer-spread-ms}; </li>
 * <li>{@code qa-burst}: a Q&amp;A question; five phones ask a question each, then every other phone
 * upvotes one of them within {@code --answer-spread-ms}.</li>
 * </ul>
 * Measured: the ack latency of each write or vote (an ack is sent once the event is durably in
 * Redis), the time until the projector shows them all (the cloud's counts, or the votes, add up to
 * the acknowledged commands) after the first send and after the last ack, errors and refusals.
 */
final class TypesBench {
    static final List<String> SCENARIOS = List.of("words-burst", "qa-burst");
    private static final String[] WORDS = {"Écoute", "écoute", "ECOUTE", "Réseau", "reseau", "Confiance", "confiance",
            "Partage", "Curiosité", "curiosite", "Orientation", "Découverte", "Emploi", "Avenir", "Métiers", "metiers",
            "Rencontre", "Projet", "Jeunesse", "Formation"};
    private static final int QA_AUTHORS = 5;

    private final Options o;
    private final String scenario;
    private final Stats.Counters errors = new Stats.Counters();
    private final List<Node> nodes = new ArrayList<>();
    private Gen gen;

    TypesBench(Options o) {
        this.o = o;
        this.scenario = o.scenario;
    }

    void run() {
        Report report = new Report(o, scenario);
        report.run(nodes, errors, () -> gen, r -> {
            nodes.add(Node.start(o, scenario, "node1"));
            report.nodes(nodes);
            gen = new Gen(o, null, true);
            return body(r);
        }, r -> { });
    }

    private String body(ObjectNode r) {
        int n = o.participants;
        Node node = nodes.get(0);
        r.put("participants", n);
        r.put("answerSpreadMs", o.answerSpreadMs);
        Api.Created session = gen.api.create(node.port, "Bench " + scenario).await();
        String code = session.code();
        Conn[] phones = new Conn[n];
        Util.runAll(gen.ctxs, n, o.joinConcurrency, i -> gen.api.join(node.port, code, Util.nickname("P", i))
                .onSuccess(j -> {
                    Conn c = new Conn(i, "participant", gen.ctx(i), errors);
                    c.token = j.rejoinToken();
                    c.participantId = j.participantId();
                    phones[i] = c;
                })
                .onFailure(e -> errors.inc(Api.failureKey("join", e)))).await();
        Util.runAll(gen.ctxs, n, o.connectConcurrency, i -> phones[i] == null ? Future.succeededFuture()
                : phones[i].open(gen.vertx, gen.ws, o.host, node.port, code, phones[i].token, o.waitSec * 1000L)
                        .onFailure(e -> errors.inc("hello_failed"))).await();
        List<Conn> live = new ArrayList<>();
        for (Conn c : phones) {
            if (c != null && c.open()) {
                live.add(c);
            }
        }
        Conn screen = new Conn(0, "screen", gen.ctx(0), errors);
        Conn facilitator = new Conn(0, "facilitator", gen.ctx(1), errors);
        facilitator.token = session.hostToken();
        Util.on(screen.ctx, () -> screen.open(gen.vertx, gen.ws, o.host, node.port, code, null, o.waitSec * 1000L)).await();
        Util.on(facilitator.ctx, () -> facilitator.open(gen.vertx, gen.ws, o.host, node.port, code, facilitator.token,
                o.waitSec * 1000L)).await();
        gen.api.close();
        r.put("connected", live.size());
        Bench.log("%d phones connected", live.size());
        LiveBench.ok(facilitator, "{\"type\":\"session.start\"}");
        boolean words = scenario.equals("words-burst");
        LiveBench.ok(facilitator, words ? "{\"type\":\"poll.ask\",\"kind\":\"WORDS\",\"text\":\"Un mot pour cette journée ?\"}"
                : "{\"type\":\"poll.ask\",\"kind\":\"QA\",\"text\":\"Vos questions aux intervenant·es\"}");
        Util.sleep(500);
        List<String> entries = new ArrayList<>();
        List<Conn> senders = live;
        if (!words) {
            for (int k = 0; k < QA_AUTHORS && k < live.size(); k++) {
                LiveBench.ok(live.get(k), "{\"type\":\"poll.write\",\"questionId\":\"q1\",\"text\":\"Question " + (k + 1) + " de la salle ?\"}");
                entries.add("e" + (k + 1));
            }
            senders = live.subList(Math.min(QA_AUTHORS, live.size()), live.size());
            Util.sleep(500);
        }
        Random random = new Random(42);
        int count = senders.size();
        int[] order = Util.shuffled(count, random);
        Stats.Samples acks = new Stats.Samples();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        long firstSendUs = Util.nowUs();
        long[] lastAckUs = {0};
        for (int s = 0; s < count; s++) {
            Conn c = senders.get(order[s]);
            long delay = Math.max(1, (long) s * o.answerSpreadMs / Math.max(1, count));
            String cmd = words
                    ? "{\"type\":\"poll.write\",\"questionId\":\"q1\",\"text\":\"" + WORDS[random.nextInt(WORDS.length)] + "\"}"
                    : "{\"type\":\"poll.upvote\",\"questionId\":\"q1\",\"entryId\":\"" + entries.get(random.nextInt(entries.size())) + "\"}";
            c.ctx.runOnContext(v -> gen.vertx.setTimer(delay, t -> c.command(cmd).onComplete(ar -> {
                if (ar.succeeded() && ar.result().accepted()) {
                    acks.add(ar.result().latencyUs());
                    accepted.incrementAndGet();
                    synchronized (lastAckUs) {
                        lastAckUs[0] = Math.max(lastAckUs[0], ar.result().arrivalUs());
                    }
                } else {
                    errors.inc(ar.succeeded() ? "rejected_" + ar.result().code() : "command_failed");
                }
                done.incrementAndGet();
            })));
        }
        if (!Util.waitFor(o.answerSpreadMs + o.waitSec * 1000L, () -> done.get() >= count)) {
            errors.inc("burst_unfinished");
        }
        boolean shown = Util.waitFor(o.waitSec * 1000L, () -> shownOnScreen(screen, words) >= accepted.get());
        long screenUs = Util.nowUs();
        if (!shown) {
            errors.inc("screen_incomplete");
        }
        ObjectNode burst = r.putObject("burst");
        burst.put("sent", count).put("acked", acks.size()).put("onScreen", shownOnScreen(screen, words));
        burst.set("ackMs", Stats.summaryMs(acks));
        burst.put("screenAllAfterFirstSendMs", Util.round((screenUs - firstSendUs) / 1000.0, 1));
        burst.put("screenAllAfterLastAckMs", Util.round((screenUs - lastAckUs[0]) / 1000.0, 1));
        Bench.log("%s: %d/%d acked, ack p50/p95/p99/max %s, screen shows all %.0f ms after the first send", scenario, acks.size(), count,
                Stats.brief(Stats.summaryMs(acks)), (screenUs - firstSendUs) / 1000.0);
        LiveBench.ok(facilitator, "{\"type\":\"poll.close\",\"questionId\":\"q1\"}");
        LiveBench.ok(facilitator, "{\"type\":\"session.end\"}");
        Conn.closeAll(live, screen, facilitator);
        long errorCount = errors.total();
        return String.format("%s: %d phones, %d/%d acked, ack p99 %s ms, screen complete %s, errors %d", scenario, n, acks.size(), count,
                Stats.summaryMs(acks).path("p99").asText(), shown ? "yes" : "no", errorCount);
    }

    /** What the projector counts: the words of the cloud, or the Q&amp;A votes. */
    private static int shownOnScreen(Conn screen, boolean words) {
        JsonNode q = screen.lastViewJson() == null ? null : screen.lastViewJson().path("activity").path("question");
        if (q == null) {
            return -1;
        }
        int total = 0;
        for (JsonNode e : q.path(words ? "cloud" : "entries")) {
            total += e.path(words ? "count" : "votes").asInt();
        }
        return total;
    }
}
