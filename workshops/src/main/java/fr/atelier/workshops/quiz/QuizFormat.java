package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizCommand.Answer;
import fr.atelier.workshops.quiz.QuizCommand.BalanceTeams;
import fr.atelier.workshops.quiz.QuizCommand.Configure;
import fr.atelier.workshops.quiz.QuizCommand.CreateTeam;
import fr.atelier.workshops.quiz.QuizCommand.Debrief;
import fr.atelier.workshops.quiz.QuizCommand.Extend;
import fr.atelier.workshops.quiz.QuizCommand.Finish;
import fr.atelier.workshops.quiz.QuizCommand.JoinTeam;
import fr.atelier.workshops.quiz.QuizCommand.LeaveTeam;
import fr.atelier.workshops.quiz.QuizCommand.Lock;
import fr.atelier.workshops.quiz.QuizCommand.MoveMember;
import fr.atelier.workshops.quiz.QuizCommand.RemoveTeam;
import fr.atelier.workshops.quiz.QuizCommand.RenameTeam;
import fr.atelier.workshops.quiz.QuizCommand.Reveal;
import fr.atelier.workshops.quiz.QuizCommand.Show;
import fr.atelier.workshops.quiz.QuizCommand.ShowScoreboard;
import fr.atelier.workshops.quiz.QuizCommand.Start;
import fr.atelier.workshops.quiz.QuizCommand.Submit;
import fr.atelier.workshops.quiz.QuizCommand.UseBank;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.DebriefShown;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.ScoreboardShown;
import fr.atelier.workshops.quiz.QuizEvent.TeamSubmitted;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.Stage;
import fr.atelier.workshops.quiz.QuizState.Status;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * "Challenge numérique": the team quiz on the partners' online services (practice #7 of the SPRO
 * seed). Teams answer together from their phones; live, the facilitator paces the questions; in
 * challenge pacing each team plays every question against a global clock. Scores are the server's.
 */
public final class QuizFormat extends FormatBase<QuizState, QuizCommand, QuizEvent> {
    public static final String ID = "quiz";
    public static final String TEAM_PREFIX = "t";
    public static final int ANSWER_TEXT_MAX = 200;
    public static final int EXTEND_MIN = 10;
    public static final int EXTEND_MAX = 3600;
    /** A timer may fire a hair early (clocks, scheduling): the challenge ends if this close. */
    static final long TIMER_SLACK_MS = 1000;

    public QuizFormat() {
        super(ID, "Challenge numérique", QuizState.class, QuizCommand.class, QuizEvent.class, QuizState.initial(),
                QuizViews::view, QuizViews::results);
    }

    @Override
    public Decision<QuizEvent> decide(QuizState s, Roster roster, Actor who, QuizCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof Answer a) {
            return QuizPlay.answer(s, roster, who, a, at);
        }
        if (c instanceof CreateTeam ct) {
            return QuizSetup.createTeam(s, who, ct, at);
        }
        if (c instanceof JoinTeam j) {
            return QuizSetup.joinTeam(s, roster, who, j, at);
        }
        if (c instanceof LeaveTeam) {
            return QuizSetup.leaveTeam(s, who, at);
        }
        if (c instanceof Submit) {
            return QuizPlay.submit(s, who, at);
        }
        if (who instanceof Actor.System) {
            return QuizPlay.timer(s, c, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Seul l'animateur ou l'animatrice peut faire cela.");
        }
        if (c instanceof QuizCommand.TimeUp) {
            return Decision.reject("forbidden", "Seul le minuteur du serveur termine le temps.");
        }
        if (c instanceof UseBank u) {
            return QuizSetup.useBank(s, u, at);
        }
        if (c instanceof Configure conf) {
            return QuizSetup.configure(s, conf, at);
        }
        if (c instanceof RenameTeam r) {
            return QuizSetup.TEAMS.rename(s.teams(), r.teamId(), r.name(), at);
        }
        if (c instanceof RemoveTeam r) {
            return QuizSetup.removeTeam(s, r, at);
        }
        if (c instanceof MoveMember m) {
            return QuizSetup.moveMember(s, roster, m, at);
        }
        if (c instanceof BalanceTeams b) {
            return QuizSetup.balance(s, roster, b, at);
        }
        if (c instanceof Start) {
            return QuizSetup.start(s, roster, at);
        }
        if (c instanceof Show show) {
            return QuizPlay.show(s, show, at);
        }
        if (c instanceof Lock lock) {
            Played p = s.current();
            if (!s.live() || s.stage() != Stage.PLAYING || p == null || !p.questionId().equals(lock.questionId())
                    || p.status() != Status.OPEN) {
                return Decision.reject("wrong_phase", "Cette question n'est pas ouverte.");
            }
            return Decision.accept(new QuestionLocked(p.questionId(), at));
        }
        if (c instanceof Reveal reveal) {
            return QuizPlay.reveal(s, reveal, at);
        }
        if (c instanceof ShowScoreboard) {
            Played p = s.current();
            if (!s.live() || s.stage() != Stage.PLAYING || p == null || p.status() != Status.REVEALED) {
                return Decision.reject("wrong_phase", "Le classement s'affiche après la révélation d'une réponse.");
            }
            return s.scoreboard() ? Decision.accept(List.of()) : Decision.accept(new ScoreboardShown(at));
        }
        if (c instanceof Extend e) {
            return QuizPlay.extend(s, e, at);
        }
        if (c instanceof Finish) {
            return QuizPlay.finish(s, at);
        }
        if (c instanceof Debrief d) {
            if (s.stage() != Stage.FINISHED) {
                return Decision.reject("wrong_phase", "Le débriefing vient à la fin du quiz.");
            }
            if (d.index() != null && (d.index() < 0 || d.index() >= s.inPlay().size())) {
                return Decision.reject("invalid", "Question inconnue.");
            }
            return java.util.Objects.equals(d.index(), s.debrief()) ? Decision.accept(List.of())
                    : Decision.accept(new DebriefShown(d.index(), at));
        }
        throw new IllegalStateException("unknown command " + c);
    }

    @Override
    public QuizState evolve(QuizState s, QuizEvent e) {
        return QuizEvolve.evolve(s, e);
    }

    // ---- views, timers, results -----------------------------------------------------------------

    @Override
    public Impact impact(QuizEvent e) {
        if (e instanceof Answered a) {
            return Impact.only(new HashSet<>(a.team()));
        }
        if (e instanceof TeamSubmitted t) {
            return Impact.only(new HashSet<>(t.team()));
        }
        return Impact.ALL;
    }

    @Override
    public Instant nextDeadline(QuizState s) {
        if (s.stage() != Stage.PLAYING) {
            return null;
        }
        if (s.live()) {
            Played p = s.current();
            return p != null && p.status() == Status.OPEN && p.deadline() != null ? Instant.ofEpochMilli(p.deadline()) : null;
        }
        return s.deadline() == null ? null : Instant.ofEpochMilli(s.deadline());
    }

    @Override
    public QuizCommand timeUp(QuizState s, Instant deadline) {
        if (s.stage() != Stage.PLAYING || (s.live() && s.current() == null)) {
            return null;
        }
        return new QuizCommand.TimeUp(deadline.toEpochMilli());
    }

    static Predicate<String> active(Roster roster) {
        return roster::isActive;
    }
}
