package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.IMPACT_ANSWER;
import static fr.atelier.server.db.generated.Tables.IMPACT_QUESTION;
import static fr.atelier.server.db.generated.Tables.PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.PLANNED_SESSION;
import static fr.atelier.server.db.generated.Tables.SESSION;
import static fr.atelier.server.db.generated.Tables.SESSION_PUBLIC;
import static fr.atelier.server.db.generated.Tables.SESSION_STRUCTURE;

import fr.atelier.workshops.core.Bilan;
import fr.atelier.workshops.core.PlatformState;
import fr.atelier.workshops.core.Publics;
import fr.atelier.workshops.core.Roster;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;

/**
 * What a session records for the Région's report (issue 18), copied at archive time: place, who
 * closed it, people count, publics and structures (from the planned session), each participant's
 * structure and team size, the impact answers. Idempotent: upserts and insert-if-absent only.
 */
public final class SessionRecordArchive {
    private static final Pattern STRUCTURE_ID = Pattern.compile("st_[A-Za-z0-9_-]{1,37}");

    private SessionRecordArchive() {}

    /** The public codes a planned session stores (comma-separated); empty for free text written before issue 18. */
    public static List<String> publicCodes(String stored) {
        List<String> tokens = tokens(stored);
        return !tokens.isEmpty() && tokens.stream().allMatch(Publics::isCode) ? tokens : List.of();
    }

    /** The structure ids a planned session stores in {@code partners}; empty for free text written before issue 18. */
    public static List<String> structureIds(String stored) {
        List<String> tokens = tokens(stored);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> STRUCTURE_ID.matcher(t).matches()) ? tokens : List.of();
    }

    /** How lists are kept in the planned session's text columns. */
    public static String join(List<String> values) {
        return String.join(",", values);
    }

    private static List<String> tokens(String stored) {
        List<String> out = new ArrayList<>();
        if (stored != null) {
            for (String s : stored.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static void write(DSLContext tx, String sessionId, PlatformState p, Set<String> staff) {
        Bilan b = p.bilan();
        Set<String> people = new LinkedHashSet<>();
        for (Roster.Member m : p.roster().all()) {
            if (!staff.contains(m.id())) {
                people.add(m.id());
            }
        }
        Record plan = tx.select(PLANNED_SESSION.PLACE, PLANNED_SESSION.PUBLICS, PLANNED_SESSION.PARTNERS, PLANNED_SESSION.TERRITORY_ID)
                .from(PLANNED_SESSION).where(PLANNED_SESSION.SESSION_ID.eq(sessionId)).limit(1).fetchOne();
        var update = tx.update(SESSION)
                .set(SESSION.CLOSED_BY, p.endedAt() == null ? null : b.closedBy() == null ? Bilan.BY_FACILITATOR : b.closedBy())
                .set(SESSION.PEOPLE_COUNT, b.peopleCount(people));
        if (plan != null) {
            update = update.set(SESSION.PLACE, plan.get(PLANNED_SESSION.PLACE));
        }
        update.where(SESSION.ID.eq(sessionId)).execute();

        List<Query> rows = new ArrayList<>();
        Set<String> structures = new LinkedHashSet<>();
        if (plan != null) {
            for (String code : publicCodes(plan.get(PLANNED_SESSION.PUBLICS))) {
                rows.add(tx.insertInto(SESSION_PUBLIC, SESSION_PUBLIC.SESSION_ID, SESSION_PUBLIC.PUBLIC_CODE)
                        .values(sessionId, code).onConflictDoNothing());
            }
            structures.addAll(structureIds(plan.get(PLANNED_SESSION.PARTNERS)));
        }
        b.declarations().forEach((participantId, d) -> {
            if (d.structureId() != null) {
                // A professional who named their structure: that structure was present too (decision 184).
                structures.add(d.structureId());
            }
            rows.add(tx.update(PARTICIPANT)
                    .set(PARTICIPANT.STRUCTURE_ID, d.structureId())
                    .set(PARTICIPANT.DECLARED_SIZE, d.declaredSize() == null ? null : d.declaredSize().shortValue())
                    .where(PARTICIPANT.SESSION_ID.eq(sessionId)).and(PARTICIPANT.ID.eq(participantId)));
        });
        for (String id : structures) {
            rows.add(tx.insertInto(SESSION_STRUCTURE, SESSION_STRUCTURE.SESSION_ID, SESSION_STRUCTURE.STRUCTURE_ID)
                    .values(sessionId, id).onConflictDoNothing());
        }
        b.answers().forEach((key, score) -> {
            String[] parts = key.split("/");
            rows.add(Upsert.into(tx, IMPACT_ANSWER)
                    .key(IMPACT_ANSWER.SESSION_ID, sessionId)
                    .key(IMPACT_ANSWER.PARTICIPANT_ID, parts[0])
                    .key(IMPACT_ANSWER.QUESTION_ID, parts[1])
                    .key(IMPACT_ANSWER.MOMENT, parts[2])
                    .set(IMPACT_ANSWER.SCORE, score.shortValue())
                    .query());
        });
        Upsert.batch(tx, rows);
    }

    /** Before/after counts and averages per question of an archived session, in the questions' order. */
    public static List<Bilan.QuestionSummary> impactSummaries(DSLContext tx, String sessionId) {
        java.util.Map<String, int[]> sums = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        tx.select(IMPACT_ANSWER.QUESTION_ID, IMPACT_QUESTION.TEXT, IMPACT_ANSWER.MOMENT, IMPACT_ANSWER.SCORE)
                .from(IMPACT_ANSWER).leftJoin(IMPACT_QUESTION).on(IMPACT_QUESTION.ID.eq(IMPACT_ANSWER.QUESTION_ID))
                .where(IMPACT_ANSWER.SESSION_ID.eq(sessionId))
                .orderBy(IMPACT_QUESTION.CREATED_AT, IMPACT_ANSWER.QUESTION_ID).fetch().forEach(r -> {
                    texts.putIfAbsent(r.value1(), r.value2() == null ? "" : r.value2());
                    int[] s = sums.computeIfAbsent(r.value1() + "/" + r.value3(), k -> new int[2]);
                    s[0]++;
                    s[1] += r.value4();
                });
        List<Bilan.QuestionSummary> out = new ArrayList<>();
        texts.forEach((id, text) -> {
            int[] b = sums.getOrDefault(id + "/" + Bilan.BEFORE, new int[2]);
            int[] a = sums.getOrDefault(id + "/" + Bilan.AFTER, new int[2]);
            out.add(new Bilan.QuestionSummary(id, text, b[0], average(b), a[0], average(a)));
        });
        return out;
    }

    private static Double average(int[] countAndSum) {
        return countAndSum[0] == 0 ? null : Math.round(10.0 * countAndSum[1] / countAndSum[0]) / 10.0;
    }
}
