package fr.atelier.server.formats.poll;

import static fr.atelier.server.db.generated.Tables.POLL_OPTION;
import static fr.atelier.server.db.generated.Tables.POLL_QUESTION;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.poll.Poll;
import fr.atelier.workshops.poll.PollState;
import org.jooq.DSLContext;

/** The poll's questions and per-option votes, for reports by query. */
public final class PollArchive implements FormatArchive<PollState> {
    @Override
    public void write(DSLContext tx, String sessionId, PollState state) {
        int position = 0;
        for (Poll q : state.questions()) {
            position++;
            Upsert.into(tx, POLL_QUESTION)
                    .key(POLL_QUESTION.SESSION_ID, sessionId)
                    .key(POLL_QUESTION.QUESTION_ID, q.id())
                    .setOnInsert(POLL_QUESTION.POSITION, position)
                    .setOnInsert(POLL_QUESTION.TEXT, q.text())
                    .set(POLL_QUESTION.ANSWERED, q.answers().size())
                    .execute();
            int[] votes = q.distribution();
            for (int i = 0; i < q.options().size(); i++) {
                boolean correct = q.correct() != null && q.correct() == i;
                Upsert.into(tx, POLL_OPTION)
                        .key(POLL_OPTION.SESSION_ID, sessionId)
                        .key(POLL_OPTION.QUESTION_ID, q.id())
                        .key(POLL_OPTION.OPTION_INDEX, i)
                        .setOnInsert(POLL_OPTION.LABEL, q.options().get(i))
                        .set(POLL_OPTION.VOTES, votes[i])
                        .setOnInsert(POLL_OPTION.CORRECT, correct)
                        .execute();
            }
        }
    }
}
