package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizFormat.*;

import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.BankChosen;
import fr.atelier.workshops.quiz.QuizEvent.Configured;
import fr.atelier.workshops.quiz.QuizEvent.DeadlineExtended;
import fr.atelier.workshops.quiz.QuizEvent.DebriefShown;
import fr.atelier.workshops.quiz.QuizEvent.Finished;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizEvent.ScoreboardShown;
import fr.atelier.workshops.quiz.QuizEvent.Started;
import fr.atelier.workshops.quiz.QuizEvent.TeamSubmitted;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.Status;
import java.util.ArrayList;
import java.util.List;

/** The quiz's evolve: applies facts, decides nothing. */
final class QuizEvolve {
    private QuizEvolve() {}

    // ---- evolve ----------------------------------------------------------------------------------

    static QuizState evolve(QuizState s, QuizEvent e) {
        if (e instanceof Answered a) {
            return s.answered(a.questionId(), a.teamId(), a.participantId(), a.value(), a.at());
        }
        if (e instanceof BankChosen b) {
            return s.with(b.bank(), s.settings(), s.teams());
        }
        if (e instanceof Configured c) {
            return s.with(s.bank(), c.settings(), s.teams().withSizeLimit(c.settings().teamSize()));
        }
        if (e instanceof TeamEvent t) {
            return s.withTeams(s.teams().apply(t));
        }
        if (e instanceof Started st) {
            return s.started(st.at(), st.deadline());
        }
        if (e instanceof QuestionShown qs) {
            List<Played> played = new ArrayList<>(s.played());
            played.add(new Played(qs.questionId(), qs.index(), Status.OPEN, qs.at(), qs.deadline(), null));
            return s.withPlayed(played, false);
        }
        if (e instanceof QuestionLocked l) {
            return s.replaceCurrent(s.current().with(Status.LOCKED, l.at()));
        }
        if (e instanceof QuestionRevealed) {
            return s.replaceCurrent(s.current().with(Status.REVEALED, s.current().lockedAt()));
        }
        if (e instanceof ScoreboardShown) {
            return s.withPlayed(s.played(), true);
        }
        if (e instanceof TeamSubmitted t) {
            return s.submittedBy(t.teamId(), t.at());
        }
        if (e instanceof DeadlineExtended d) {
            return s.live() ? s.replaceCurrent(s.current().withDeadline(d.deadline())) : s.withDeadline(d.deadline());
        }
        if (e instanceof Finished f) {
            return s.finished(f.at());
        }
        if (e instanceof DebriefShown d) {
            return s.withDebrief(d.index());
        }
        throw new IllegalStateException("unknown event " + e);
    }
}
