package fr.atelier.server.formats.cards;

import static fr.atelier.server.db.generated.Tables.CARDS_CITATION;
import static fr.atelier.server.db.generated.Tables.CARDS_GRID_VALUE;
import static fr.atelier.server.db.generated.Tables.CARDS_ROUND;
import static fr.atelier.server.db.generated.Tables.PARTICIPANT;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.cards.CardsResultRows;
import fr.atelier.workshops.cards.CardsState;
import fr.atelier.workshops.cards.Deck;
import fr.atelier.workshops.cards.GridField;
import fr.atelier.workshops.core.Roster;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The card game's rounds, every observer's grid values and the items the grids cited, for reports
 * by query. Rounds and cited items come from {@link CardsResultRows}, which the CSV also reads (with
 * the nicknames of the session's participant table). Idempotent: every row is an upsert, and rows a
 * later archive no longer has are removed.
 */
public final class CardsArchive implements FormatArchive<CardsState> {
    @Override
    public void write(DSLContext tx, String sessionId, CardsState state) {
        Deck deck = state.deck();
        if (deck == null) {
            return;
        }
        Roster named = Roster.EMPTY;
        for (var p : tx.select(PARTICIPANT.ID, PARTICIPANT.NICKNAME).from(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(sessionId)).fetch()) {
            named = named.with(new Roster.Member(p.value1(), p.value2(), null, 0, true));
        }
        CardsResultRows rows = CardsResultRows.of(state, named);
        Map<Integer, CardsState.Round> played = new HashMap<>();
        state.rounds().forEach(r -> played.put(r.number(), r));
        List<Query> queries = new ArrayList<>();
        for (CardsResultRows.Round row : rows.rounds()) {
            CardsState.Round r = played.get(row.number());
            Upsert.into(tx, CARDS_ROUND)
                    .key(CARDS_ROUND.SESSION_ID, sessionId)
                    .key(CARDS_ROUND.ROUND_NUMBER, row.number())
                    .setOnInsert(CARDS_ROUND.DECK_ID, rows.deckId())
                    .setOnInsert(CARDS_ROUND.DECK_TITLE, rows.deckTitle())
                    .setOnInsert(CARDS_ROUND.CASE_NUMBER, row.caseNumber())
                    .setOnInsert(CARDS_ROUND.CASE_TITLE, row.caseTitle())
                    .setOnInsert(CARDS_ROUND.STRUCTURE_ID, row.structureId())
                    .setOnInsert(CARDS_ROUND.STRUCTURE_NAME, row.structureName())
                    .setOnInsert(CARDS_ROUND.COUNSELLOR_ID, r.counsellor())
                    .set(CARDS_ROUND.COUNSELLOR, row.counsellor())
                    .setOnInsert(CARDS_ROUND.BENEFICIARY_ID, r.beneficiary())
                    .set(CARDS_ROUND.BENEFICIARY, row.beneficiary())
                    .set(CARDS_ROUND.REDRAWS, row.redraws())
                    .set(CARDS_ROUND.GRIDS, row.grids())
                    .set(CARDS_ROUND.PAPER_GRIDS, row.paperGrids())
                    .setOnInsert(CARDS_ROUND.STARTED_AT, Instant.ofEpochMilli(row.startedAt()).atOffset(ZoneOffset.UTC))
                    .execute();

            // The round's rows of an earlier archive are replaced whole (in the archive's transaction):
            // a "not in (keys)" breaks PostgreSQL's stack past a few thousand keys.
            queries.add(tx.deleteFrom(CARDS_GRID_VALUE).where(CARDS_GRID_VALUE.SESSION_ID.eq(sessionId))
                    .and(CARDS_GRID_VALUE.ROUND_NUMBER.eq(r.number())));
            queries.add(tx.deleteFrom(CARDS_CITATION).where(CARDS_CITATION.SESSION_ID.eq(sessionId))
                    .and(CARDS_CITATION.ROUND_NUMBER.eq(r.number())));
            // Every observer's own values, which only the archive keeps (paper grids under their "paper-N" id).
            r.grids().forEach((participantId, grid) -> {
                if (r.isPlayer(participantId)) {
                    return;
                }
                for (GridField field : deck.grid()) {
                    List<String> list = grid.getOrDefault(field.id(), List.of());
                    for (int i = 0; i < list.size(); i++) {
                        queries.add(Upsert.into(tx, CARDS_GRID_VALUE)
                                .key(CARDS_GRID_VALUE.SESSION_ID, sessionId)
                                .key(CARDS_GRID_VALUE.ROUND_NUMBER, r.number())
                                .key(CARDS_GRID_VALUE.PARTICIPANT_ID, participantId)
                                .key(CARDS_GRID_VALUE.FIELD_ID, field.id())
                                .key(CARDS_GRID_VALUE.POSITION, i)
                                .setOnInsert(CARDS_GRID_VALUE.KIND, field.kind())
                                .set(CARDS_GRID_VALUE.VALUE, list.get(i))
                                .query());
                    }
                }
            });
        }
        for (CardsResultRows.GridLine line : rows.grid()) {
            if (!line.cited()) {
                continue;
            }
            queries.add(Upsert.into(tx, CARDS_CITATION)
                    .key(CARDS_CITATION.SESSION_ID, sessionId)
                    .key(CARDS_CITATION.ROUND_NUMBER, line.round())
                    .key(CARDS_CITATION.FIELD_ID, line.fieldId())
                    .key(CARDS_CITATION.ITEM_KEY, line.itemKey())
                    .setOnInsert(CARDS_CITATION.KIND, line.kind())
                    .set(CARDS_CITATION.LABEL, line.label())
                    .set(CARDS_CITATION.MENTIONS, line.mentions())
                    .query());
        }
        Upsert.batch(tx, queries);
    }
}
