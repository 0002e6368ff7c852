package fr.atelier.server.workspace.privacy;

import fr.atelier.server.db.Database;
import fr.atelier.server.db.Retention;
import fr.atelier.server.infra.StartupError;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.workspace.Audit;
import fr.atelier.server.workspace.planning.Viewer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal data (issue 19), built and mounted by one line of AtelierServer: the daily purge on every
 * node (one runs: {@link Retention} takes an advisory lock) and the {@link PrivacyApi}.
 */
public final class Privacy {
    private static final Logger LOG = LoggerFactory.getLogger(Privacy.class);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LocalTime DEFAULT_PURGE_AT = LocalTime.of(3, 30);

    private Privacy() {}

    /** {@link Retention#envMonths(Map)}; a wrong value stops start-up with its plain message, not a stack trace. */
    public static int retentionMonths(Map<String, String> env) {
        try {
            return Retention.envMonths(env);
        } catch (IllegalArgumentException e) {
            throw new StartupError(e.getMessage());
        }
    }

    /** {@code ATELIER_PURGE_AT} (HH:MM, Paris time; HH:MM:SS also read), default 03:30. */
    public static LocalTime purgeAt(Map<String, String> env) {
        String v = env.get("ATELIER_PURGE_AT");
        if (v == null || v.isBlank()) {
            return DEFAULT_PURGE_AT;
        }
        try {
            return LocalTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new StartupError("ATELIER_PURGE_AT attend une heure au format HH:MM, par exemple 03:30 (« " + v.strip()
                    + " ») : corrigez-le ou retirez-le (03:30 par défaut). / ATELIER_PURGE_AT expects a time as HH:MM, e.g. 03:30 (\""
                    + v.strip() + "\"): fix it or remove it (default 03:30).");
        }
    }

    public static void mount(Vertx vertx, Router router, LiveStore live, Database db, int liveRetentionHours) {
        Map<String, String> env = System.getenv();
        Retention retention = new Retention(db, Clock.systemUTC(), retentionMonths(env));
        LocalTime at = purgeAt(env);
        Audit audit = new Audit(db);
        new PrivacyApi(db, live, retention, Viewer.signedIn(), audit::record,
                Map.of("liveRetentionHours", liveRetentionHours, "purgeAt", at.toString())).mount(router);
        scheduleDaily(vertx, retention, at, audit);
    }

    /** Milliseconds from {@code now} to the next {@code at} (Paris time), at least one second. */
    static long delayToNext(ZonedDateTime now, LocalTime at) {
        ZonedDateTime next = now.withZoneSameInstant(PARIS).with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Math.max(1000, Duration.between(now, next).toMillis());
    }

    static void scheduleDaily(Vertx vertx, Retention retention, LocalTime at, Audit audit) {
        long delay = delayToNext(ZonedDateTime.now(PARIS), at);
        vertx.setTimer(delay, t -> retention.purgeExpired()
                .onSuccess(run -> {
                    if (run.ran() && run.sessions() > 0) {
                        audit.record(null, "retention.purge", null, run.sessions() + " séance(s), " + run.months() + " mois");
                    }
                })
                .onFailure(e -> LOG.warn("retention purge failed, next run tomorrow: " + e.getMessage()))
                .onComplete(x -> scheduleDaily(vertx, retention, at, audit)));
    }
}
