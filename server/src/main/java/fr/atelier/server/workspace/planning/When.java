package fr.atelier.server.workspace.planning;

import fr.atelier.server.http.ApiError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates of prepared sessions: typed and shown in Europe/Paris, stored as instants. */
public final class When {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H' h 'mm", Locale.FRENCH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private When() {}

    /** A date and time as a {@code datetime-local} field sends it ("2026-12-13T14:00"), in Paris; null if blank. */
    public static Instant parse(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.length() > 16 ? local.substring(0, 16) : local, LOCAL).atZone(PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("Date et heure illisibles : attendu par exemple 2026-12-13T14:00.");
        }
    }

    public static String local(Instant at) {
        return at == null ? null : LOCAL.format(at.atZone(PARIS));
    }

    /** "samedi 13 décembre 2026". */
    public static String day(Instant at) {
        return at == null ? null : DAY.format(at.atZone(PARIS));
    }

    /** "14 h 00". */
    public static String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(PARIS));
    }

    /** What a phone that enters the code too early reads. */
    public static String notStarted(String title, Instant startsAt) {
        if (startsAt == null) {
            return "La séance « " + title + " » n'a pas encore commencé ; revenez quand l'animateur·rice l'aura ouverte.";
        }
        return "La séance « " + title + " » commence le " + day(startsAt) + " à " + time(startsAt) + " ; revenez à ce moment-là.";
    }
}
