package fr.atelier.workshops.hackathon;

import static fr.atelier.workshops.hackathon.HackathonFormat.*;

import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.core.TeamRules;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonCommand.BalanceTeams;
import fr.atelier.workshops.hackathon.HackathonCommand.CreateTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.JoinTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.MoveMember;
import fr.atelier.workshops.hackathon.HackathonCommand.RemoveTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.RenameTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.Setup;
import fr.atelier.workshops.hackathon.HackathonEvent.ChallengeChosen;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberJoined;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberLeft;
import fr.atelier.workshops.hackathon.HackathonEvent.SetUp;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamCreated;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRenamed;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamsBalanced;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import java.util.List;

/** The hackathon's set-up and team decisions (who forms, renames, joins, and when). */
final class HackathonTeamRules {
    private HackathonTeamRules() {}

    static final TeamRules<HackathonEvent> TEAMS = new TeamRules<>(new TeamEvent.Factory<>(TeamCreated::new, TeamRenamed::new,
            TeamRemoved::new, MemberJoined::new, MemberLeft::new, TeamsBalanced::new), TEAM_PREFIX);

    // ---- set-up and teams ---------------------------------------------------------------------------

    static Decision<HackathonEvent> setup(HackathonState s, Setup setup, long at) {
        if (s.stage() != Stage.TEAMS) {
            return Decision.reject("wrong_phase", "Les défis et la grille se choisissent avant la phase Comprendre.");
        }
        if (setup.kit() == null) {
            return Decision.reject("invalid", "Défis et grille d'évaluation manquants.");
        }
        List<ContentLibrary.Problem> problems = HackathonLibrary.check(setup.kit());
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder("Défis ou grille invalides : ");
            for (int i = 0; i < Math.min(3, problems.size()); i++) {
                msg.append(i > 0 ? " " : "").append(problems.get(i).message());
            }
            return Decision.reject("invalid", msg.toString());
        }
        HackathonSettings settings = (setup.settings() == null ? HackathonSettings.DEFAULT : setup.settings()).withDefaults();
        String problem = settings.problem();
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        HackathonKit kit = HackathonLibrary.tidy(setup.kit());
        if (kit.equals(s.kit()) && settings.equals(s.settings())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new SetUp(kit, settings, at));
    }

    static Decision<HackathonEvent> createTeam(HackathonState s, String by, CreateTeam ct, long at) {
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        if (by != null) {
            if (!s.settings().selfTeams()) {
                return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
            }
            if (s.juror(by)) {
                return Decision.reject("forbidden", "Les membres du jury ne font pas partie d'une équipe.");
            }
            if (s.stage() != Stage.TEAMS && s.teams().teamOf(by).isPresent()) {
                return Decision.reject("wrong_phase", "Le travail a commencé : on ne change plus d'équipe.");
            }
        }
        return TEAMS.create(s.teams(), ct.name(), by, at);
    }

    static Decision<HackathonEvent> renameTeam(HackathonState s, RenameTeam r, long at) {
        if (r.teamId() == null || s.teams().team(r.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        return TEAMS.rename(s.teams(), r.teamId(), r.name(), at);
    }

    static Decision<HackathonEvent> removeTeam(HackathonState s, Roster roster, RemoveTeam r, long at) {
        Teams.Team team = r.teamId() == null ? null : s.teams().team(r.teamId()).orElse(null);
        if (team == null) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        if (s.stage() != Stage.TEAMS && (s.atLeast(Stage.PITCH) || team.size(roster::isActive) > 0)) {
            return Decision.reject("wrong_phase", "Le travail a commencé : seule une équipe vide peut encore être supprimée.");
        }
        return TEAMS.remove(s.teams(), team.id(), at);
    }

    static Decision<HackathonEvent> joinTeam(HackathonState s, Roster roster, String me, JoinTeam j, long at) {
        if (!s.settings().selfTeams()) {
            return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
        }
        if (s.juror(me)) {
            return Decision.reject("forbidden", "Les membres du jury ne font pas partie d'une équipe.");
        }
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        String current = s.teams().teamIdOf(me);
        if (current != null && s.stage() != Stage.TEAMS && !current.equals(j.teamId())) {
            return Decision.reject("wrong_phase", "Le travail a commencé : on ne change plus d'équipe (demandez à l'animation).");
        }
        return TEAMS.join(s.teams(), me, j.teamId(), roster::isActive, at);
    }

    static Decision<HackathonEvent> moveMember(HackathonState s, Roster roster, MoveMember m, long at) {
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        if (m.participantId() == null || roster.member(m.participantId()).isEmpty()) {
            return Decision.reject("not_found", "Participant inconnu.");
        }
        if (m.teamId() != null && s.juror(m.participantId())) {
            return Decision.reject("invalid", roster.member(m.participantId()).get().nickname()
                    + " siège au jury : retirez d'abord sa place de jury.");
        }
        return TEAMS.move(s.teams(), m.participantId(), m.teamId(), at);
    }

    static Decision<HackathonEvent> balance(HackathonState s, Roster roster, BalanceTeams b, long at) {
        if (s.stage() != Stage.TEAMS) {
            return Decision.reject("wrong_phase", "Le travail a commencé : la répartition automatique n'est plus possible.");
        }
        List<String> people = roster.all().stream().filter(Roster.Member::active).map(Roster.Member::id)
                .filter(id -> !s.juror(id)).toList();
        return TEAMS.balance(s.teams(), b.seed(), b.teams(), people, at);
    }

    static Decision<HackathonEvent> chooseChallenge(HackathonState s, String teamId, String challengeId, boolean facilitator, long at) {
        if (s.kit() == null) {
            return Decision.reject("wrong_phase", "Les défis n'ont pas encore été choisis par l'animation.");
        }
        if (teamId == null || s.teams().team(teamId).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les défis sont figés pour les pitchs.");
        }
        String current = s.workOf(teamId).challengeId();
        if (challengeId == null) {
            return current == null ? Decision.accept(List.of()) : Decision.accept(new ChallengeChosen(teamId, null, at));
        }
        HackathonKit.Challenge ch = s.kit().challenge(challengeId).orElse(null);
        if (ch == null) {
            return Decision.reject("not_found", "Ce défi n'existe pas.");
        }
        if (challengeId.equals(current)) {
            return Decision.accept(List.of());
        }
        if (!facilitator && ch.capacity() != null && s.teamsOn(challengeId) >= ch.capacity()) {
            return Decision.reject("invalid", "Le défi « " + ch.title() + " » est complet (" + ch.capacity()
                    + (ch.capacity() == 1 ? " équipe" : " équipes") + " au plus) : choisissez-en un autre.");
        }
        return Decision.accept(new ChallengeChosen(teamId, challengeId, at));
    }
}
