package fr.atelier.server.formats.cards;

import static fr.atelier.server.db.generated.Tables.CARDS_CITATION;
import static fr.atelier.server.db.generated.Tables.CARDS_GRID_VALUE;
import static fr.atelier.server.db.generated.Tables.CARDS_ROUND;
import static fr.atelier.server.db.generated.Tables.PARTICIPANT;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.cards.CardsState;
import fr.atelier.workshops.cards.CardsViews;
import fr.atelier.workshops.cards.CaseCard;
import fr.atelier.workshops.cards.Deck;
import fr.atelier.workshops.cards.GridField;
import fr.atelier.workshops.cards.StructureCard;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The card game's rounds, every observer's grid values and the items the grids cited, for reports
 * by query. Idempotent: every row is an upsert, and rows a later archive no longer has are removed.
 */
public final class CardsArchive implements FormatArchive<CardsState> {
    @Override
    public void write(DSLContext tx, String sessionId, CardsState state) {
        Deck deck = state.deck();
        if (deck == null) {
            return;
        }
        Map<String, String> nicknames = tx.select(PARTICIPANT.ID, PARTICIPANT.NICKNAME).from(PARTICIPANT)
                .where(PARTICIPANT.SESSION_ID.eq(sessionId)).fetchMap(PARTICIPANT.ID, PARTICIPANT.NICKNAME);
        List<Query> queries = new ArrayList<>();
        for (CardsState.Round r : state.rounds()) {
            if (!r.played()) {
                continue;
            }
            CaseCard card = r.caseNumber() == null ? null : deck.caseCard(r.caseNumber()).orElse(null);
            StructureCard structure = r.structureId() == null ? null : deck.structure(r.structureId()).orElse(null);
            CardsViews.Aggregate aggregate = CardsViews.aggregate(deck, r);
            int redraws = Math.max(0, r.casesDrawn().size() - 1) + Math.max(0, r.structuresDrawn().size() - 1);
            var started = Instant.ofEpochMilli(r.startedAt()).atOffset(ZoneOffset.UTC);
            Upsert.into(tx, CARDS_ROUND)
                    .key(CARDS_ROUND.SESSION_ID, sessionId)
                    .key(CARDS_ROUND.ROUND_NUMBER, r.number())
                    .setOnInsert(CARDS_ROUND.DECK_ID, deck.id())
                    .setOnInsert(CARDS_ROUND.DECK_TITLE, deck.title())
                    .setOnInsert(CARDS_ROUND.CASE_NUMBER, r.caseNumber())
                    .setOnInsert(CARDS_ROUND.CASE_TITLE, card == null ? null : card.title())
                    .setOnInsert(CARDS_ROUND.STRUCTURE_ID, r.structureId())
                    .setOnInsert(CARDS_ROUND.STRUCTURE_NAME, structure == null ? null : structure.name())
                    .setOnInsert(CARDS_ROUND.COUNSELLOR_ID, r.counsellor())
                    .set(CARDS_ROUND.COUNSELLOR, nicknames.get(r.counsellor()))
                    .setOnInsert(CARDS_ROUND.BENEFICIARY_ID, r.beneficiary())
                    .set(CARDS_ROUND.BENEFICIARY, nicknames.get(r.beneficiary()))
                    .set(CARDS_ROUND.REDRAWS, redraws)
                    .set(CARDS_ROUND.GRIDS, aggregate.grids())
                    .setOnInsert(CARDS_ROUND.STARTED_AT, started)
                    .execute();

            // The round's rows of an earlier archive are replaced whole (in the archive's transaction):
            // a "not in (keys)" breaks PostgreSQL's stack past a few thousand keys.
            queries.add(tx.deleteFrom(CARDS_GRID_VALUE).where(CARDS_GRID_VALUE.SESSION_ID.eq(sessionId))
                    .and(CARDS_GRID_VALUE.ROUND_NUMBER.eq(r.number())));
            queries.add(tx.deleteFrom(CARDS_CITATION).where(CARDS_CITATION.SESSION_ID.eq(sessionId))
                    .and(CARDS_CITATION.ROUND_NUMBER.eq(r.number())));
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
            for (CardsViews.FieldAggregate f : aggregate.fields()) {
                if (f.tally() == null) {
                    continue;
                }
                for (CardsViews.Tally t : f.tally()) {
                    queries.add(Upsert.into(tx, CARDS_CITATION)
                            .key(CARDS_CITATION.SESSION_ID, sessionId)
                            .key(CARDS_CITATION.ROUND_NUMBER, r.number())
                            .key(CARDS_CITATION.FIELD_ID, f.id())
                            .key(CARDS_CITATION.ITEM_KEY, t.key())
                            .setOnInsert(CARDS_CITATION.KIND, f.kind())
                            .set(CARDS_CITATION.LABEL, t.label())
                            .set(CARDS_CITATION.MENTIONS, t.count())
                            .query());
                }
            }
        }
        Upsert.batch(tx, queries);
    }
}
