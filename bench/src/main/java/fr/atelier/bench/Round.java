package fr.atelier.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** One question: who received it when, who answered, what was acknowledged. */
final class Round {
    final String qid;
    final int n;
    final long[] arrivalUs;
    final long[] tsMs;
    final AtomicInteger got = new AtomicInteger();
    final int[] option;
    final long[] ackUs;
    final long[] ackSeq;
    final long[] ackArrivalUs;
    final long[] sentUs;
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger acked = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    volatile boolean answering;
    volatile int expectedAnswers;
    volatile long screenFullUs;
    volatile long screenAnswered;

    Round(String qid, int n) {
        this.qid = qid;
        this.n = n;
        arrivalUs = new long[n];
        tsMs = new long[n];
        option = new int[n];
        ackUs = new long[n];
        ackSeq = new long[n];
        ackArrivalUs = new long[n];
        sentUs = new long[n];
        Arrays.fill(option, -1);
        Arrays.fill(ackSeq, -1);
    }
}
