package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The buckets behind the per-address limits: burst, steady rate, refunds, bounded memory. */
class TokenBucketsTest {
    @Test
    void aBurstThenOneTokenEveryTwoSecondsAtThirtyAMinute() {
        TokenBuckets b = new TokenBuckets(30, 30, 0);
        for (int i = 0; i < 30; i++) {
            assertThat(b.take("a", 0)).as("take %d", i).isTrue();
        }
        assertThat(b.take("a", 0)).isFalse();
        assertThat(b.waitMs("a", 0)).isEqualTo(2000);
        assertThat(b.take("a", 1999)).isFalse();
        assertThat(b.take("a", 2000)).isTrue();
        assertThat(b.take("b", 2000)).as("another key has its own bucket").isTrue();
    }

    @Test
    void aRefundGivesATokenBackButNeverMoreThanTheCapacity() {
        TokenBuckets b = new TokenBuckets(2, 2, 0);
        assertThat(b.take("a", 0)).isTrue();
        assertThat(b.take("a", 0)).isTrue();
        b.refund("a", 0);
        assertThat(b.take("a", 0)).isTrue();
        assertThat(b.take("a", 0)).isFalse();
        b.refund("a", 60_000);
        b.refund("a", 60_000);
        assertThat(b.take("a", 60_000)).isTrue();
        assertThat(b.take("a", 60_000)).isTrue();
        assertThat(b.take("a", 60_000)).isFalse();
    }

    @Test
    void idleFullBucketsAreForgottenAndRememberedKeysKeptWhileUsed() {
        TokenBuckets misses = new TokenBuckets(30, 30, 0);
        for (int i = 0; i < 1000; i++) {
            misses.take("10.0." + i / 256 + "." + i % 256, 0);
        }
        assertThat(misses.size()).isEqualTo(1000);
        misses.take("x", 120_000); // two minutes later: every bucket refilled, the sweep is due
        assertThat(misses.size()).isEqualTo(1);

        TokenBuckets sessions = new TokenBuckets(3000, 3000, 3_600_000);
        sessions.remember("K7QX2M@10.0.0.1", 0);
        sessions.take("y", 1_800_000);
        assertThat(sessions.touch("K7QX2M@10.0.0.1", 1_800_000)).as("used within the hour").isTrue();
        sessions.take("y", 5_399_000);
        assertThat(sessions.touch("K7QX2M@10.0.0.1", 5_399_000)).as("kept until an hour after its last use").isTrue();
        sessions.take("y", 8_999_000);
        assertThat(sessions.touch("K7QX2M@10.0.0.1", 8_999_000)).as("forgotten after an idle hour").isFalse();
    }
}
