package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.SATISFACTION_ANSWER;
import static fr.atelier.server.db.generated.Tables.SESSION;

import fr.atelier.server.db.generated.tables.records.SessionRecord;
import fr.atelier.server.live.Synthesis;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Satisfaction;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads archived sessions back from PostgreSQL for the synthesis page. */
public final class ArchiveReader {
    private final Database db;
    private final Formats formats;

    public ArchiveReader(Database db, Formats formats) {
        this.db = db;
        this.formats = formats;
    }

    /** Outcome of a look-up: not found, wrong token, or the synthesis. */
    public record Lookup(boolean found, boolean authorised, Synthesis synthesis) {}

    /** For the coordinators' space, whose key was checked by the caller: no host token needed. */
    public Future<Synthesis> synthesisForCoordinator(String code) {
        return read(code, null, true).map(Lookup::synthesis);
    }

    public Future<Lookup> synthesis(String code, String hostToken) {
        return read(code, hostToken, false);
    }

    private Future<Lookup> read(String code, String hostToken, boolean coordinator) {
        return db.query(tx -> {
            SessionRecord s = tx.selectFrom(SESSION).where(SESSION.CODE.eq(code))
                    .orderBy(SESSION.CREATED_AT.desc()).limit(1).fetchOne();
            if (s == null) {
                return new Lookup(false, false, null);
            }
            if (!coordinator && !Tokens.matches(hostToken, s.getHostTokenHash())) {
                return new Lookup(true, false, null);
            }
            List<Synthesis.Person> people = tx.selectFrom(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(s.getId()))
                    .orderBy(PARTICIPANT.JOINED_AT).fetch()
                    .map(p -> new Synthesis.Person(p.getNickname(), p.getJoinedAt().toInstant()));
            if (s.getPurgedAt() != null) {
                // Nicknames purged (issue 19): the count stays, the names do not.
                people = java.util.Collections.nCopies(s.getParticipantCount(),
                        new Synthesis.Person(Retention.ERASED_NAME, instant(s.getCreatedAt())));
            }
            Map<String, Satisfaction.Rating> ratings = new LinkedHashMap<>();
            tx.selectFrom(SATISFACTION_ANSWER).where(SATISFACTION_ANSWER.SESSION_ID.eq(s.getId())).fetch()
                    .forEach(r -> ratings.put(r.getParticipantId(), new Satisfaction.Rating(r.getScore(), r.getComment())));
            String formatTitle = formats.find(s.getFormat()).map(f -> f.title()).orElse(s.getFormat());
            try {
                return new Lookup(true, true, new Synthesis(s.getCode(), s.getTitle(), s.getFormat(), formatTitle, "ENDED",
                        instant(s.getCreatedAt()), instant(s.getStartedAt()), instant(s.getEndedAt()), true, people,
                        s.getPurgedAt() == null ? new Satisfaction(ratings).summary(true) : purgedSummary(s),
                        s.getResults() == null ? null : Json.MAPPER.readTree(s.getResults().data()),
                        SessionRecordArchive.impactSummaries(tx, s.getId())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Once the answers are purged (issue 19), the counts by score the session row kept; no comment. */
    private static Satisfaction.Summary purgedSummary(SessionRecord s) {
        int[] byScore = Retention.distribution(s.getSatisfactionDistribution());
        if (byScore == null) {
            byScore = new int[Satisfaction.MAX];
        }
        Double average = s.getSatisfactionAverage() == null ? null : s.getSatisfactionAverage().doubleValue();
        return new Satisfaction.Summary(s.getSatisfactionCount(), byScore, average, List.of());
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
