package fr.atelier.workshops.hackathon;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.hackathon.HackathonCommand.AddIdea;
import fr.atelier.workshops.hackathon.HackathonCommand.Advance;
import fr.atelier.workshops.hackathon.HackathonCommand.BalanceTeams;
import fr.atelier.workshops.hackathon.HackathonCommand.Blur;
import fr.atelier.workshops.hackathon.HackathonCommand.ChooseChallenge;
import fr.atelier.workshops.hackathon.HackathonCommand.ClaimJury;
import fr.atelier.workshops.hackathon.HackathonCommand.CreateTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.Dot;
import fr.atelier.workshops.hackathon.HackathonCommand.Edit;
import fr.atelier.workshops.hackathon.HackathonCommand.Expire;
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
import fr.atelier.workshops.hackathon.HackathonEvent.ChallengeChosen;
import fr.atelier.workshops.hackathon.HackathonEvent.DeadlineExtended;
import fr.atelier.workshops.hackathon.HackathonEvent.DotChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.FieldEdited;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaAdded;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryClaimed;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryInvited;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryRevoked;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberJoined;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberLeft;
import fr.atelier.workshops.hackathon.HackathonEvent.NewTeam;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchOrderSet;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchStarted;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.Scored;
import fr.atelier.workshops.hackathon.HackathonEvent.SetUp;
import fr.atelier.workshops.hackathon.HackathonEvent.StageChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamCreated;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRenamed;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamsBalanced;
import fr.atelier.workshops.hackathon.HackathonEvent.TimeUp;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Hack ton orientation" (action 4 of the SPRO 28 source document): teams take a challenge, go
 * through timed phases (understand, imagine, build), pitch, and are scored by a jury and the room
 * on a weighted rubric. Several phones edit a team's canvases at once: every edit names the field
 * revision it was written from, and a stale one is refused ({@code conflict}) so that no
 * teammate's text is ever overwritten unseen.
 */
public final class HackathonFormat implements Format<HackathonState, HackathonCommand, HackathonEvent> {
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
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Override public String id() { return ID; }
    @Override public String title() { return "Hack ton orientation"; }
    @Override public Class<HackathonState> stateType() { return HackathonState.class; }
    @Override public Class<HackathonCommand> commandType() { return HackathonCommand.class; }
    @Override public Class<HackathonEvent> eventType() { return HackathonEvent.class; }
    @Override public HackathonState initialState() { return HackathonState.initial(); }

    // ---- decide -------------------------------------------------------------------------------------

    @Override
    public Decision<HackathonEvent> decide(HackathonState s, Roster roster, Actor who, HackathonCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof Expire e) {
            if (!(who instanceof Actor.System)) {
                return forbidden();
            }
            return expire(s, e.at());
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
            return setup(s, setup, at);
        }
        if (c instanceof CreateTeam ct) {
            return createTeam(s, null, ct, at);
        }
        if (c instanceof RenameTeam r) {
            return renameTeam(s, r, at);
        }
        if (c instanceof RemoveTeam r) {
            return removeTeam(s, roster, r, at);
        }
        if (c instanceof MoveMember m) {
            return moveMember(s, roster, m, at);
        }
        if (c instanceof BalanceTeams b) {
            return balance(s, roster, b, at);
        }
        if (c instanceof ChooseChallenge ch) {
            return chooseChallenge(s, ch.teamId(), ch.challengeId(), true, at);
        }
        if (c instanceof Advance a) {
            return advance(s, roster, a, at);
        }
        if (c instanceof Extend e) {
            return extend(s, e, at);
        }
        if (c instanceof PitchOrder po) {
            return pitchOrder(s, po, at);
        }
        if (c instanceof Pitch p) {
            return pitch(s, p, at);
        }
        if (c instanceof InviteJury inv) {
            return invite(s, inv, at);
        }
        if (c instanceof RevokeJury rv) {
            return s.seat(rv.seatId()).isEmpty() ? Decision.reject("not_found", "Cette place de jury n'existe pas (ou plus).")
                    : Decision.accept(new JuryRevoked(rv.seatId(), at));
        }
        if (c instanceof RemoveIdea ri) {
            return removeIdea(s, null, ri, at);
        }
        if (c instanceof JoinTeam || c instanceof LeaveTeam || c instanceof Focus || c instanceof Blur || c instanceof Edit
                || c instanceof AddIdea || c instanceof Dot || c instanceof ClaimJury || c instanceof Score) {
            return Decision.reject("forbidden", "Cette action se fait depuis le téléphone d'un participant.");
        }
        throw new IllegalStateException("unknown command " + c);
    }

    private Decision<HackathonEvent> decideParticipant(HackathonState s, Roster roster, String me, HackathonCommand c, long at) {
        if (c instanceof CreateTeam ct) {
            return createTeam(s, me, ct, at);
        }
        if (c instanceof JoinTeam j) {
            return joinTeam(s, roster, me, j, at);
        }
        if (c instanceof LeaveTeam) {
            if (s.stage() != Stage.TEAMS) {
                return Decision.reject("wrong_phase", "Le travail a commencé : on ne quitte plus son équipe (demandez à l'animation).");
            }
            return s.teams().teamOf(me).isEmpty() ? Decision.accept(List.of()) : Decision.accept(new MemberLeft(me, at));
        }
        if (c instanceof RenameTeam r) {
            if (r.teamId() == null || !r.teamId().equals(s.teams().teamIdOf(me))) {
                return Decision.reject("forbidden", "Seuls ses membres renomment une équipe.");
            }
            return renameTeam(s, r, at);
        }
        if (c instanceof ChooseChallenge ch) {
            String mine = s.teams().teamIdOf(me);
            if (mine == null || (ch.teamId() != null && !ch.teamId().equals(mine))) {
                return Decision.reject("forbidden", "Rejoignez une équipe pour choisir son défi.");
            }
            if (s.atLeast(Stage.IMAGINE)) {
                return Decision.reject("wrong_phase", "Le défi se choisit au plus tard pendant la phase Comprendre (demandez à l'animation).");
            }
            return chooseChallenge(s, mine, ch.challengeId(), false, at);
        }
        if (c instanceof Focus f) {
            return focus(s, me, f, at);
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
            return edit(s, roster, me, e, at);
        }
        if (c instanceof AddIdea a) {
            return addIdea(s, me, a, at);
        }
        if (c instanceof RemoveIdea ri) {
            return removeIdea(s, me, ri, at);
        }
        if (c instanceof Dot d) {
            return dot(s, me, d, at);
        }
        if (c instanceof ClaimJury cj) {
            return claim(s, me, cj, at);
        }
        if (c instanceof Score sc) {
            return score(s, me, sc, at);
        }
        return Decision.reject("forbidden", "Seule l'animation peut faire cela.");
    }

    private static Decision<HackathonEvent> forbidden() {
        return Decision.reject("forbidden", "Action non autorisée.");
    }

    // ---- set-up and teams ---------------------------------------------------------------------------

    private Decision<HackathonEvent> setup(HackathonState s, Setup setup, long at) {
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

    private Decision<HackathonEvent> createTeam(HackathonState s, String by, CreateTeam ct, long at) {
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
        String name = Teams.cleanName(ct.name());
        String problem = s.teams().problemCreating(name);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        String id = s.teams().nextId(TEAM_PREFIX);
        if (by == null) {
            return Decision.accept(new TeamCreated(id, name, null, at));
        }
        return Decision.accept(new TeamCreated(id, name, by, at), new MemberJoined(id, by, at));
    }

    private Decision<HackathonEvent> renameTeam(HackathonState s, RenameTeam r, long at) {
        if (r.teamId() == null || s.teams().team(r.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        String name = Teams.cleanName(r.name());
        String problem = s.teams().problemWithName(name, r.teamId());
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return name.equals(s.teams().team(r.teamId()).get().name()) ? Decision.accept(List.of())
                : Decision.accept(new TeamRenamed(r.teamId(), name, at));
    }

    private Decision<HackathonEvent> removeTeam(HackathonState s, Roster roster, RemoveTeam r, long at) {
        Teams.Team team = r.teamId() == null ? null : s.teams().team(r.teamId()).orElse(null);
        if (team == null) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        if (s.stage() != Stage.TEAMS && (s.atLeast(Stage.PITCH) || team.size(roster::isActive) > 0)) {
            return Decision.reject("wrong_phase", "Le travail a commencé : seule une équipe vide peut encore être supprimée.");
        }
        return Decision.accept(new TeamRemoved(team.id(), at));
    }

    private Decision<HackathonEvent> joinTeam(HackathonState s, Roster roster, String me, JoinTeam j, long at) {
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
        if (j.teamId() != null && j.teamId().equals(current)) {
            return Decision.accept(List.of());
        }
        if (current != null && s.stage() != Stage.TEAMS) {
            return Decision.reject("wrong_phase", "Le travail a commencé : on ne change plus d'équipe (demandez à l'animation).");
        }
        String problem = s.teams().problemJoining(me, j.teamId(), roster::isActive);
        if (problem != null) {
            return Decision.reject(s.teams().team(j.teamId()).isEmpty() ? "not_found" : "invalid", problem);
        }
        return Decision.accept(new MemberJoined(j.teamId(), me, at));
    }

    private Decision<HackathonEvent> moveMember(HackathonState s, Roster roster, MoveMember m, long at) {
        if (s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les équipes sont figées pour les pitchs.");
        }
        if (m.participantId() == null || roster.member(m.participantId()).isEmpty()) {
            return Decision.reject("not_found", "Participant inconnu.");
        }
        String current = s.teams().teamIdOf(m.participantId());
        if (m.teamId() == null) {
            return current == null ? Decision.accept(List.of()) : Decision.accept(new MemberLeft(m.participantId(), at));
        }
        if (s.juror(m.participantId())) {
            return Decision.reject("invalid", roster.member(m.participantId()).get().nickname()
                    + " siège au jury : retirez d'abord sa place de jury.");
        }
        if (s.teams().team(m.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        // The facilitator may go over the size limit: they see the room, the limit is for self-service.
        return m.teamId().equals(current) ? Decision.accept(List.of()) : Decision.accept(new MemberJoined(m.teamId(), m.participantId(), at));
    }

    private Decision<HackathonEvent> balance(HackathonState s, Roster roster, BalanceTeams b, long at) {
        if (s.stage() != Stage.TEAMS) {
            return Decision.reject("wrong_phase", "Le travail a commencé : la répartition automatique n'est plus possible.");
        }
        List<String> people = roster.all().stream().filter(Roster.Member::active).map(Roster.Member::id)
                .filter(id -> !s.juror(id)).toList();
        Teams.Draw draw = s.teams().draw(b.seed(), b.teams(), TEAM_PREFIX, people);
        if (draw.problem() != null) {
            return Decision.reject(draw.code(), draw.problem());
        }
        List<NewTeam> created = draw.created().stream().map(t -> new NewTeam(t.id(), t.name())).toList();
        return Decision.accept(new TeamsBalanced(b.seed(), created, draw.assignment(), at));
    }

    private Decision<HackathonEvent> chooseChallenge(HackathonState s, String teamId, String challengeId, boolean facilitator, long at) {
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

    // ---- the day's stages and timers ------------------------------------------------------------------

    private Decision<HackathonEvent> advance(HackathonState s, Roster roster, Advance a, long at) {
        Stage to;
        try {
            to = Stage.valueOf(a.to() == null ? "" : a.to());
        } catch (IllegalArgumentException e) {
            return Decision.reject("invalid", "Phase inconnue : « " + a.to() + " ».");
        }
        if (to == s.stage()) {
            return Decision.accept(List.of());
        }
        if (to.ordinal() < s.stage().ordinal()) {
            return Decision.reject("wrong_phase", "On ne revient pas à une phase précédente.");
        }
        if (s.kit() == null) {
            return Decision.reject("wrong_phase", "Choisissez d'abord les défis et la grille d'évaluation.");
        }
        if (to == Stage.RESULTS && !s.atLeast(Stage.PITCH)) {
            return Decision.reject("wrong_phase", "Les prix se proclament après les pitchs.");
        }
        Long deadline = null;
        if (to == Stage.UNDERSTAND || to == Stage.IMAGINE || to == Stage.BUILD || to == Stage.VOTE) {
            int minutes = a.minutes() == null ? s.settings().minutesFor(to) : a.minutes();
            if (minutes < 0 || minutes > HackathonSettings.MINUTES_MAX) {
                return Decision.reject("invalid", "La durée doit être comprise entre 0 (sans minuteur) et " + HackathonSettings.MINUTES_MAX + " minutes.");
            }
            deadline = minutes == 0 ? null : at + minutes * 60_000L;
        }
        List<String> order = null;
        Long seed = null;
        if (to == Stage.PITCH || (to.ordinal() > Stage.PITCH.ordinal() && !s.atLeast(Stage.PITCH))) {
            order = new ArrayList<>();
            for (Teams.Team t : s.teams().teams()) {
                if (t.size(roster::isActive) > 0 || !s.workOf(t.id()).fields().isEmpty()) {
                    order.add(t.id());
                }
            }
            if (a.seed() != null) {
                seed = a.seed();
                Collections.shuffle(order, new Random(seed));
            }
        }
        return Decision.accept(new StageChanged(to, deadline, order, seed, at));
    }

    private Decision<HackathonEvent> extend(HackathonState s, Extend e, long at) {
        if (e.minutes() == null || e.minutes() < 1 || e.minutes() > EXTEND_MAX_MINUTES) {
            return Decision.reject("invalid", "Ajoutez de 1 à " + EXTEND_MAX_MINUTES + " minutes.");
        }
        long more = e.minutes() * 60_000L;
        if (s.stage() == Stage.PITCH) {
            if (s.pitching() == null) {
                return Decision.reject("wrong_phase", "Aucun pitch en cours.");
            }
            long base = s.pitchDeadline() == null ? at : Math.max(at, s.pitchDeadline());
            return Decision.accept(new DeadlineExtended("pitch", base + more, at));
        }
        if (s.stage() == Stage.TEAMS) {
            return Decision.reject("wrong_phase", "La constitution des équipes n'a pas de minuteur.");
        }
        long base = s.deadline() == null ? at : Math.max(at, s.deadline());
        return Decision.accept(new DeadlineExtended("stage", base + more, at));
    }

    private Decision<HackathonEvent> expire(HackathonState s, long due) {
        List<HackathonEvent> events = new ArrayList<>();
        if (s.deadline() != null && !s.timeUp() && s.deadline() <= due) {
            events.add(new TimeUp("stage", due));
        }
        if (s.pitchDeadline() != null && !s.pitchTimeUp() && s.pitchDeadline() <= due) {
            events.add(new TimeUp("pitch", due));
        }
        for (Map.Entry<String, TeamWork> w : s.work().entrySet()) {
            for (Map.Entry<String, Presence> p : w.getValue().presence().entrySet()) {
                if (p.getValue().until() <= due) {
                    events.add(new PresenceChanged(w.getKey(), p.getKey(), null, null, true, due, members(s, w.getKey())));
                }
            }
        }
        return Decision.accept(events);
    }

    private Decision<HackathonEvent> pitchOrder(HackathonState s, PitchOrder po, long at) {
        if (s.stage() != Stage.PITCH) {
            return Decision.reject("wrong_phase", "L'ordre de passage se règle pendant les pitchs.");
        }
        if (po.order() == null || po.order().isEmpty()) {
            return Decision.reject("invalid", "L'ordre de passage doit nommer au moins une équipe.");
        }
        Set<String> seen = new HashSet<>();
        for (String id : po.order()) {
            if (id == null || s.teams().team(id).isEmpty()) {
                return Decision.reject("not_found", "Équipe inconnue dans l'ordre de passage.");
            }
            if (!seen.add(id)) {
                return Decision.reject("invalid", "Une équipe apparaît deux fois dans l'ordre de passage.");
            }
        }
        return po.order().equals(s.pitchOrder()) ? Decision.accept(List.of()) : Decision.accept(new PitchOrderSet(po.order(), at));
    }

    private Decision<HackathonEvent> pitch(HackathonState s, Pitch p, long at) {
        if (s.stage() != Stage.PITCH) {
            return Decision.reject("wrong_phase", "Les pitchs ne sont pas commencés.");
        }
        if (p.teamId() == null) {
            return s.pitching() == null ? Decision.accept(List.of()) : Decision.accept(new PitchStarted(null, null, at));
        }
        if (!s.pitchOrder().contains(p.teamId())) {
            return Decision.reject("not_found", "Cette équipe n'est pas dans l'ordre de passage.");
        }
        return Decision.accept(new PitchStarted(p.teamId(), at + s.settings().pitchSeconds() * 1000L, at));
    }

    // ---- workspace --------------------------------------------------------------------------------------

    /** Null when the field can be written now, else why not (French). */
    private static String problemWriting(HackathonState s, Canvas.Field f) {
        if (s.atLeast(Stage.PITCH)) {
            return "Les canevas sont figés : place aux pitchs.";
        }
        if (Canvas.SOLUTION.equals(f.canvas())) {
            return s.stage() == Stage.BUILD ? null : "Le canevas solution s'ouvre à la phase Construire.";
        }
        return s.atLeast(Stage.UNDERSTAND) ? null : "Les canevas s'ouvrent à la phase Comprendre.";
    }

    private Decision<HackathonEvent> focus(HackathonState s, String me, Focus f, long at) {
        String team = s.teams().teamIdOf(me);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez une équipe pour écrire dans ses canevas.");
        }
        Canvas.Field field = f.field() == null ? null : Canvas.field(f.field()).orElse(null);
        if (field == null) {
            return Decision.reject("not_found", "Champ inconnu.");
        }
        String problem = problemWriting(s, field);
        if (problem != null) {
            return Decision.reject("wrong_phase", problem);
        }
        Presence current = s.workOf(team).presence().get(me);
        // A phone re-announces itself while someone types: only record it when it changes something.
        if (current != null && current.field().equals(field.id()) && current.until() - at > PRESENCE_MS / 2) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new PresenceChanged(team, me, field.id(), at + PRESENCE_MS, false, at, members(s, team)));
    }

    private Decision<HackathonEvent> edit(HackathonState s, Roster roster, String me, Edit e, long at) {
        String team = s.teams().teamIdOf(me);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez une équipe pour écrire dans ses canevas.");
        }
        Canvas.Field field = e.field() == null ? null : Canvas.field(e.field()).orElse(null);
        if (field == null) {
            return Decision.reject("not_found", "Champ inconnu.");
        }
        String problem = problemWriting(s, field);
        if (problem != null) {
            return Decision.reject("wrong_phase", problem);
        }
        if (e.baseRev() == null || e.baseRev() < 0) {
            return Decision.reject("invalid", "Révision de départ manquante.");
        }
        String text = Text.clean(e.text());
        if (text.length() > field.max()) {
            return Decision.reject("invalid", "« " + field.label() + " » : " + field.max() + " caractères au plus.");
        }
        FieldValue current = s.workOf(team).field(field.id());
        if (text.equals(current.text())) {
            return Decision.accept(List.of());
        }
        if (e.baseRev() != current.rev()) {
            String who = current.by() == null ? "un ou une coéquipière"
                    : roster.member(current.by()).map(Roster.Member::nickname).orElse("un ou une coéquipière");
            return Decision.reject("conflict", "« " + field.label() + " » a été modifié par " + who
                    + " pendant que vous écriviez : comparez les deux textes, puis enregistrez la version fusionnée.");
        }
        return Decision.accept(new FieldEdited(team, field.id(), current.rev() + 1, text, me, at, members(s, team)));
    }

    private Decision<HackathonEvent> addIdea(HackathonState s, String me, AddIdea a, long at) {
        String team = s.teams().teamIdOf(me);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez une équipe pour proposer des idées.");
        }
        if (s.stage() != Stage.IMAGINE && s.stage() != Stage.BUILD) {
            return Decision.reject("wrong_phase", "Les idées se proposent pendant la phase Imaginer.");
        }
        String text = Text.clean(a.text()).replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > IDEA_MAX) {
            return Decision.reject("invalid", "Une idée fait de 1 à " + IDEA_MAX + " caractères.");
        }
        if (s.workOf(team).ideas().size() >= IDEAS_PER_TEAM) {
            return Decision.reject("invalid", "Pas plus de " + IDEAS_PER_TEAM + " idées par équipe.");
        }
        return Decision.accept(new IdeaAdded(team, IDEA_PREFIX + (s.ideaCount() + 1), text, me, at, members(s, team)));
    }

    private Decision<HackathonEvent> removeIdea(HackathonState s, String me, RemoveIdea r, long at) {
        for (Map.Entry<String, TeamWork> w : s.work().entrySet()) {
            Idea idea = w.getValue().idea(r.ideaId() == null ? "" : r.ideaId()).orElse(null);
            if (idea == null) {
                continue;
            }
            if (me != null) {
                if (!me.equals(idea.by())) {
                    return Decision.reject("forbidden", "Seule la personne qui l'a proposée retire une idée.");
                }
                if (s.stage() != Stage.IMAGINE && s.stage() != Stage.BUILD) {
                    return Decision.reject("wrong_phase", "Les idées ne se modifient plus.");
                }
            } else if (s.atLeast(Stage.PITCH)) {
                return Decision.reject("wrong_phase", "Les idées ne se modifient plus.");
            }
            return Decision.accept(new IdeaRemoved(w.getKey(), idea.id(), at, members(s, w.getKey())));
        }
        return Decision.reject("not_found", "Cette idée n'existe pas (ou plus).");
    }

    private Decision<HackathonEvent> dot(HackathonState s, String me, Dot d, long at) {
        String team = s.teams().teamIdOf(me);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez une équipe pour voter pour ses idées.");
        }
        if (s.stage() != Stage.IMAGINE && s.stage() != Stage.BUILD) {
            return Decision.reject("wrong_phase", "Le vote par gommettes a lieu pendant la phase Imaginer.");
        }
        TeamWork w = s.workOf(team);
        Idea idea = w.idea(d.ideaId() == null ? "" : d.ideaId()).orElse(null);
        if (idea == null) {
            return Decision.reject("not_found", "Cette idée n'existe pas dans votre équipe.");
        }
        boolean on = d.on() == null || d.on();
        if (on == idea.dots().contains(me)) {
            return Decision.accept(List.of());
        }
        if (on && dotsUsed(w, me) >= s.settings().dots()) {
            return Decision.reject("invalid", "Vous avez posé vos " + s.settings().dots()
                    + " gommettes : retirez-en une pour soutenir une autre idée.");
        }
        return Decision.accept(new DotChanged(team, idea.id(), me, on, at, members(s, team)));
    }

    static int dotsUsed(TeamWork w, String participantId) {
        int n = 0;
        for (Idea i : w.ideas()) {
            if (i.dots().contains(participantId)) {
                n++;
            }
        }
        return n;
    }

    // ---- jury and votes ---------------------------------------------------------------------------------

    private Decision<HackathonEvent> invite(HackathonState s, InviteJury inv, long at) {
        if (s.jury().size() >= SEATS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + SEATS_MAX + " places de jury.");
        }
        if (inv.tokenHash() == null || !HASH.matcher(inv.tokenHash()).matches()) {
            return Decision.reject("invalid", "Empreinte du lien jury invalide (SHA-256 en hexadécimal attendu).");
        }
        if (s.jury().stream().anyMatch(j -> j.tokenHash().equals(inv.tokenHash()))) {
            return Decision.reject("invalid", "Ce lien jury existe déjà.");
        }
        String label = Text.clean(inv.label()).replaceAll("\\s+", " ");
        if (label.length() > SEAT_LABEL_MAX) {
            return Decision.reject("invalid", "Le nom de la place de jury fait " + SEAT_LABEL_MAX + " caractères au plus.");
        }
        int n = s.seatCount() + 1;
        return Decision.accept(new JuryInvited(SEAT_PREFIX + n, label.isEmpty() ? "Jury " + n : label, inv.tokenHash(), at));
    }

    private Decision<HackathonEvent> claim(HackathonState s, String me, ClaimJury cj, long at) {
        if (cj.token() == null || !TOKEN.matcher(cj.token()).matches()) {
            return Decision.reject("invalid", "Lien jury illisible.");
        }
        byte[] hash = sha256(cj.token()).getBytes(StandardCharsets.US_ASCII);
        for (JurySeat seat : s.jury()) {
            if (MessageDigest.isEqual(hash, seat.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                if (me.equals(seat.holder())) {
                    return Decision.accept(List.of());
                }
                return Decision.accept(new JuryClaimed(seat.id(), me, seat.holder(), at));
            }
        }
        return Decision.reject("not_found", "Ce lien jury n'est pas (ou plus) valable : demandez-en un nouveau à l'animation.");
    }

    private Decision<HackathonEvent> score(HackathonState s, String me, Score sc, long at) {
        if (s.kit() == null) {
            return Decision.reject("wrong_phase", "Le vote n'est pas ouvert.");
        }
        if (s.stage() != Stage.PITCH && s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Le vote s'ouvre avec les pitchs.");
        }
        if (sc.teamId() == null || s.teams().team(sc.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas.");
        }
        if (!s.revealed(sc.teamId())) {
            return Decision.reject("wrong_phase", "Vous pourrez évaluer cette équipe après son pitch.");
        }
        JurySeat seat = s.seatOf(me).orElse(null);
        if (seat == null) {
            if (!s.settings().publicVote()) {
                return Decision.reject("forbidden", "Seul le jury vote pour ce hackathon.");
            }
            if (sc.teamId().equals(s.teams().teamIdOf(me))) {
                return Decision.reject("forbidden", "On ne vote pas pour sa propre équipe.");
            }
        }
        Map<String, Integer> scores = sc.scores() == null ? Map.of() : sc.scores();
        Map<String, Integer> clean = new LinkedHashMap<>();
        for (HackathonKit.Criterion c : s.kit().rubric()) {
            Integer v = scores.get(c.id());
            if (v == null) {
                return Decision.reject("invalid", "Notez chaque critère, y compris « " + c.label() + " ».");
            }
            if (v < SCORE_MIN || v > SCORE_MAX) {
                return Decision.reject("invalid", "Chaque note va de " + SCORE_MIN + " à " + SCORE_MAX + ".");
            }
            clean.put(c.id(), v);
        }
        if (scores.size() != clean.size()) {
            return Decision.reject("invalid", "Critère inconnu dans la grille.");
        }
        boolean jury = seat != null;
        String voter = jury ? seat.id() : me;
        Ballot current = s.ballots().get(Ballot.key(jury, voter, sc.teamId()));
        if (current != null && current.scores().equals(clean)) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Scored(voter, jury, me, sc.teamId(), clean, at));
    }

    /** SHA-256 in lower-case hex: what the console sends for a jury link's token. */
    public static String sha256(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> members(HackathonState s, String teamId) {
        return s.teams().team(teamId).map(Teams.Team::members).orElse(List.of());
    }

    // ---- evolve -------------------------------------------------------------------------------------------

    @Override
    public HackathonState evolve(HackathonState s, HackathonEvent e) {
        if (e instanceof FieldEdited f) {
            TeamWork w = s.workOf(f.teamId()).withField(f.field(), new FieldValue(f.text(), f.rev(), f.by(), f.at()));
            return s.withWork(f.teamId(), w.withPresence(f.by(), new Presence(f.field(), f.at() + PRESENCE_MS)));
        }
        if (e instanceof PresenceChanged p) {
            Presence presence = p.field() == null ? null : new Presence(p.field(), p.until());
            return s.withWork(p.teamId(), s.workOf(p.teamId()).withPresence(p.participantId(), presence));
        }
        if (e instanceof IdeaAdded a) {
            TeamWork w = s.workOf(a.teamId());
            return s.withWork(a.teamId(), w.withIdeas(HackathonState.append(w.ideas(), new Idea(a.ideaId(), a.text(), a.by(), a.at(), List.of()))))
                    .withIdeaCount(s.ideaCount() + 1);
        }
        if (e instanceof IdeaRemoved r) {
            TeamWork w = s.workOf(r.teamId());
            return s.withWork(r.teamId(), w.withIdeas(w.ideas().stream().filter(i -> !i.id().equals(r.ideaId())).toList()));
        }
        if (e instanceof DotChanged d) {
            TeamWork w = s.workOf(d.teamId());
            List<Idea> ideas = new ArrayList<>();
            for (Idea i : w.ideas()) {
                if (i.id().equals(d.ideaId())) {
                    List<String> dots = new ArrayList<>(i.dots());
                    dots.remove(d.participantId());
                    if (d.on()) {
                        dots.add(d.participantId());
                    }
                    i = new Idea(i.id(), i.text(), i.by(), i.at(), dots);
                }
                ideas.add(i);
            }
            return s.withWork(d.teamId(), w.withIdeas(ideas));
        }
        if (e instanceof Scored sc) {
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            Ballot b = new Ballot(sc.voter(), sc.jury(), sc.teamId(), sc.scores(), sc.at());
            ballots.put(b.key(), b);
            return s.withBallots(ballots);
        }
        if (e instanceof SetUp su) {
            HackathonState next = s.withKit(su.kit(), su.settings());
            for (Map.Entry<String, TeamWork> w : s.work().entrySet()) {
                String ch = w.getValue().challengeId();
                if (ch != null && su.kit().challenge(ch).isEmpty()) {
                    next = next.withWork(w.getKey(), w.getValue().withChallenge(null));
                }
            }
            return next;
        }
        if (e instanceof TeamCreated t) {
            return s.withTeams(s.teams().create(t.teamId(), t.name()));
        }
        if (e instanceof TeamRenamed t) {
            return s.withTeams(s.teams().rename(t.teamId(), t.name()));
        }
        if (e instanceof TeamRemoved t) {
            HackathonState next = s.withTeams(s.teams().remove(t.teamId())).withoutWork(t.teamId());
            return next.withPitch(next.pitchOrder().stream().filter(id -> !id.equals(t.teamId())).toList(),
                    t.teamId().equals(next.pitching()) ? null : next.pitching(), next.pitchDeadline(), next.pitchTimeUp(), next.pitched());
        }
        if (e instanceof MemberJoined j) {
            return dropPresence(s, j.participantId()).withTeams(s.teams().join(j.participantId(), j.teamId()));
        }
        if (e instanceof MemberLeft l) {
            return dropPresence(s, l.participantId()).withTeams(s.teams().leave(l.participantId()));
        }
        if (e instanceof TeamsBalanced b) {
            Teams t = s.teams();
            for (NewTeam n : b.created()) {
                t = t.create(n.id(), n.name());
            }
            return s.withTeams(t.assign(b.assignment()));
        }
        if (e instanceof ChallengeChosen c) {
            return s.withWork(c.teamId(), s.workOf(c.teamId()).withChallenge(c.challengeId()));
        }
        if (e instanceof StageChanged sc) {
            HackathonState next = s.withStage(sc.stage(), sc.at(), sc.deadline(), sc.pitchOrder() == null ? s.pitchOrder() : sc.pitchOrder());
            if (sc.stage().ordinal() >= Stage.PITCH.ordinal()) {
                // Canvases are frozen: nobody is writing any more.
                for (Map.Entry<String, TeamWork> w : next.work().entrySet()) {
                    if (!w.getValue().presence().isEmpty()) {
                        TeamWork v = w.getValue();
                        next = next.withWork(w.getKey(), new TeamWork(v.challengeId(), v.fields(), v.ideas(), Map.of()));
                    }
                }
            }
            return next;
        }
        if (e instanceof DeadlineExtended d) {
            if ("pitch".equals(d.what())) {
                return s.withPitch(s.pitchOrder(), s.pitching(), d.deadline(), false, s.pitched());
            }
            return s.withDeadline(d.deadline(), false);
        }
        if (e instanceof TimeUp t) {
            if ("pitch".equals(t.what())) {
                return s.withPitch(s.pitchOrder(), s.pitching(), s.pitchDeadline(), true, s.pitched());
            }
            return s.withDeadline(s.deadline(), true);
        }
        if (e instanceof PitchOrderSet po) {
            return s.withPitch(po.order(), s.pitching(), s.pitchDeadline(), s.pitchTimeUp(), s.pitched());
        }
        if (e instanceof PitchStarted p) {
            List<String> done = p.teamId() == null || s.pitched().contains(p.teamId()) ? s.pitched()
                    : HackathonState.append(s.pitched(), p.teamId());
            return s.withPitch(s.pitchOrder(), p.teamId(), p.deadline(), false, done);
        }
        if (e instanceof JuryInvited j) {
            return s.withJury(HackathonState.append(s.jury(), new JurySeat(j.seatId(), j.label(), j.tokenHash(), null, j.at())),
                    s.seatCount() + 1, s.ballots());
        }
        if (e instanceof JuryRevoked r) {
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            ballots.values().removeIf(b -> b.jury() && b.voter().equals(r.seatId()));
            return s.withJury(s.jury().stream().filter(j -> !j.id().equals(r.seatId())).toList(), s.seatCount(), ballots);
        }
        if (e instanceof JuryClaimed c) {
            List<JurySeat> seats = new ArrayList<>();
            for (JurySeat j : s.jury()) {
                if (j.id().equals(c.seatId())) {
                    seats.add(new JurySeat(j.id(), j.label(), j.tokenHash(), c.participantId(), j.at()));
                } else if (c.participantId().equals(j.holder())) {
                    seats.add(new JurySeat(j.id(), j.label(), j.tokenHash(), null, j.at()));
                } else {
                    seats.add(j);
                }
            }
            // A juror is nobody's teammate and casts no public vote.
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            ballots.values().removeIf(b -> !b.jury() && b.voter().equals(c.participantId()));
            HackathonState next = dropPresence(s, c.participantId());
            return next.withTeams(next.teams().leave(c.participantId())).withJury(seats, s.seatCount(), ballots);
        }
        throw new IllegalStateException("unknown event " + e);
    }

    private static HackathonState dropPresence(HackathonState s, String participantId) {
        String team = s.teams().teamIdOf(participantId);
        if (team == null || !s.workOf(team).presence().containsKey(participantId)) {
            return s;
        }
        return s.withWork(team, s.workOf(team).withPresence(participantId, null));
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
    public HackathonCommand expire(HackathonState s, Instant deadline) {
        return new Expire(deadline.toEpochMilli());
    }

    @Override
    public Object view(HackathonState s, Roster roster, Audience audience) {
        return HackathonViews.view(s, roster, audience);
    }

    @Override
    public Object results(HackathonState s, Roster roster) {
        return HackathonViews.results(s, roster);
    }
}
