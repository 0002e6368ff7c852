package fr.atelier.server.workspace.planning;

import static fr.atelier.server.db.generated.Tables.ACCOUNT;
import static fr.atelier.server.db.generated.Tables.ACCOUNT_TERRITORY;
import static fr.atelier.server.db.generated.Tables.PLANNED_SESSION;
import static fr.atelier.server.db.generated.Tables.PLANNED_SESSION_FACILITATOR;
import static fr.atelier.server.db.generated.Tables.SESSION;
import static fr.atelier.server.db.generated.Tables.TERRITORY;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.db.generated.tables.records.PlannedSessionRecord;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Prepared sessions in PostgreSQL (jOOQ): the rows, their co-facilitators and who owns the archive. */
public final class PlanningStore {
    private final Database db;

    public PlanningStore(Database db) {
        this.db = db;
    }

    /** What the history can be narrowed to; nulls mean "any". */
    public record Filter(Instant from, Instant to, String format, String place, Plan.Status status) {}

    public Future<Void> insert(Plan p) {
        return db.transaction(tx -> {
            tx.insertInto(PLANNED_SESSION)
                    .set(PLANNED_SESSION.ID, p.id()).set(PLANNED_SESSION.CODE, p.code())
                    .set(PLANNED_SESSION.FORMAT, p.format()).set(PLANNED_SESSION.TITLE, p.title())
                    .set(PLANNED_SESSION.STARTS_AT, at(p.startsAt())).set(PLANNED_SESSION.PLACE, p.place())
                    .set(PLANNED_SESSION.TERRITORY_ID, p.territoryId()).set(PLANNED_SESSION.PUBLICS, p.publics())
                    .set(PLANNED_SESSION.PARTNERS, p.partners()).set(PLANNED_SESSION.SETTINGS, JSONB.valueOf(p.settings().toString()))
                    .set(PLANNED_SESSION.CREATOR_ID, p.creatorId())
                    .set(PLANNED_SESSION.CREATED_AT, at(p.createdAt())).set(PLANNED_SESSION.UPDATED_AT, at(p.createdAt()))
                    .set(PLANNED_SESSION.SESSION_ID, p.sessionId()).set(PLANNED_SESSION.OPENED_AT, at(p.openedAt()))
                    .execute();
            facilitators(tx, p.id(), p.facilitatorIds());
            return null;
        });
    }

    /** Changes what may change before the session opens (its code and owner stay). */
    public Future<Void> update(Plan p, Instant now) {
        return db.transaction(tx -> {
            tx.update(PLANNED_SESSION)
                    .set(PLANNED_SESSION.TITLE, p.title()).set(PLANNED_SESSION.STARTS_AT, at(p.startsAt()))
                    .set(PLANNED_SESSION.PLACE, p.place()).set(PLANNED_SESSION.PUBLICS, p.publics())
                    .set(PLANNED_SESSION.PARTNERS, p.partners()).set(PLANNED_SESSION.SETTINGS, JSONB.valueOf(p.settings().toString()))
                    .set(PLANNED_SESSION.UPDATED_AT, at(now))
                    .where(PLANNED_SESSION.ID.eq(p.id())).execute();
            tx.deleteFrom(PLANNED_SESSION_FACILITATOR).where(PLANNED_SESSION_FACILITATOR.PLANNED_SESSION_ID.eq(p.id())).execute();
            facilitators(tx, p.id(), p.facilitatorIds());
            return null;
        });
    }

    private static void facilitators(DSLContext tx, String planId, List<String> ids) {
        for (String a : ids) {
            tx.insertInto(PLANNED_SESSION_FACILITATOR).set(PLANNED_SESSION_FACILITATOR.PLANNED_SESSION_ID, planId)
                    .set(PLANNED_SESSION_FACILITATOR.ACCOUNT_ID, a).execute();
        }
    }

    /** The accounts among {@code ids} that belong to the territory (co-facilitators must). */
    public Future<Set<String>> membersOf(String territoryId, List<String> ids) {
        return db.query(tx -> Set.copyOf(tx.select(ACCOUNT_TERRITORY.ACCOUNT_ID).from(ACCOUNT_TERRITORY)
                .where(ACCOUNT_TERRITORY.TERRITORY_ID.eq(territoryId)).and(ACCOUNT_TERRITORY.ACCOUNT_ID.in(ids))
                .fetch(ACCOUNT_TERRITORY.ACCOUNT_ID)));
    }

    public record Territory(String id, String name) {}

    public record Colleague(String id, String displayName, List<String> territoryIds) {}

    /** What the preparation form offers: the viewer's territories and the active accounts in them. */
    public record Choices(List<Territory> territories, List<Colleague> colleagues) {}

    public Future<Choices> choices(Viewer v) {
        return db.query(tx -> {
            Condition mine = v.isAdmin() ? DSL.trueCondition() : TERRITORY.ID.in(v.territoryIds());
            List<Territory> territories = tx.selectFrom(TERRITORY).where(mine).orderBy(TERRITORY.NAME).fetch()
                    .map(t -> new Territory(t.getId(), t.getName()));
            List<String> ids = territories.stream().map(Territory::id).toList();
            Map<String, List<String>> of = new java.util.LinkedHashMap<>();
            Map<String, String> names = new HashMap<>();
            tx.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, ACCOUNT_TERRITORY.TERRITORY_ID).from(ACCOUNT)
                    .join(ACCOUNT_TERRITORY).on(ACCOUNT_TERRITORY.ACCOUNT_ID.eq(ACCOUNT.ID))
                    .where(ACCOUNT_TERRITORY.TERRITORY_ID.in(ids)).and(ACCOUNT.DISABLED_AT.isNull()).and(ACCOUNT.ID.ne(v.id()))
                    .and(ACCOUNT.ROLE.ne(Viewer.COORDINATOR))
                    .orderBy(ACCOUNT.DISPLAY_NAME).fetch().forEach(r -> {
                        names.put(r.value1(), r.value2());
                        of.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3());
                    });
            List<Colleague> colleagues = of.entrySet().stream()
                    .map(e -> new Colleague(e.getKey(), names.get(e.getKey()), List.copyOf(e.getValue()))).toList();
            return new Choices(territories, colleagues);
        });
    }

    public Future<Plan> byId(String id) {
        return db.query(tx -> first(tx, PLANNED_SESSION.ID.eq(id)));
    }

    public Future<Plan> byCode(String code) {
        return db.query(tx -> first(tx, PLANNED_SESSION.CODE.eq(code)));
    }

    private Plan first(DSLContext tx, Condition c) {
        List<Plan> found = select(tx, c, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The history: for {@code mine}, the viewer's sessions and the ones they co-facilitate; otherwise
     * the sessions of the territories the viewer sees (all for an administrator).
     */
    public Future<List<Plan>> list(Viewer v, boolean mine, Filter f) {
        return db.query(tx -> {
            Condition scope;
            if (mine) {
                scope = PLANNED_SESSION.CREATOR_ID.eq(v.id()).or(PLANNED_SESSION.ID.in(
                        DSL.select(PLANNED_SESSION_FACILITATOR.PLANNED_SESSION_ID).from(PLANNED_SESSION_FACILITATOR)
                                .where(PLANNED_SESSION_FACILITATOR.ACCOUNT_ID.eq(v.id()))));
            } else if (v.isAdmin()) {
                scope = DSL.trueCondition();
            } else {
                scope = PLANNED_SESSION.TERRITORY_ID.in(v.territoryIds());
            }
            Condition c = scope;
            if (f.from() != null) {
                c = c.and(PLANNED_SESSION.STARTS_AT.ge(at(f.from())));
            }
            if (f.to() != null) {
                c = c.and(PLANNED_SESSION.STARTS_AT.lt(at(f.to())));
            }
            if (f.format() != null) {
                c = c.and(PLANNED_SESSION.FORMAT.eq(f.format()));
            }
            if (f.place() != null) {
                c = c.and(PLANNED_SESSION.PLACE.containsIgnoreCase(f.place()));
            }
            if (f.status() == Plan.Status.PREPARED) {
                c = c.and(PLANNED_SESSION.SESSION_ID.isNull());
            } else if (f.status() == Plan.Status.LIVE) {
                c = c.and(PLANNED_SESSION.SESSION_ID.isNotNull()).and(DSL.notExists(ended()));
            } else if (f.status() == Plan.Status.ENDED) {
                c = c.and(DSL.exists(ended()));
            }
            return select(tx, c, 500);
        });
    }

    private static org.jooq.Select<?> ended() {
        return DSL.selectOne().from(SESSION).where(SESSION.ID.eq(PLANNED_SESSION.SESSION_ID)).and(SESSION.ENDED_AT.isNotNull());
    }

    private List<Plan> select(DSLContext tx, Condition c, int limit) {
        var rows = tx.select(PLANNED_SESSION.asterisk(), SESSION.ENDED_AT).from(PLANNED_SESSION)
                .leftJoin(SESSION).on(SESSION.ID.eq(PLANNED_SESSION.SESSION_ID))
                .where(c).orderBy(PLANNED_SESSION.STARTS_AT.desc().nullsFirst(), PLANNED_SESSION.CREATED_AT.desc())
                .limit(limit).fetch();
        List<String> ids = rows.map(r -> r.get(PLANNED_SESSION.ID));
        Map<String, List<String>> co = new HashMap<>();
        if (!ids.isEmpty()) {
            tx.selectFrom(PLANNED_SESSION_FACILITATOR).where(PLANNED_SESSION_FACILITATOR.PLANNED_SESSION_ID.in(ids)).fetch()
                    .forEach(r -> co.computeIfAbsent(r.getPlannedSessionId(), k -> new ArrayList<>()).add(r.getAccountId()));
        }
        List<Plan> out = new ArrayList<>();
        for (var r : rows) {
            PlannedSessionRecord p = r.into(PLANNED_SESSION);
            Plan.Status status = p.getSessionId() == null ? Plan.Status.PREPARED
                    : r.get(SESSION.ENDED_AT) != null ? Plan.Status.ENDED : Plan.Status.LIVE;
            out.add(new Plan(p.getId(), p.getCode(), p.getFormat(), p.getTitle(), instant(p.getStartsAt()), p.getPlace(),
                    p.getTerritoryId(), p.getPublics(), p.getPartners(), json(p.getSettings()), p.getCreatorId(),
                    List.copyOf(co.getOrDefault(p.getId(), List.of())), instant(p.getCreatedAt()), p.getSessionId(),
                    instant(p.getOpenedAt()), status));
        }
        return out;
    }

    /**
     * A quick session created by a signed-in person: a row written already opened (one statement, so
     * the history never lists it half-recorded), so it is theirs in the history.
     */
    public Future<Void> adopt(Plan p) {
        return insert(p);
    }

    /** Records the live session opened for a plan; false if another browser opened it first. */
    public Future<Boolean> opened(String planId, String sessionId, Instant now) {
        return db.query(tx -> tx.update(PLANNED_SESSION).set(PLANNED_SESSION.SESSION_ID, sessionId)
                .set(PLANNED_SESSION.OPENED_AT, at(now)).set(PLANNED_SESSION.UPDATED_AT, at(now))
                .where(PLANNED_SESSION.ID.eq(planId)).and(PLANNED_SESSION.SESSION_ID.isNull()).execute() == 1);
    }

    /**
     * Archived sessions opened from a plan get the plan's creator and territory. The archiver writes
     * the session row on its own schedule; this catches up afterwards (idempotent, one statement).
     */
    public Future<Integer> claimArchivedOwners() {
        return db.query(tx -> tx.update(SESSION)
                .set(SESSION.CREATOR_ID, PLANNED_SESSION.CREATOR_ID)
                .set(SESSION.TERRITORY_ID, PLANNED_SESSION.TERRITORY_ID)
                .from(PLANNED_SESSION)
                .where(PLANNED_SESSION.SESSION_ID.eq(SESSION.ID))
                .and(SESSION.CREATOR_ID.isNull().or(SESSION.TERRITORY_ID.isNull()))
                .and(PLANNED_SESSION.CREATOR_ID.isNotNull().or(PLANNED_SESSION.TERRITORY_ID.isNotNull()))
                .execute());
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static JsonNode json(JSONB j) {
        try {
            return j == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(j.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
