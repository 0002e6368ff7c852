package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizFormat.*;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.core.TeamRules;
import fr.atelier.workshops.quiz.QuizCommand.BalanceTeams;
import fr.atelier.workshops.quiz.QuizCommand.Configure;
import fr.atelier.workshops.quiz.QuizCommand.CreateTeam;
import fr.atelier.workshops.quiz.QuizCommand.JoinTeam;
import fr.atelier.workshops.quiz.QuizCommand.MoveMember;
import fr.atelier.workshops.quiz.QuizCommand.RemoveTeam;
import fr.atelier.workshops.quiz.QuizCommand.UseBank;
import fr.atelier.workshops.quiz.QuizEvent.BankChosen;
import fr.atelier.workshops.quiz.QuizEvent.Configured;
import fr.atelier.workshops.quiz.QuizEvent.MemberJoined;
import fr.atelier.workshops.quiz.QuizEvent.MemberLeft;
import fr.atelier.workshops.quiz.QuizEvent.Started;
import fr.atelier.workshops.quiz.QuizEvent.TeamCreated;
import fr.atelier.workshops.quiz.QuizEvent.TeamRemoved;
import fr.atelier.workshops.quiz.QuizEvent.TeamRenamed;
import fr.atelier.workshops.quiz.QuizEvent.TeamsBalanced;
import fr.atelier.workshops.quiz.QuizState.Stage;
import java.util.List;

/** The quiz before play: bank, settings, teams and the start. */
final class QuizSetup {
    private QuizSetup() {}

    // ---- set-up -----------------------------------------------------------------------------------

    static Decision<QuizEvent> useBank(QuizState s, UseBank u, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : la banque de questions ne change plus.");
        }
        List<Problem> problems = QuizBankCheck.check(u.bank(), QuizBankCheck.Lines.NONE);
        if (!problems.isEmpty()) {
            StringBuilder m = new StringBuilder("Banque de questions invalide : ");
            for (int i = 0; i < Math.min(3, problems.size()); i++) {
                m.append(i == 0 ? "" : " ").append(problems.get(i).message());
            }
            if (problems.size() > 3) {
                m.append(" (et ").append(problems.size() - 3).append(" autre(s) problème(s))");
            }
            return Decision.reject("invalid", m.toString());
        }
        return Decision.accept(new BankChosen(QuizBankCheck.tidy(u.bank()), at));
    }

    static Decision<QuizEvent> configure(QuizState s, Configure conf, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : les réglages ne changent plus.");
        }
        if (conf.settings() == null) {
            return Decision.reject("invalid", "Réglages manquants.");
        }
        String problem = conf.settings().problem();
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return conf.settings().equals(s.settings()) ? Decision.accept(List.of()) : Decision.accept(new Configured(conf.settings(), at));
    }

    static final TeamRules<QuizEvent> TEAMS = new TeamRules<>(new TeamEvent.Factory<>(TeamCreated::new, TeamRenamed::new,
            TeamRemoved::new, MemberJoined::new, MemberLeft::new, TeamsBalanced::new), TEAM_PREFIX);

    static Decision<QuizEvent> createTeam(QuizState s, Actor who, CreateTeam ct, long at) {
        String by = null;
        if (who instanceof Actor.Participant me) {
            if (!s.settings().selfTeams()) {
                return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
            }
            if (s.stage() == Stage.PLAYING && s.teams().teamOf(me.id()).isPresent()) {
                return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
            }
            by = me.id();
        } else if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Rejoignez la session pour créer une équipe.");
        }
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        return TEAMS.create(s.teams(), ct.name(), by, at);
    }

    static Decision<QuizEvent> removeTeam(QuizState s, RemoveTeam r, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : on ne supprime plus d'équipe.");
        }
        return TEAMS.remove(s.teams(), r.teamId(), at);
    }

    static Decision<QuizEvent> joinTeam(QuizState s, Roster roster, Actor who, JoinTeam j, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants rejoignent une équipe.");
        }
        if (!s.settings().selfTeams()) {
            return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
        }
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        String current = s.teams().teamIdOf(me.id());
        if (s.stage() == Stage.PLAYING && current != null && !current.equals(j.teamId())) {
            return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
        }
        return TEAMS.join(s.teams(), me.id(), j.teamId(), roster::isActive, at);
    }

    static Decision<QuizEvent> leaveTeam(QuizState s, Actor who, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants quittent une équipe.");
        }
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
        }
        return TEAMS.leave(s.teams(), me.id(), at);
    }

    static Decision<QuizEvent> moveMember(QuizState s, Roster roster, MoveMember m, long at) {
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        if (m.participantId() == null || roster.member(m.participantId()).isEmpty()) {
            return Decision.reject("not_found", "Participant inconnu.");
        }
        return TEAMS.move(s.teams(), m.participantId(), m.teamId(), at);
    }

    static Decision<QuizEvent> balance(QuizState s, Roster roster, BalanceTeams b, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : la répartition automatique n'est plus possible.");
        }
        List<String> people = roster.all().stream().filter(Roster.Member::active).map(Roster.Member::id).toList();
        return TEAMS.balance(s.teams(), b.seed(), b.teams(), people, at);
    }

    static Decision<QuizEvent> start(QuizState s, Roster roster, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a déjà commencé.");
        }
        if (s.bank() == null) {
            return Decision.reject("wrong_phase", "Choisissez d'abord une banque de questions.");
        }
        boolean someone = s.teams().teams().stream().anyMatch(t -> t.size(roster::isActive) > 0);
        if (!someone) {
            return Decision.reject("wrong_phase", "Formez au moins une équipe avec un participant avant de commencer.");
        }
        Long deadline = s.live() ? null : at + s.settings().timeLimitMinutes() * 60_000L;
        return Decision.accept(new Started(at, deadline));
    }
}
