package fr.atelier.server.formats.poll;

import static fr.atelier.server.db.generated.Tables.POLL_OPTION;
import static fr.atelier.server.db.generated.Tables.POLL_QUESTION;
import static fr.atelier.server.db.generated.Tables.POLL_TEXT;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.poll.PollResultRows;
import fr.atelier.workshops.poll.PollState;
import org.jooq.DSLContext;

/** The poll's questions, per-option votes (or points) and texts, for reports by query. */
public final class PollArchive implements FormatArchive<PollState> {
    @Override
    public void write(DSLContext tx, String sessionId, PollState state) {
        for (PollResultRows.Question q : PollResultRows.of(state).questions()) {
            Upsert.into(tx, POLL_QUESTION)
                    .key(POLL_QUESTION.SESSION_ID, sessionId)
                    .key(POLL_QUESTION.QUESTION_ID, q.questionId())
                    .setOnInsert(POLL_QUESTION.POSITION, q.position())
                    .setOnInsert(POLL_QUESTION.TEXT, q.text())
                    .setOnInsert(POLL_QUESTION.KIND, q.kind())
                    .set(POLL_QUESTION.ANSWERED, q.answered())
                    .set(POLL_QUESTION.MEAN, q.mean() == null ? null : java.math.BigDecimal.valueOf(q.mean()))
                    .execute();
            // The wall is rewritten whole: a text hidden after a first archive leaves it.
            tx.deleteFrom(POLL_TEXT).where(POLL_TEXT.SESSION_ID.eq(sessionId), POLL_TEXT.QUESTION_ID.eq(q.questionId())).execute();
            for (PollResultRows.TextRow t : q.texts()) {
                tx.insertInto(POLL_TEXT)
                        .set(POLL_TEXT.SESSION_ID, sessionId)
                        .set(POLL_TEXT.QUESTION_ID, q.questionId())
                        .set(POLL_TEXT.TEXT_INDEX, t.index())
                        .set(POLL_TEXT.TEXT, t.text())
                        .set(POLL_TEXT.COUNT, t.count())
                        .set(POLL_TEXT.ANSWERED, t.answered())
                        .execute();
            }
            for (PollResultRows.Option o : q.options()) {
                Upsert.into(tx, POLL_OPTION)
                        .key(POLL_OPTION.SESSION_ID, sessionId)
                        .key(POLL_OPTION.QUESTION_ID, q.questionId())
                        .key(POLL_OPTION.OPTION_INDEX, o.index())
                        .setOnInsert(POLL_OPTION.LABEL, o.label())
                        .set(POLL_OPTION.VOTES, o.votes())
                        .setOnInsert(POLL_OPTION.CORRECT, o.correct())
                        .execute();
            }
        }
    }
}
