package fr.atelier.server.workspace.planning;

import static fr.atelier.server.db.generated.Tables.IMPACT_QUESTION;
import static fr.atelier.server.db.generated.Tables.TERRITORY_STRUCTURE;

import fr.atelier.server.db.Database;
import fr.atelier.server.db.SessionRecordArchive;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Bilan;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Publics;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * A territory's partner structures and impact questions (issue 18), and the frame a prepared session
 * opens with: the structures offered at join (professionals' sessions) and the questions asked.
 */
public final class TerritoryRecordStore {
    /** A partner structure as the pages list it. */
    public record Structure(String id, String name, String kind) {}

    /** An impact question; {@code territoryId} null for a regional one. */
    public record Question(String id, String territoryId, String text, String moments) {}

    private final Database db;

    public TerritoryRecordStore(Database db) {
        this.db = db;
    }

    public Future<List<Structure>> structures(String territoryId) {
        return db.query(tx -> tx.select(TERRITORY_STRUCTURE.ID, TERRITORY_STRUCTURE.NAME, TERRITORY_STRUCTURE.KIND)
                .from(TERRITORY_STRUCTURE)
                .where(TERRITORY_STRUCTURE.TERRITORY_ID.eq(territoryId)).and(TERRITORY_STRUCTURE.RETIRED_AT.isNull())
                .orderBy(DSL.lower(TERRITORY_STRUCTURE.NAME))
                .fetch(r -> new Structure(r.value1(), r.value2(), r.value3())));
    }

    public Future<Structure> addStructure(String territoryId, String name, String kind) {
        Structure s = new Structure(Tokens.id("st_"), name, kind);
        return db.query(tx -> {
            boolean taken = tx.fetchExists(tx.selectOne().from(TERRITORY_STRUCTURE)
                    .where(TERRITORY_STRUCTURE.TERRITORY_ID.eq(territoryId))
                    .and(DSL.lower(TERRITORY_STRUCTURE.NAME).eq(name.toLowerCase(java.util.Locale.ROOT))));
            if (taken) {
                throw new ApiError(409, "structure_exists", "Cette structure est déjà dans la liste du territoire.");
            }
            tx.insertInto(TERRITORY_STRUCTURE).set(TERRITORY_STRUCTURE.ID, s.id()).set(TERRITORY_STRUCTURE.TERRITORY_ID, territoryId)
                    .set(TERRITORY_STRUCTURE.NAME, name).set(TERRITORY_STRUCTURE.KIND, kind).set(TERRITORY_STRUCTURE.CREATED_AT, now())
                    .execute();
            return s;
        });
    }

    /** Retired, not deleted: archived sessions still name it. */
    public Future<Boolean> retireStructure(String territoryId, String id) {
        return db.query(tx -> tx.update(TERRITORY_STRUCTURE).set(TERRITORY_STRUCTURE.RETIRED_AT, now())
                .where(TERRITORY_STRUCTURE.ID.eq(id)).and(TERRITORY_STRUCTURE.TERRITORY_ID.eq(territoryId))
                .and(TERRITORY_STRUCTURE.RETIRED_AT.isNull()).execute() == 1);
    }

    /** Checks that every id is a current structure of the territory; refuses with nothing changed otherwise. */
    public Future<Void> checkStructures(String territoryId, List<String> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return db.query(tx -> new HashSet<>(tx.select(TERRITORY_STRUCTURE.ID).from(TERRITORY_STRUCTURE)
                .where(TERRITORY_STRUCTURE.TERRITORY_ID.eq(territoryId)).and(TERRITORY_STRUCTURE.RETIRED_AT.isNull())
                .and(TERRITORY_STRUCTURE.ID.in(ids)).fetch(TERRITORY_STRUCTURE.ID))).compose(found -> found.containsAll(ids)
                ? Future.<Void>succeededFuture()
                : Future.failedFuture(new ApiError(400, "unknown_structure",
                        "Une des structures choisies n’est pas dans la liste du territoire de la séance.")));
    }

    /** The territory's questions and the regional ones, oldest first. */
    public Future<List<Question>> questions(String territoryId) {
        return db.query(tx -> tx.select(IMPACT_QUESTION.ID, IMPACT_QUESTION.TERRITORY_ID, IMPACT_QUESTION.TEXT, IMPACT_QUESTION.MOMENTS)
                .from(IMPACT_QUESTION)
                .where(IMPACT_QUESTION.TERRITORY_ID.eq(territoryId).or(IMPACT_QUESTION.TERRITORY_ID.isNull()))
                .and(IMPACT_QUESTION.RETIRED_AT.isNull())
                .orderBy(IMPACT_QUESTION.CREATED_AT, IMPACT_QUESTION.ID)
                .fetch(r -> new Question(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    public Future<Question> addQuestion(String territoryId, String text, String moments) {
        Question q = new Question(Tokens.id("iq_"), territoryId, text, moments);
        return db.query(tx -> {
            int count = tx.fetchCount(IMPACT_QUESTION, IMPACT_QUESTION.TERRITORY_ID.eq(territoryId).and(IMPACT_QUESTION.RETIRED_AT.isNull()));
            if (count >= Bilan.MAX_QUESTIONS) {
                throw ApiError.badRequest("Au plus " + Bilan.MAX_QUESTIONS + " questions d’impact par territoire.");
            }
            tx.insertInto(IMPACT_QUESTION).set(IMPACT_QUESTION.ID, q.id()).set(IMPACT_QUESTION.TERRITORY_ID, territoryId)
                    .set(IMPACT_QUESTION.TEXT, text).set(IMPACT_QUESTION.MOMENTS, moments).set(IMPACT_QUESTION.CREATED_AT, now()).execute();
            return q;
        });
    }

    public Future<Boolean> retireQuestion(String territoryId, String id) {
        return db.query(tx -> tx.update(IMPACT_QUESTION).set(IMPACT_QUESTION.RETIRED_AT, now())
                .where(IMPACT_QUESTION.ID.eq(id)).and(IMPACT_QUESTION.TERRITORY_ID.eq(territoryId))
                .and(IMPACT_QUESTION.RETIRED_AT.isNull()).execute() == 1);
    }

    /**
     * What a prepared session opens with: its territory's questions; for a professionals' session the
     * territory's structures, offered at join. Null when there is nothing to ask.
     */
    public Future<PlatformCommand.Frame> frame(Plan plan) {
        if (plan.territoryId() == null) {
            return Future.succeededFuture();
        }
        boolean professionals = Publics.forProfessionals(SessionRecordArchive.publicCodes(plan.publics()));
        Future<List<Structure>> structures = professionals ? structures(plan.territoryId()) : Future.succeededFuture(List.of());
        return structures.compose(list -> questions(plan.territoryId()).map(questions -> {
            if (!professionals && questions.isEmpty()) {
                return null;
            }
            return new PlatformCommand.Frame(
                    list.stream().limit(Bilan.MAX_STRUCTURES).map(s -> new Bilan.Structure(s.id(), s.name())).toList(),
                    professionals,
                    questions.stream().limit(Bilan.MAX_QUESTIONS).map(q -> new Bilan.Question(q.id(), q.text(), q.moments())).toList());
        }));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
