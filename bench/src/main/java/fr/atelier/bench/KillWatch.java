package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What every client of scenario (e) saw around the kill (written on each client's event loop), and the
 * report sections drawn from it: node-1 phones re-attached, the projector, node-2 participants.
 */
final class KillWatch {
    private static final String QUESTION = "\"question\":{\"id\":\"q";
    private static final long TARGET_MS = 5000;

    private final String openMarker;
    private final long[] maxSeqFirstLink;
    final int[] option;
    final long[] ackSeq;
    final int[] ackLink;
    final long[] sentUs;
    final long[] ackArrivalUs;
    final int[] sends;
    private final AtomicLongArray reattachUs;
    private final AtomicLongArray rewelcomeUs;
    private final AtomicLongArray firstViewAfterKillUs;
    private final AtomicLongArray ownAnswerSeenAfterKillUs;
    final AtomicInteger reattached = new AtomicInteger();
    private final boolean[] activeSeen;
    final AtomicInteger activeCount = new AtomicInteger();
    /** Highest question number (q1, q2...) each phone saw open. */
    private final int[] openQ;
    final AtomicLong killUs = new AtomicLong(Long.MAX_VALUE);
    /** The option each phone sends in the burst (set before its send is scheduled). */
    final int[] chosen;
    private final long[] screenMaxSeqFirstLink = {-1};
    final AtomicLong screenReattachUs = new AtomicLong();
    final AtomicLong screenAnswered = new AtomicLong();

    /** {@code openMarker}: how the killed question starts in a view ({@code "question":{"id":"qN"}). */
    KillWatch(int n, String openMarker) {
        this.openMarker = openMarker;
        maxSeqFirstLink = filled(n, -1);
        option = new int[n];
        Arrays.fill(option, -1);
        ackSeq = filled(n, -1);
        ackLink = new int[n];
        sentUs = new long[n];
        ackArrivalUs = new long[n];
        sends = new int[n];
        reattachUs = new AtomicLongArray(n);
        rewelcomeUs = new AtomicLongArray(n);
        firstViewAfterKillUs = new AtomicLongArray(n);
        ownAnswerSeenAfterKillUs = new AtomicLongArray(n);
        activeSeen = new boolean[n];
        openQ = new int[n];
        chosen = new int[n];
        Arrays.fill(chosen, -1);
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    void phoneView(Conn c, String f, long arrivalUs, long seq, long ts) {
        int i = c.index;
        if (!activeSeen[i] && f.contains("\"phase\":\"ACTIVITY\"")) {
            activeSeen[i] = true;
            activeCount.incrementAndGet();
        }
        int qs = f.indexOf(QUESTION);
        if (qs > 0) {
            long num = Util.longAfter(f, QUESTION, qs);
            if (num > openQ[i] && f.indexOf("\"status\":\"OPEN\"", qs) > 0) {
                openQ[i] = (int) num;
            }
        }
        boolean ownAnswer = option[i] >= 0 && ackSeq[i] >= 0 && hasMyAnswer(f, option[i]);
        // the owner may push the view before the ack reaches the phone: compare with what it sent
        boolean sentAnswerVisible = chosen[i] >= 0 && hasMyAnswer(f, chosen[i]);
        if (c.link <= 1) {
            maxSeqFirstLink[i] = Math.max(maxSeqFirstLink[i], seq);
        } else if (reattachUs.get(i) == 0 && seq >= maxSeqFirstLink[i]
                && (ackLink[i] != 1 || (seq >= ackSeq[i] && ownAnswer))) {
            reattachUs.set(i, arrivalUs);
            reattached.incrementAndGet();
        }
        if (arrivalUs > killUs.get()) {
            firstViewAfterKillUs.compareAndSet(i, 0, arrivalUs);
            if (sentAnswerVisible) {
                ownAnswerSeenAfterKillUs.compareAndSet(i, 0, arrivalUs);
            }
        }
    }

    void phoneWelcome(Conn c, int link, long arrivalUs, long seq) {
        if (link > 1) {
            rewelcomeUs.compareAndSet(c.index, 0, arrivalUs);
        }
    }

    void screenView(Conn c, String f, long arrivalUs, long seq, long ts) {
        if (c.link <= 1) {
            screenMaxSeqFirstLink[0] = Math.max(screenMaxSeqFirstLink[0], seq);
        } else if (screenReattachUs.get() == 0 && seq >= screenMaxSeqFirstLink[0]) {
            screenReattachUs.set(arrivalUs);
        }
        int q = f.indexOf(openMarker);
        if (q > 0) {
            screenAnswered.set(Util.longAfter(f, "\"answered\":", q));
        }
    }

    /** How many of these phones saw question {@code k} (or a later one) open. */
    int countOpen(List<Conn> phones, int k) {
        int count = 0;
        for (Conn c : phones) {
            if (openQ[c.index] >= k) {
                count++;
            }
        }
        return count;
    }

    /** Whether the phone view holds {@code "myAnswer":opt} for the killed question. */
    private boolean hasMyAnswer(String frame, int opt) {
        int q = frame.indexOf(openMarker);
        return q > 0 && frame.indexOf("\"myAnswer\":" + opt, q) > 0;
    }

    /** Kill → re-attached, for each node-1 participant (target: 99 % within 5 s). */
    ObjectNode reattach(ObjectNode results, List<Conn> affected, long kUs, Stats.Counters errors) {
        long[] reattachTimes = new long[affected.size()];
        long[] rewelcomeTimes = new long[affected.size()];
        int within = 0;
        int x = 0;
        int y = 0;
        int maxAttempts = 0;
        int neverBack = 0;
        for (Conn c : affected) {
            long at = reattachUs.get(c.index);
            if (at == 0) {
                neverBack++;
            } else {
                long d = at - kUs;
                reattachTimes[x++] = d;
                if (d <= TARGET_MS * 1000) {
                    within++;
                }
            }
            long w = rewelcomeUs.get(c.index);
            if (w != 0) {
                rewelcomeTimes[y++] = w - kUs;
            }
            maxAttempts = Math.max(maxAttempts, c.reconnectAttempts);
        }
        ObjectNode re = results.putObject("reattachNode1Participants");
        re.put("affected", affected.size());
        re.put("reattached", x);
        re.put("neverReattached", neverBack);
        re.set("killToReattachedMs", Stats.summaryMs(Arrays.copyOf(reattachTimes, x)));
        re.set("killToWelcomeOnNewConnectionMs", Stats.summaryMs(Arrays.copyOf(rewelcomeTimes, y)));
        double withinPct = affected.isEmpty() ? 100 : 100.0 * within / affected.size();
        re.put("withinTargetPct", Util.round(withinPct, 2));
        re.put("targetMs", TARGET_MS);
        re.put("targetPct", 99);
        re.put("targetMet", withinPct >= 99);
        re.put("maxReconnectAttemptsOfOnePhone", maxAttempts);
        if (neverBack > 0) {
            errors.inc("phones_never_reattached");
        }
        return re;
    }

    ObjectNode projector(ObjectNode results, Conn screen, long kUs, boolean screenOk, Stats.Counters errors) {
        ObjectNode proj = results.putObject("projector");
        proj.put("disconnects", screen.disconnects);
        proj.put("reconnectAttempts", screen.reconnectAttempts);
        proj.put("killToReattachedMs", screenReattachUs.get() == 0 ? -1 : Stats.ms(screenReattachUs.get() - kUs));
        proj.put("finalAnswered", screenAnswered.get());
        proj.put("answeredMatchesAcked", screenOk);
        if (screenReattachUs.get() == 0) {
            errors.inc("screen_never_reattached");
        }
        if (!screenOk) {
            errors.inc("screen_answered_short");
        }
        return proj;
    }

    /** Node-2 participants: never disconnected, still receive views. Answers their disconnections (and the facilitator's). */
    int node2(ObjectNode results, List<Conn> survivors, Conn facilitator, long kUs, Stats.Counters errors) {
        int survivorDisconnects = facilitator.disconnects;
        int survivorsWithView = 0;
        int survivorsWithAckedAnswer = 0;
        int survivorsSawOwnAnswerAfterKill = 0;
        long[] firstView = new long[survivors.size()];
        int z = 0;
        for (Conn c : survivors) {
            survivorDisconnects += c.disconnects;
            long v = firstViewAfterKillUs.get(c.index);
            if (v != 0) {
                survivorsWithView++;
                firstView[z++] = v - kUs;
            }
            if (ackSeq[c.index] >= 0 && ackArrivalUs[c.index] > kUs) {
                survivorsWithAckedAnswer++;
                if (ownAnswerSeenAfterKillUs.get(c.index) != 0) {
                    survivorsSawOwnAnswerAfterKill++;
                }
            }
        }
        ObjectNode sv = results.putObject("node2Participants");
        sv.put("count", survivors.size());
        sv.put("disconnectsIncludingFacilitator", survivorDisconnects);
        sv.put("receivedAViewAfterKill", survivorsWithView);
        sv.set("killToFirstViewMs", Stats.summaryMs(Arrays.copyOf(firstView, z)));
        sv.put("answersAckedAfterKill", survivorsWithAckedAnswer);
        sv.put("ofWhichSawTheirAnswerInAViewAfterKill", survivorsSawOwnAnswerAfterKill);
        if (survivorDisconnects > 0) {
            errors.inc("node2_clients_disconnected");
        }
        if (survivorsWithView < survivors.size()) {
            errors.inc("node2_phones_without_view_after_kill");
        }
        if (survivorsSawOwnAnswerAfterKill < survivorsWithAckedAnswer) {
            errors.inc("node2_acked_answer_never_shown");
        }
        return survivorDisconnects;
    }
}
