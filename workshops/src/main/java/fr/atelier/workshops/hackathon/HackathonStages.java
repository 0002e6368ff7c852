package fr.atelier.workshops.hackathon;

import static fr.atelier.workshops.hackathon.HackathonFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonCommand.Advance;
import fr.atelier.workshops.hackathon.HackathonCommand.Extend;
import fr.atelier.workshops.hackathon.HackathonCommand.Pitch;
import fr.atelier.workshops.hackathon.HackathonCommand.PitchOrder;
import fr.atelier.workshops.hackathon.HackathonEvent.DeadlineExtended;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchOrderSet;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchStarted;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.StageChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.TimeUp;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The hackathon's day: stages, countdowns, time up and the pitches' running order. */
final class HackathonStages {
    private HackathonStages() {}

    // ---- the day's stages and timers ------------------------------------------------------------------

    static Decision<HackathonEvent> advance(HackathonState s, Roster roster, Advance a, long at) {
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

    static Decision<HackathonEvent> extend(HackathonState s, Extend e, long at) {
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

    static Decision<HackathonEvent> timeUp(HackathonState s, long due) {
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

    static Decision<HackathonEvent> pitchOrder(HackathonState s, PitchOrder po, long at) {
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

    static Decision<HackathonEvent> pitch(HackathonState s, Pitch p, long at) {
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
}
