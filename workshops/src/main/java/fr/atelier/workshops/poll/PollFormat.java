package fr.atelier.workshops.poll;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.poll.PollCommand.Answer;
import fr.atelier.workshops.poll.PollCommand.Ask;
import fr.atelier.workshops.poll.PollCommand.AskPrepared;
import fr.atelier.workshops.poll.PollCommand.Choose;
import fr.atelier.workshops.poll.PollCommand.MarkAnswered;
import fr.atelier.workshops.poll.PollCommand.Moderate;
import fr.atelier.workshops.poll.PollCommand.Rank;
import fr.atelier.workshops.poll.PollCommand.UseList;
import fr.atelier.workshops.poll.PollCommand.Upvote;
import fr.atelier.workshops.poll.PollCommand.Write;
import fr.atelier.workshops.poll.PollCommand.Close;
import fr.atelier.workshops.poll.PollCommand.TimeUp;
import fr.atelier.workshops.poll.PollCommand.Reveal;
import fr.atelier.workshops.poll.PollEvent.Answered;
import fr.atelier.workshops.poll.PollEvent.Asked;
import fr.atelier.workshops.poll.PollEvent.Closed;
import fr.atelier.workshops.poll.PollEvent.ListUsed;
import fr.atelier.workshops.poll.PollEvent.MarkedAnswered;
import fr.atelier.workshops.poll.PollEvent.Moderated;
import fr.atelier.workshops.poll.PollEvent.Picked;
import fr.atelier.workshops.poll.PollEvent.Upvoted;
import fr.atelier.workshops.poll.PollEvent.Written;
import fr.atelier.workshops.poll.PollEvent.Revealed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Sondage express": the warm-up format. The facilitator asks (typed live or prepared), phones
 * answer, the room sees the result. Seven question types ({@link PollKind}); the participants'
 * rules and the moderation of texts are in {@link PollAnswers}.
 */
public final class PollFormat extends FormatBase<PollState, PollCommand, PollEvent> {
    public static final String ID = "poll";
    public static final int TEXT_MAX = PollQuestion.TEXT_MAX;
    public static final int OPTION_MAX = PollQuestion.OPTION_MAX;
    public static final int OPTIONS_MIN = PollQuestion.OPTIONS_MIN;
    public static final int OPTIONS_MAX = PollQuestion.OPTIONS_MAX;
    public static final int SECONDS_MAX = PollQuestion.SECONDS_MAX;

    public PollFormat() {
        super(ID, "Sondage express", PollState.class, PollCommand.class, PollEvent.class, new PollState(List.of()),
                PollViews::view, (s, roster) -> PollViews.results(s));
    }

    @Override
    public Decision<PollEvent> decide(PollState s, Roster roster, Actor who, PollCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof Answer || c instanceof Choose || c instanceof Rank || c instanceof Write || c instanceof Upvote) {
            if (!(who instanceof Actor.Participant me)) {
                return Decision.reject("forbidden", "Seuls les participants répondent.");
            }
            return participant(s, me, c, at);
        }
        if (c instanceof TimeUp t) {
            return timeUp(s, who, t, at);
        }
        // A Close from the server is how timers spoke before poll.timeUp: still honoured.
        boolean byTimer = who instanceof Actor.System && c instanceof Close;
        if (!(who instanceof Actor.Facilitator) && !byTimer) {
            return Decision.reject("forbidden", "Seul l'animateur ou l'animatrice pilote le sondage.");
        }
        if (c instanceof Ask ask) {
            return ask(s, new PollQuestion(ask.kind(), ask.text(), ask.options(), ask.correct(), ask.seconds(), ask.scale()), at);
        }
        if (c instanceof AskPrepared p) {
            List<PollQuestion> prepared = s.prepared() == null ? List.of() : s.prepared().questions();
            if (p.index() == null || p.index() < 0 || p.index() >= prepared.size()) {
                return Decision.reject("not_found", "Cette question préparée n'existe pas.");
            }
            return ask(s, prepared.get(p.index()), at);
        }
        if (c instanceof UseList u) {
            return useList(s, u, at);
        }
        if (c instanceof Moderate m) {
            return PollAnswers.moderate(s, m, at);
        }
        if (c instanceof MarkAnswered m) {
            return PollAnswers.markAnswered(s, m, at);
        }
        Poll current = s.current();
        if (c instanceof Close close) {
            if (current == null || !current.id().equals(close.questionId()) || current.status() != Poll.Status.OPEN) {
                return byTimer ? Decision.accept(List.of())
                        : Decision.reject("wrong_phase", "Cette question n'est pas ouverte.");
            }
            return Decision.accept(new Closed(current.id(), at));
        }
        if (c instanceof Reveal reveal) {
            if (current == null || !current.id().equals(reveal.questionId())) {
                return Decision.reject("not_found", "Question inconnue.");
            }
            if (current.status() == Poll.Status.REVEALED) {
                return Decision.reject("wrong_phase", "Le résultat est déjà affiché.");
            }
            List<PollEvent> events = new ArrayList<>();
            if (current.status() == Poll.Status.OPEN) {
                events.add(new Closed(current.id(), at));
            }
            events.add(new Revealed(current.id(), at));
            return Decision.accept(events);
        }
        throw new IllegalStateException("unknown command " + c);
    }

    private Decision<PollEvent> ask(PollState s, PollQuestion asked, long at) {
        PollQuestion.Checked checked = PollQuestion.checked(asked);
        if (checked.problem() != null) {
            return Decision.reject("invalid", checked.problem());
        }
        Poll current = s.current();
        if (current != null && current.status() == Poll.Status.OPEN) {
            return Decision.reject("wrong_phase", "Fermez la question en cours avant d'en poser une autre.");
        }
        PollQuestion q = checked.question();
        String id = "q" + (s.questions().size() + 1);
        Long deadline = q.seconds() == null ? null : at + q.seconds() * 1000L;
        // Events of a plain single choice stay as they were before the types (no kind written).
        PollKind kind = q.kind() == PollKind.SINGLE ? null : q.kind();
        return Decision.accept(new Asked(id, q.text(), q.choices(), q.correct(), deadline, at, kind, q.scale()));
    }

    private static Decision<PollEvent> useList(PollState s, UseList u, long at) {
        if (u.list() == null || u.list().questions().isEmpty() || u.list().questions().size() > PollList.QUESTIONS_MAX) {
            return Decision.reject("invalid", "Préparez de 1 à " + PollList.QUESTIONS_MAX + " questions.");
        }
        List<PollQuestion> cleaned = new ArrayList<>();
        for (int i = 0; i < u.list().questions().size(); i++) {
            PollQuestion q = u.list().questions().get(i);
            PollQuestion.Checked checked = q == null ? new PollQuestion.Checked(null, "Question vide.") : PollQuestion.checked(q);
            if (checked.problem() != null) {
                return Decision.reject("invalid", "Question " + (i + 1) + " : " + checked.problem());
            }
            cleaned.add(checked.question());
        }
        PollList list = new PollList(u.list().id(), u.list().title(), u.list().description(), cleaned);
        return list.equals(s.prepared()) ? Decision.accept(List.of()) : Decision.accept(new ListUsed(list, at));
    }

    private static Decision<PollEvent> participant(PollState s, Actor.Participant me, PollCommand c, long at) {
        if (c instanceof Answer a) {
            return PollAnswers.answer(s, me, a, at);
        }
        if (c instanceof Choose ch) {
            return PollAnswers.choose(s, me, ch, at);
        }
        if (c instanceof Rank r) {
            return PollAnswers.rank(s, me, r, at);
        }
        if (c instanceof Write w) {
            return PollAnswers.write(s, me, w, at);
        }
        return PollAnswers.upvote(s, me, (Upvote) c, at);
    }

    @Override
    public PollState evolve(PollState s, PollEvent e) {
        if (e instanceof Asked a) {
            return s.add(Poll.open(a.questionId(), a.text(), a.options(), a.correct(), a.deadline(), a.at(), a.kind(), a.scale()));
        }
        if (e instanceof ListUsed l) {
            return s.prepare(l.list());
        }
        if (e instanceof Answered a) {
            return s.replaceCurrent(s.current().answer(a.participantId(), a.option()));
        }
        if (e instanceof Picked p) {
            return s.replaceCurrent(s.current().pick(p.participantId(), p.options()));
        }
        if (e instanceof Written w) {
            Poll.Visibility v = w.pending() ? Poll.Visibility.PENDING : Poll.Visibility.SHOWN;
            return s.replaceCurrent(s.current().write(new Poll.Entry(w.entryId(), w.participantId(), w.text(), w.key(), v, 0, false, w.at())));
        }
        if (e instanceof PollEvent.Submitted w) {
            return s.replaceCurrent(s.current().write(new Poll.Entry(w.entryId(), w.participantId(), w.text(), w.key(), Poll.Visibility.SHOWN, 0, false, w.at())));
        }
        if (e instanceof Upvoted u) {
            return s.replaceCurrent(s.current().upvote(u.entryId(), u.participantId()));
        }
        if (e instanceof Moderated m) {
            Poll.Entry entry = s.current().entries().get(m.entryId());
            return s.replaceCurrent(s.current().replace(entry.with(m.shown() ? Poll.Visibility.SHOWN : Poll.Visibility.HIDDEN)));
        }
        if (e instanceof MarkedAnswered m) {
            return s.replaceCurrent(s.current().replace(s.current().entries().get(m.entryId()).answered(m.answered())));
        }
        if (e instanceof Closed) {
            return s.replaceCurrent(s.current().withStatus(Poll.Status.CLOSED));
        }
        if (e instanceof Revealed) {
            return s.replaceCurrent(s.current().withStatus(Poll.Status.REVEALED));
        }
        throw new IllegalStateException("unknown event " + e);
    }

    @Override
    public Impact impact(PollEvent e) {
        // Private answers change one phone; a word or a vote changes the projector and the sender's phone
        // (other phones read the Q&A counts at the next question or moderation: decision 194).
        if (e instanceof Answered a) {
            return Impact.only(a.participantId());
        }
        if (e instanceof Picked p) {
            return Impact.only(p.participantId());
        }
        if (e instanceof Upvoted u) {
            return Impact.only(u.participantId());
        }
        if (e instanceof Written w) {
            return Impact.only(w.participantId());
        }
        return Impact.ALL;
    }

    @Override
    public Instant nextDeadline(PollState s) {
        Poll current = s.current();
        return current != null && current.status() == Poll.Status.OPEN && current.deadline() != null
                ? Instant.ofEpochMilli(current.deadline()) : null;
    }

    @Override
    public PollCommand timeUp(PollState s, Instant deadline) {
        return due(s, deadline.toEpochMilli()) ? new TimeUp(deadline.toEpochMilli()) : null;
    }

    private static boolean due(PollState s, long deadline) {
        Poll current = s.current();
        return current != null && current.status() == Poll.Status.OPEN && current.deadline() != null
                && current.deadline() == deadline;
    }

    private static Decision<PollEvent> timeUp(PollState s, Actor who, TimeUp t, long at) {
        if (!(who instanceof Actor.System)) {
            return Decision.reject("forbidden", "Seul le minuteur du serveur termine le temps.");
        }
        return due(s, t.deadline()) ? Decision.accept(new Closed(s.current().id(), at)) : Decision.accept(List.of());
    }
}
