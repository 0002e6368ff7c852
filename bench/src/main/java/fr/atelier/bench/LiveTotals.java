package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the rounds of (a) and (c) add up to: latencies and CPU over every round (the first question
 * after the start included; LiveBench also reports it on its own), correctness checks over every round.
 */
final class LiveTotals {
    final Stats.Samples perRecipient = new Stats.Samples();
    final Stats.Samples perRecipientNode1 = new Stats.Samples();
    final Stats.Samples perRecipientNode2 = new Stats.Samples();
    final Stats.Samples lastRecipient = new Stats.Samples();
    final Stats.Samples serverFanout = new Stats.Samples();
    final Stats.Samples askAck = new Stats.Samples();
    final Stats.Samples ackLat = new Stats.Samples();
    final Stats.Samples screenFull = new Stats.Samples();
    final Stats.Samples screenFullAfterLastAck = new Stats.Samples();
    long lost;
    long missedQuestion;
    long unanswered;
    long ackSeqDuplicates;
    long ackSeqGaps;

    private final List<Node> nodes;
    private long[] cpu0;
    private long wait0;
    private long[][] cores0;
    private long genCpu0;
    private long wall0;
    private long[] cpuMs;
    private long waitMs;
    private ObjectNode coreBusy;
    private long genCpuMs;
    private long wallMs;

    LiveTotals(List<Node> nodes) {
        this.nodes = nodes;
        startMeasuring();
    }

    /** The measured rounds start here: latencies so far are dropped, CPU counters start again. */
    void startMeasuring() {
        for (Stats.Samples s : List.of(perRecipient, perRecipientNode1, perRecipientNode2, lastRecipient, serverFanout, askAck, ackLat,
                screenFull, screenFullAfterLastAck)) {
            s.clear();
        }
        cpu0 = nodes.stream().mapToLong(Node::cpuMs).toArray();
        wait0 = nodes.get(0).runQueueWaitMs();
        cores0 = Util.cpuTimes();
        genCpu0 = Util.selfCpuMs();
        wall0 = System.nanoTime();
    }

    void stopMeasuring() {
        wallMs = Math.max(1, (System.nanoTime() - wall0) / 1_000_000);
        coreBusy = Util.cpuBusy(cores0, Util.cpuTimes());
        genCpuMs = Util.selfCpuMs() - genCpu0;
        cpuMs = new long[nodes.size()];
        for (int i = 0; i < cpuMs.length; i++) {
            cpuMs[i] = nodes.get(i).cpuMs() - cpu0[i];
        }
        waitMs = nodes.get(0).runQueueWaitMs() - wait0;
    }

    /** Throws when a run's results show any error, lost or unacknowledged answer, missed view or seq fault. */
    static void failOnChecks(String scenario, JsonNode res, Stats.Counters errors) {
        long failures = res.path("errorTotal").asLong() + res.path("lostAnswers").asLong() + res.path("unacknowledgedAnswers").asLong()
                + res.path("questionMissedByPhones").asLong() + res.path("ackSeqGaps").asLong() + res.path("viewSeqRegressions").asLong();
        if (failures > 0 || res.isMissingNode()) {
            throw new IllegalStateException(scenario + ": " + res.path("errorTotal").asLong() + " error(s), " + res.path("lostAnswers").asLong()
                    + " lost, " + res.path("unacknowledgedAnswers").asLong() + " unacknowledged, " + res.path("questionMissedByPhones").asLong()
                    + " missed views, " + res.path("ackSeqGaps").asLong() + " ack-seq gaps, " + res.path("generatorExceptions").asLong()
                    + " generator exception(s) (" + errors.toJson() + ")");
        }
    }

    void write(ObjectNode results, int viewSeqRegressions) {
        boolean twoNodes = nodes.size() > 1;
        results.set("broadcastPerRecipientMs", Stats.summaryMs(perRecipient));
        if (twoNodes) {
            results.set("broadcastPerRecipientNode1Ms", Stats.summaryMs(perRecipientNode1));
            results.set("broadcastPerRecipientNode2Ms", Stats.summaryMs(perRecipientNode2));
        }
        results.set("broadcastLastRecipientMs", Stats.summaryMs(lastRecipient));
        results.set("broadcastLastViewBuiltMs", Stats.summaryMs(serverFanout));
        results.set("askAckMs", Stats.summaryMs(askAck));
        results.set("answerAckMs", Stats.summaryMs(ackLat));
        results.set("screenAnsweredFullAfterFirstAnswerMs", Stats.summaryMs(screenFull));
        results.set("screenAnsweredFullAfterLastAckMs", Stats.summaryMs(screenFullAfterLastAck));
        results.put("correctnessChecksCover", "all rounds");
        results.put("lostAnswers", lost);
        results.put("unacknowledgedAnswers", unanswered);
        results.put("questionMissedByPhones", missedQuestion);
        results.put("ackSeqDuplicates", ackSeqDuplicates);
        results.put("ackSeqGaps", ackSeqGaps);
        results.put("viewSeqRegressions", viewSeqRegressions);
        results.put("serverCpuDuringRoundsPct", Util.round(100.0 * cpuMs[0] / wallMs, 1));
        results.set("coreBusyDuringRoundsPct", coreBusy);
        results.put("generatorCpuDuringRoundsPct", Util.round(100.0 * genCpuMs / wallMs, 1));
        results.put("serverRunQueueWaitDuringRoundsPct", Util.round(100.0 * waitMs / wallMs, 1));
        if (twoNodes) {
            results.put("server2CpuDuringRoundsPct", Util.round(100.0 * cpuMs[1] / wallMs, 1));
        }
    }
}
