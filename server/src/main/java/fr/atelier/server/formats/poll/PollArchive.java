package fr.atelier.server.formats.poll;

import fr.atelier.server.db.FormatArchive;
import static fr.atelier.server.db.generated.Tables.POLL_OPTION;
import static fr.atelier.server.db.generated.Tables.POLL_QUESTION;

import fr.atelier.workshops.poll.Poll;
import fr.atelier.workshops.poll.PollFormat;
import fr.atelier.workshops.poll.PollState;
import org.jooq.DSLContext;

/** The poll's questions and per-option votes, for reports by query. */
public final class PollArchive implements FormatArchive {
    @Override
    public String format() {
        return PollFormat.ID;
    }

    @Override
    public void write(DSLContext tx, String sessionId, Object activityState) {
        PollState state = (PollState) activityState;
        int position = 0;
        for (Poll q : state.questions()) {
            position++;
            tx.insertInto(POLL_QUESTION)
                    .set(POLL_QUESTION.SESSION_ID, sessionId)
                    .set(POLL_QUESTION.QUESTION_ID, q.id())
                    .set(POLL_QUESTION.POSITION, position)
                    .set(POLL_QUESTION.TEXT, q.text())
                    .set(POLL_QUESTION.ANSWERED, q.answers().size())
                    .onConflict(POLL_QUESTION.SESSION_ID, POLL_QUESTION.QUESTION_ID)
                    .doUpdate()
                    .set(POLL_QUESTION.ANSWERED, q.answers().size())
                    .execute();
            int[] votes = q.distribution();
            for (int i = 0; i < q.options().size(); i++) {
                boolean correct = q.correct() != null && q.correct() == i;
                tx.insertInto(POLL_OPTION)
                        .set(POLL_OPTION.SESSION_ID, sessionId)
                        .set(POLL_OPTION.QUESTION_ID, q.id())
                        .set(POLL_OPTION.OPTION_INDEX, i)
                        .set(POLL_OPTION.LABEL, q.options().get(i))
                        .set(POLL_OPTION.VOTES, votes[i])
                        .set(POLL_OPTION.CORRECT, correct)
                        .onConflict(POLL_OPTION.SESSION_ID, POLL_OPTION.QUESTION_ID, POLL_OPTION.OPTION_INDEX)
                        .doUpdate()
                        .set(POLL_OPTION.VOTES, votes[i])
                        .execute();
            }
        }
    }
}
