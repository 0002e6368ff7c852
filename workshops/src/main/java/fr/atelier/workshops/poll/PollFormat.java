package fr.atelier.workshops.poll;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.poll.PollCommand.Answer;
import fr.atelier.workshops.poll.PollCommand.Ask;
import fr.atelier.workshops.poll.PollCommand.Close;
import fr.atelier.workshops.poll.PollCommand.TimeUp;
import fr.atelier.workshops.poll.PollCommand.Reveal;
import fr.atelier.workshops.poll.PollEvent.Answered;
import fr.atelier.workshops.poll.PollEvent.Asked;
import fr.atelier.workshops.poll.PollEvent.Closed;
import fr.atelier.workshops.poll.PollEvent.Revealed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** "Sondage express": the warm-up format. The facilitator asks, phones answer, the room sees the result. */
public final class PollFormat extends FormatBase<PollState, PollCommand, PollEvent> {
    public static final String ID = "poll";
    public static final int TEXT_MAX = 200;
    public static final int OPTION_MAX = 80;
    public static final int OPTIONS_MIN = 2;
    public static final int OPTIONS_MAX = 8;
    public static final int SECONDS_MAX = 3600;

    public PollFormat() {
        super(ID, "Sondage express", PollState.class, PollCommand.class, PollEvent.class, new PollState(List.of()),
                PollViews::view, (s, roster) -> PollViews.results(s));
    }

    @Override
    public Decision<PollEvent> decide(PollState s, Roster roster, Actor who, PollCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof Answer a) {
            return answer(s, who, a, at);
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
            return ask(s, ask, at);
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

    private Decision<PollEvent> ask(PollState s, Ask ask, long at) {
        String text = Text.clean(ask.text());
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            return Decision.reject("invalid", "La question doit faire de 1 à " + TEXT_MAX + " caractères.");
        }
        if (ask.options() == null || ask.options().size() < OPTIONS_MIN || ask.options().size() > OPTIONS_MAX) {
            return Decision.reject("invalid", "Proposez entre " + OPTIONS_MIN + " et " + OPTIONS_MAX + " réponses.");
        }
        List<String> options = new ArrayList<>();
        for (String o : ask.options()) {
            String option = Text.clean(o);
            if (option.isEmpty() || option.length() > OPTION_MAX) {
                return Decision.reject("invalid", "Chaque réponse doit faire de 1 à " + OPTION_MAX + " caractères.");
            }
            options.add(option);
        }
        if (ask.correct() != null && (ask.correct() < 0 || ask.correct() >= options.size())) {
            return Decision.reject("invalid", "La bonne réponse doit être l'une des réponses proposées.");
        }
        if (ask.seconds() != null && (ask.seconds() < 5 || ask.seconds() > SECONDS_MAX)) {
            return Decision.reject("invalid", "La durée doit être comprise entre 5 secondes et une heure.");
        }
        Poll current = s.current();
        if (current != null && current.status() == Poll.Status.OPEN) {
            return Decision.reject("wrong_phase", "Fermez la question en cours avant d'en poser une autre.");
        }
        String id = "q" + (s.questions().size() + 1);
        Long deadline = ask.seconds() == null ? null : at + ask.seconds() * 1000L;
        return Decision.accept(new Asked(id, text, options, ask.correct(), deadline, at));
    }

    private Decision<PollEvent> answer(PollState s, Actor who, Answer a, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants répondent.");
        }
        Poll current = s.current();
        if (current == null || !current.id().equals(a.questionId())) {
            return Decision.reject("not_found", "Cette question n'est plus d'actualité.");
        }
        if (current.status() != Poll.Status.OPEN) {
            return Decision.reject("wrong_phase", "Trop tard : la question est fermée.");
        }
        if (a.option() == null || a.option() < 0 || a.option() >= current.options().size()) {
            return Decision.reject("invalid", "Réponse inconnue.");
        }
        if (a.option().equals(current.answers().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Answered(current.id(), me.id(), a.option(), at));
    }

    @Override
    public PollState evolve(PollState s, PollEvent e) {
        if (e instanceof Asked a) {
            return s.add(Poll.open(a.questionId(), a.text(), a.options(), a.correct(), a.deadline(), a.at()));
        }
        if (e instanceof Answered a) {
            return s.replaceCurrent(s.current().answer(a.participantId(), a.option()));
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
        return e instanceof Answered a ? Impact.only(a.participantId()) : Impact.ALL;
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
