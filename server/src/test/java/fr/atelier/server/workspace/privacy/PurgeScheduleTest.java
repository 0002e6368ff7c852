package fr.atelier.server.workspace.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.server.db.Retention;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the daily purge runs, and what the environment may set. */
class PurgeScheduleTest {
    @Test
    void theNextRunIsTheNextTimeOfDayInParis() {
        ZonedDateTime before = ZonedDateTime.parse("2026-12-06T03:00:00+01:00[Europe/Paris]");
        assertThat(Privacy.delayToNext(before, LocalTime.of(3, 30))).isEqualTo(Duration.ofMinutes(30).toMillis());
        ZonedDateTime after = ZonedDateTime.parse("2026-12-06T04:00:00+01:00[Europe/Paris]");
        assertThat(Privacy.delayToNext(after, LocalTime.of(3, 30))).isEqualTo(Duration.ofHours(23).plusMinutes(30).toMillis());
        // A clock in UTC gets the same answer.
        assertThat(Privacy.delayToNext(after.withZoneSameInstant(java.time.ZoneOffset.UTC), LocalTime.of(3, 30)))
                .isEqualTo(Duration.ofHours(23).plusMinutes(30).toMillis());
    }

    @Test
    void environmentValues() {
        assertThat(Privacy.purgeAt(Map.of())).isEqualTo(LocalTime.of(3, 30));
        assertThat(Privacy.purgeAt(Map.of("ATELIER_PURGE_AT", "22:15"))).isEqualTo(LocalTime.of(22, 15));
        assertThatThrownBy(() -> Privacy.purgeAt(Map.of("ATELIER_PURGE_AT", "demain"))).hasMessageContaining("ATELIER_PURGE_AT");
        assertThat(Retention.envMonths(Map.of())).isEqualTo(12);
        assertThat(Retention.envMonths(Map.of("ATELIER_RETENTION_MONTHS", "24"))).isEqualTo(24);
        assertThatThrownBy(() -> Retention.envMonths(Map.of("ATELIER_RETENTION_MONTHS", "0"))).hasMessageContaining("ATELIER_RETENTION_MONTHS");
    }
}
