package fr.atelier.workshops.hackathon;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonCommand.AddIdea;
import fr.atelier.workshops.hackathon.HackathonCommand.Advance;
import fr.atelier.workshops.hackathon.HackathonCommand.BalanceTeams;
import fr.atelier.workshops.hackathon.HackathonCommand.Blur;
import fr.atelier.workshops.hackathon.HackathonCommand.ChooseChallenge;
import fr.atelier.workshops.hackathon.HackathonCommand.ClaimJury;
import fr.atelier.workshops.hackathon.HackathonCommand.CreateTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.Dot;
import fr.atelier.workshops.hackathon.HackathonCommand.Edit;
import fr.atelier.workshops.hackathon.HackathonCommand.Extend;
import fr.atelier.workshops.hackathon.HackathonCommand.Focus;
import fr.atelier.workshops.hackathon.HackathonCommand.InviteJury;
import fr.atelier.workshops.hackathon.HackathonCommand.JoinTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.LeaveTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.MoveMember;
import fr.atelier.workshops.hackathon.HackathonCommand.Pitch;
import fr.atelier.workshops.hackathon.HackathonCommand.PitchOrder;
import fr.atelier.workshops.hackathon.HackathonCommand.RemoveIdea;
import fr.atelier.workshops.hackathon.HackathonCommand.RemoveTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.RenameTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.RevokeJury;
import fr.atelier.workshops.hackathon.HackathonCommand.Score;
import fr.atelier.workshops.hackathon.HackathonCommand.Setup;
import fr.atelier.workshops.hackathon.HackathonEvent.DotChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.FieldEdited;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaAdded;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryRevoked;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.Scored;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * "Hack ton orientation" (action 4 of the SPRO 28 source document): teams take a challenge, go
 * through timed phases (understand, imagine, build), pitch, and are scored by a jury and the room
 * on a weighted rubric. Several phones edit a team's canvases at once: every edit names the field
 * revision it was written from, and a stale one is refused ({@code conflict}) so that no
 * teammate's text is ever overwritten unseen.
 */
public final class HackathonFormat extends FormatBase<HackathonState, HackathonCommand, HackathonEvent> {

    /** The jurors judge, they are not counted among the participants. */
    @Override
    public java.util.Set<String> staff(HackathonState state) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (HackathonState.JurySeat seat : state.jury()) {
            if (seat.holder() != null) {
                out.add(seat.holder());
            }
        }
        return out;
    }

    public static final String ID = "hackathon";
    public static final String TEAM_PREFIX = "t";
    public static final String SEAT_PREFIX = "j";
    public static final String IDEA_PREFIX = "i";
    /** A presence (someone writing in a field) lasts this long without a save or a new focus. */
    public static final long PRESENCE_MS = 45_000;
    public static final int IDEA_MAX = 200;
    public static final int IDEAS_PER_TEAM = 60;
    public static final int SEATS_MAX = 30;
    public static final int SEAT_LABEL_MAX = 40;
    public static final int SCORE_MIN = 1;
    public static final int SCORE_MAX = 5;
    public static final int EXTEND_MAX_MINUTES = 120;

    public HackathonFormat() {
        super(ID, "Hack ton orientation", HackathonState.class, HackathonCommand.class, HackathonEvent.class, HackathonState.initial(),
                HackathonViews::view, HackathonViews::results);
    }

    // ---- decide -------------------------------------------------------------------------------------

    @Override
    public Decision<HackathonEvent> decide(HackathonState s, Roster roster, Actor who, HackathonCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof HackathonCommand.TimeUp t) {
            if (!(who instanceof Actor.System)) {
                return forbidden();
            }
            return HackathonStages.timeUp(s, t.deadline());
        }
        if (who instanceof Actor.System) {
            return forbidden();
        }
        if (s.stage() == Stage.RESULTS) {
            return Decision.reject("wrong_phase", "Les prix sont proclamés : le hackathon est terminé.");
        }
        if (who instanceof Actor.Participant me) {
            return decideParticipant(s, roster, me.id(), c, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return forbidden();
        }
        if (c instanceof Setup setup) {
            return HackathonTeamRules.setup(s, setup, at);
        }
        if (c instanceof CreateTeam ct) {
            return HackathonTeamRules.createTeam(s, null, ct, at);
        }
        if (c instanceof RenameTeam r) {
            return HackathonTeamRules.renameTeam(s, r, at);
        }
        if (c instanceof RemoveTeam r) {
            return HackathonTeamRules.removeTeam(s, roster, r, at);
        }
        if (c instanceof MoveMember m) {
            return HackathonTeamRules.moveMember(s, roster, m, at);
        }
        if (c instanceof BalanceTeams b) {
            return HackathonTeamRules.balance(s, roster, b, at);
        }
        if (c instanceof ChooseChallenge ch) {
            return HackathonTeamRules.chooseChallenge(s, ch.teamId(), ch.challengeId(), true, at);
        }
        if (c instanceof Advance a) {
            return HackathonStages.advance(s, roster, a, at);
        }
        if (c instanceof Extend e) {
            return HackathonStages.extend(s, e, at);
        }
        if (c instanceof PitchOrder po) {
            return HackathonStages.pitchOrder(s, po, at);
        }
        if (c instanceof Pitch p) {
            return HackathonStages.pitch(s, p, at);
        }
        if (c instanceof InviteJury inv) {
            return HackathonJury.invite(s, inv, at);
        }
        if (c instanceof RevokeJury rv) {
            return s.seat(rv.seatId()).isEmpty() ? Decision.reject("not_found", "Cette place de jury n'existe pas (ou plus).")
                    : Decision.accept(new JuryRevoked(rv.seatId(), at));
        }
        if (c instanceof RemoveIdea ri) {
            return HackathonWork.removeIdea(s, null, ri, at);
        }
        if (c instanceof JoinTeam || c instanceof LeaveTeam || c instanceof Focus || c instanceof Blur || c instanceof Edit
                || c instanceof AddIdea || c instanceof Dot || c instanceof ClaimJury || c instanceof Score) {
            return Decision.reject("forbidden", "Cette action se fait depuis le téléphone d'un participant.");
        }
        throw new IllegalStateException("unknown command " + c);
    }

    private Decision<HackathonEvent> decideParticipant(HackathonState s, Roster roster, String me, HackathonCommand c, long at) {
        if (c instanceof CreateTeam ct) {
            return HackathonTeamRules.createTeam(s, me, ct, at);
        }
        if (c instanceof JoinTeam j) {
            return HackathonTeamRules.joinTeam(s, roster, me, j, at);
        }
        if (c instanceof LeaveTeam) {
            if (s.stage() != Stage.TEAMS) {
                return Decision.reject("wrong_phase", "Le travail a commencé : on ne quitte plus son équipe (demandez à l'animation).");
            }
            return HackathonTeamRules.TEAMS.leave(s.teams(), me, at);
        }
        if (c instanceof RenameTeam r) {
            if (r.teamId() == null || !r.teamId().equals(s.teams().teamIdOf(me))) {
                return Decision.reject("forbidden", "Seuls ses membres renomment une équipe.");
            }
            return HackathonTeamRules.renameTeam(s, r, at);
        }
        if (c instanceof ChooseChallenge ch) {
            String mine = s.teams().teamIdOf(me);
            if (mine == null || (ch.teamId() != null && !ch.teamId().equals(mine))) {
                return Decision.reject("forbidden", "Rejoignez une équipe pour choisir son défi.");
            }
            if (s.atLeast(Stage.IMAGINE)) {
                return Decision.reject("wrong_phase", "Le défi se choisit au plus tard pendant la phase Comprendre (demandez à l'animation).");
            }
            return HackathonTeamRules.chooseChallenge(s, mine, ch.challengeId(), false, at);
        }
        if (c instanceof Focus f) {
            return HackathonWork.focus(s, me, f, at);
        }
        if (c instanceof Blur b) {
            String team = s.teams().teamIdOf(me);
            Presence p = team == null ? null : s.workOf(team).presence().get(me);
            if (p == null || !p.field().equals(b.field())) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new PresenceChanged(team, me, null, null, false, at, members(s, team)));
        }
        if (c instanceof Edit e) {
            return HackathonWork.edit(s, roster, me, e, at);
        }
        if (c instanceof AddIdea a) {
            return HackathonWork.addIdea(s, me, a, at);
        }
        if (c instanceof RemoveIdea ri) {
            return HackathonWork.removeIdea(s, me, ri, at);
        }
        if (c instanceof Dot d) {
            return HackathonWork.dot(s, me, d, at);
        }
        if (c instanceof ClaimJury cj) {
            return HackathonJury.claim(s, me, cj, at);
        }
        if (c instanceof Score sc) {
            return HackathonJury.score(s, me, sc, at);
        }
        return Decision.reject("forbidden", "Seule l'animation peut faire cela.");
    }

    static Decision<HackathonEvent> forbidden() {
        return Decision.reject("forbidden", "Action non autorisée.");
    }

    /** SHA-256 in lower-case hex: what the console sends for a jury link's token. */
    public static String sha256(String token) {
        return fr.atelier.workshops.core.Hashes.sha256Hex(token);
    }

    static List<String> members(HackathonState s, String teamId) {
        return s.teams().team(teamId).map(Teams.Team::members).orElse(List.of());
    }

    @Override
    public HackathonState evolve(HackathonState s, HackathonEvent e) {
        return HackathonEvolve.evolve(s, e);
    }

    // ---- phones, timers, views ------------------------------------------------------------------------------

    @Override
    public Impact impact(HackathonEvent e) {
        if (e instanceof FieldEdited f) {
            return Impact.only(Set.copyOf(f.members()));
        }
        if (e instanceof PresenceChanged p) {
            return Impact.only(Set.copyOf(p.members()));
        }
        if (e instanceof IdeaAdded a) {
            return Impact.only(Set.copyOf(a.members()));
        }
        if (e instanceof IdeaRemoved r) {
            return Impact.only(Set.copyOf(r.members()));
        }
        if (e instanceof DotChanged d) {
            return Impact.only(Set.copyOf(d.members()));
        }
        if (e instanceof Scored sc) {
            return Impact.only(sc.participantId());
        }
        return Impact.ALL;
    }

    @Override
    public Instant nextDeadline(HackathonState s) {
        long next = Long.MAX_VALUE;
        if (s.deadline() != null && !s.timeUp()) {
            next = s.deadline();
        }
        if (s.pitchDeadline() != null && !s.pitchTimeUp()) {
            next = Math.min(next, s.pitchDeadline());
        }
        for (TeamWork w : s.work().values()) {
            for (Presence p : w.presence().values()) {
                next = Math.min(next, p.until());
            }
        }
        return next == Long.MAX_VALUE ? null : Instant.ofEpochMilli(next);
    }

    @Override
    public HackathonCommand timeUp(HackathonState s, Instant deadline) {
        return new HackathonCommand.TimeUp(deadline.toEpochMilli());
    }
}
