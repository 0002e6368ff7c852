package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizFormat.*;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizCommand.Answer;
import fr.atelier.workshops.quiz.QuizCommand.Extend;
import fr.atelier.workshops.quiz.QuizCommand.Finish;
import fr.atelier.workshops.quiz.QuizCommand.Lock;
import fr.atelier.workshops.quiz.QuizCommand.Reveal;
import fr.atelier.workshops.quiz.QuizCommand.Show;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.DeadlineExtended;
import fr.atelier.workshops.quiz.QuizEvent.Finished;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizEvent.TeamSubmitted;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.Stage;
import fr.atelier.workshops.quiz.QuizState.Status;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The quiz in play: questions shown, answers, reveals, submissions, timers and the finish. */
final class QuizPlay {
    private QuizPlay() {}

    // ---- playing ---------------------------------------------------------------------------------

    static Decision<QuizEvent> show(QuizState s, Show show, long at) {
        if (s.stage() != Stage.PLAYING || !s.live()) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé."
                    : s.stage() == Stage.FINISHED ? "Le quiz est terminé." : "En défi chronométré, chaque équipe avance à son rythme.");
        }
        Played current = s.current();
        if (current != null && current.status() != Status.REVEALED) {
            return Decision.reject("wrong_phase", "Révélez d'abord la réponse de la question en cours.");
        }
        int size = s.bank().size();
        Integer index = show.index();
        if (index == null) {
            int from = current == null ? 0 : current.index() + 1;
            for (int i = 0; i < size && index == null; i++) {
                int candidate = (from + i) % size;
                if (s.playedOf(s.bank().questions().get(candidate).id()) == null) {
                    index = candidate;
                }
            }
            if (index == null) {
                return Decision.reject("wrong_phase", "Toutes les questions ont été posées : affichez le podium.");
            }
        } else if (index < 0 || index >= size) {
            return Decision.reject("invalid", "Question inconnue.");
        } else if (s.playedOf(s.bank().questions().get(index).id()) != null) {
            return Decision.reject("invalid", "Cette question a déjà été posée.");
        }
        // A question's own time (issue 16) takes the place of the session's.
        Integer own = s.bank().questions().get(index).seconds();
        Integer seconds = own != null ? own : s.settings().secondsPerQuestion();
        Long deadline = seconds == null ? null : at + seconds * 1000L;
        return Decision.accept(new QuestionShown(s.bank().questions().get(index).id(), index, at, deadline));
    }

    static Decision<QuizEvent> answer(QuizState s, Roster roster, Actor who, Answer a, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seules les équipes répondent.");
        }
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé." : "Le quiz est terminé.");
        }
        Teams.Team team = s.teams().teamOf(me.id()).orElse(null);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez d'abord une équipe.");
        }
        Question q = a.questionId() == null ? null : s.bank().question(a.questionId());
        if (q == null) {
            return Decision.reject("not_found", "Question inconnue.");
        }
        if (s.live()) {
            Played p = s.current();
            if (p == null || !p.questionId().equals(q.id())) {
                return Decision.reject("not_found", "Cette question n'est plus d'actualité.");
            }
            if (p.status() != Status.OPEN) {
                return Decision.reject("wrong_phase", "Trop tard : la question est verrouillée.");
            }
            if (p.deadline() != null && at > p.deadline()) {
                return Decision.reject("wrong_phase", "Trop tard : le temps est écoulé.");
            }
        } else {
            if (s.deadline() != null && at > s.deadline()) {
                return Decision.reject("wrong_phase", "Trop tard : le temps est écoulé.");
            }
            if (s.submitted().containsKey(team.id())) {
                return Decision.reject("wrong_phase", "Votre équipe a déjà rendu ses réponses.");
            }
        }
        Parsed parsed = parse(q, a);
        if (parsed.problem() != null) {
            return Decision.reject("invalid", parsed.problem());
        }
        TeamAnswer current = s.answerOf(q.id(), team.id());
        if (current == null && parsed.value() == null || current != null && current.value().equals(parsed.value())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Answered(q.id(), team.id(), me.id(), parsed.value(), at, team.members()));
    }

    static record Parsed(AnswerValue value, String problem) {}

    /** The command's value in canonical form (choices in the bank's order, clean text), or a problem. */
    static Parsed parse(Question q, Answer a) {
        int set = (a.choices() != null ? 1 : 0) + (a.truth() != null ? 1 : 0) + (a.number() != null ? 1 : 0) + (a.text() != null ? 1 : 0);
        if (set > 1) {
            return new Parsed(null, "Une seule forme de réponse à la fois.");
        }
        if (set == 0) {
            return new Parsed(null, null);
        }
        String expected = "Réponse inattendue pour une question de type « " + QuizBankCheck.typeName(q.type()) + " ».";
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (a.choices() == null) {
                    return new Parsed(null, expected);
                }
                Set<String> given = new LinkedHashSet<>();
                for (String id : a.choices()) {
                    if (id == null || q.choice(id) == null) {
                        return new Parsed(null, "Réponse inconnue.");
                    }
                    given.add(id);
                }
                if (given.isEmpty()) {
                    return new Parsed(null, null);
                }
                if (q.type() == QuizBank.Type.SINGLE && given.size() > 1) {
                    return new Parsed(null, "Une seule réponse possible pour cette question.");
                }
                List<String> ordered = new ArrayList<>();
                for (QuizBank.Choice c : q.choices()) {
                    if (given.contains(c.id())) {
                        ordered.add(c.id());
                    }
                }
                return new Parsed(AnswerValue.ofChoices(ordered), null);
            }
            case TRUEFALSE -> {
                return a.truth() == null ? new Parsed(null, expected) : new Parsed(AnswerValue.ofTruth(a.truth()), null);
            }
            case NUMBER -> {
                if (a.number() == null) {
                    return new Parsed(null, expected);
                }
                if (!Double.isFinite(a.number()) || Math.abs(a.number()) > QuizBankCheck.NUMBER_MAX) {
                    return new Parsed(null, "Ce nombre n'est pas valable.");
                }
                return new Parsed(AnswerValue.ofNumber(a.number() == 0 ? 0.0 : a.number()), null);
            }
            case TEXT -> {
                if (a.text() == null) {
                    return new Parsed(null, expected);
                }
                String text = Text.clean(a.text()).replaceAll("\\s+", " ");
                if (text.isEmpty()) {
                    return new Parsed(null, null);
                }
                if (text.length() > ANSWER_TEXT_MAX) {
                    return new Parsed(null, "La réponse ne doit pas dépasser " + ANSWER_TEXT_MAX + " caractères.");
                }
                return new Parsed(AnswerValue.ofText(text), null);
            }
            default -> throw new IllegalStateException("type " + q.type());
        }
    }

    static Decision<QuizEvent> reveal(QuizState s, Reveal reveal, long at) {
        if (!s.live() || s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", "Rien à révéler maintenant.");
        }
        Played p = s.current();
        if (p == null || !p.questionId().equals(reveal.questionId())) {
            return Decision.reject("not_found", "Question inconnue.");
        }
        if (p.status() == Status.REVEALED) {
            return Decision.reject("wrong_phase", "La réponse est déjà affichée.");
        }
        List<QuizEvent> events = new ArrayList<>();
        if (p.status() == Status.OPEN) {
            events.add(new QuestionLocked(p.questionId(), at));
        }
        events.add(new QuestionRevealed(p.questionId(), at));
        return Decision.accept(events);
    }

    static Decision<QuizEvent> submit(QuizState s, Actor who, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seules les équipes rendent leurs réponses.");
        }
        if (s.stage() != Stage.PLAYING || s.live()) {
            return Decision.reject("wrong_phase", "Rien à rendre maintenant.");
        }
        Teams.Team team = s.teams().teamOf(me.id()).orElse(null);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez d'abord une équipe.");
        }
        if (s.submitted().containsKey(team.id())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new TeamSubmitted(team.id(), me.id(), at, team.members()));
    }

    static Decision<QuizEvent> extend(QuizState s, Extend e, long at) {
        if (e.seconds() == null || e.seconds() < EXTEND_MIN || e.seconds() > EXTEND_MAX) {
            return Decision.reject("invalid", "Ajoutez entre " + EXTEND_MIN + " secondes et une heure.");
        }
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", "Aucun compte à rebours en cours.");
        }
        Long deadline;
        if (s.live()) {
            Played p = s.current();
            if (p == null || p.status() != Status.OPEN || p.deadline() == null) {
                return Decision.reject("wrong_phase", "Aucun compte à rebours en cours.");
            }
            deadline = p.deadline();
        } else {
            deadline = s.deadline();
        }
        return Decision.accept(new DeadlineExtended(Math.max(deadline, at) + e.seconds() * 1000L, at));
    }

    static Decision<QuizEvent> finish(QuizState s, long at) {
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé." : "Le quiz est déjà terminé.");
        }
        List<QuizEvent> events = new ArrayList<>();
        Played p = s.current();
        if (s.live() && p != null && p.status() != Status.REVEALED) {
            if (p.status() == Status.OPEN) {
                events.add(new QuestionLocked(p.questionId(), at));
            }
            events.add(new QuestionRevealed(p.questionId(), at));
        }
        events.add(new Finished(at));
        return Decision.accept(events);
    }

    /** The server's timers: stale or early ones change nothing. */
    static Decision<QuizEvent> timer(QuizState s, QuizCommand c, long at) {
        if (s.stage() != Stage.PLAYING) {
            return Decision.accept(List.of());
        }
        if (c instanceof QuizCommand.TimeUp t) {
            Long due = s.live() ? (s.current() == null || s.current().status() != Status.OPEN ? null : s.current().deadline())
                    : s.deadline();
            if (due == null || due != t.deadline() || at < due - TIMER_SLACK_MS) {
                return Decision.accept(List.of());
            }
            return s.live() ? Decision.accept(new QuestionLocked(s.current().questionId(), at)) : finish(s, at);
        }
        // Lock and Finish from the server are how timers spoke before quiz.timeUp: still honoured.
        if (c instanceof Lock lock && s.live()) {
            Played p = s.current();
            if (p == null || !p.questionId().equals(lock.questionId()) || p.status() != Status.OPEN
                    || p.deadline() == null || at < p.deadline() - TIMER_SLACK_MS) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new QuestionLocked(p.questionId(), at));
        }
        if (c instanceof Finish && !s.live()) {
            if (s.deadline() == null || at < s.deadline() - TIMER_SLACK_MS) {
                return Decision.accept(List.of());
            }
            return finish(s, at);
        }
        return Decision.reject("forbidden", "Commande réservée à l'animation.");
    }
}
