package fr.atelier.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views pushed at once after a quiet spell, coalesced during a burst, and the burst's end never lost. */
class CoalescerTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aChangeAfterAQuietSpellRunsAtOnceAndABurstWaitsForTheInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        vertx.runOnContext(v -> {
            Coalescer c = new Coalescer(vertx, 60_000, runs::incrementAndGet);
            c.changed();
            assertThat(runs).as("first change: pushed at once").hasValue(1);
            for (int i = 0; i < 100; i++) {
                c.changed();
            }
            assertThat(runs).as("the burst waits for the interval").hasValue(1);
            c.cancel();
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theLastChangeOfABurstIsPushedWhenTheIntervalIsOver() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        vertx.runOnContext(v -> {
            Coalescer c = new Coalescer(vertx, 50, () -> {
                runs.incrementAndGet();
                second.countDown();
            });
            for (int i = 0; i < 100; i++) {
                c.changed();
            }
        });
        assertThat(second.await(10, TimeUnit.SECONDS)).as("the burst's end is pushed by the timer").isTrue();
        Thread.sleep(300);
        assertThat(runs).as("one push at once, one for the rest of the burst").hasValue(2);
    }
}
