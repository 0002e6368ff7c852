package fr.atelier.workshops.hackathon;

import static fr.atelier.workshops.hackathon.HackathonFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.hackathon.HackathonCommand.AddIdea;
import fr.atelier.workshops.hackathon.HackathonCommand.Dot;
import fr.atelier.workshops.hackathon.HackathonCommand.Edit;
import fr.atelier.workshops.hackathon.HackathonCommand.Focus;
import fr.atelier.workshops.hackathon.HackathonCommand.RemoveIdea;
import fr.atelier.workshops.hackathon.HackathonEvent.DotChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.FieldEdited;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaAdded;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.util.List;
import java.util.Map;

/** A team's workspace: canvases edited by several phones, ideas and dots. */
final class HackathonWork {
    private HackathonWork() {}

    // ---- workspace --------------------------------------------------------------------------------------

    /** Null when the field can be written now, else why not (French). */
    static String problemWriting(HackathonState s, Canvas.Field f) {
        if (s.atLeast(Stage.PITCH)) {
            return "Les canevas sont figés : place aux pitchs.";
        }
        if (Canvas.SOLUTION.equals(f.canvas())) {
            return s.stage() == Stage.BUILD ? null : "Le canevas solution s'ouvre à la phase Construire.";
        }
        return s.atLeast(Stage.UNDERSTAND) ? null : "Les canevas s'ouvrent à la phase Comprendre.";
    }

    /** Why a participant of {@code team} cannot write {@code field} now (no team, unknown field, wrong phase), or null. */
    private static Decision<HackathonEvent> cannotWrite(HackathonState s, String team, Canvas.Field field) {
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez une équipe pour écrire dans ses canevas.");
        }
        if (field == null) {
            return Decision.reject("not_found", "Champ inconnu.");
        }
        String problem = problemWriting(s, field);
        return problem == null ? null : Decision.reject("wrong_phase", problem);
    }

    static Decision<HackathonEvent> focus(HackathonState s, String me, Focus f, long at) {
        String team = s.teams().teamIdOf(me);
        Canvas.Field field = f.field() == null ? null : Canvas.field(f.field()).orElse(null);
        Decision<HackathonEvent> refused = cannotWrite(s, team, field);
        if (refused != null) {
            return refused;
        }
        Presence current = s.workOf(team).presence().get(me);
        // A phone re-announces itself while someone types: only record it when it changes something.
        if (current != null && current.field().equals(field.id()) && current.until() - at > PRESENCE_MS / 2) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new PresenceChanged(team, me, field.id(), at + PRESENCE_MS, false, at, members(s, team)));
    }

    static Decision<HackathonEvent> edit(HackathonState s, Roster roster, String me, Edit e, long at) {
        String team = s.teams().teamIdOf(me);
        Canvas.Field field = e.field() == null ? null : Canvas.field(e.field()).orElse(null);
        Decision<HackathonEvent> refused = cannotWrite(s, team, field);
        if (refused != null) {
            return refused;
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

    /** Ideas need a team and the Imagine (or Build) phase: the refusal saying which is missing, or null. */
    private static Decision<HackathonEvent> notImagining(HackathonState s, String team, String noTeam, String wrongPhase) {
        if (team == null) {
            return Decision.reject("forbidden", noTeam);
        }
        return s.stage() == Stage.IMAGINE || s.stage() == Stage.BUILD ? null : Decision.reject("wrong_phase", wrongPhase);
    }

    static Decision<HackathonEvent> addIdea(HackathonState s, String me, AddIdea a, long at) {
        String team = s.teams().teamIdOf(me);
        Decision<HackathonEvent> refused = notImagining(s, team, "Rejoignez une équipe pour proposer des idées.", "Les idées se proposent pendant la phase Imaginer.");
        if (refused != null) {
            return refused;
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

    static Decision<HackathonEvent> removeIdea(HackathonState s, String me, RemoveIdea r, long at) {
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

    static Decision<HackathonEvent> dot(HackathonState s, String me, Dot d, long at) {
        String team = s.teams().teamIdOf(me);
        Decision<HackathonEvent> refused = notImagining(s, team, "Rejoignez une équipe pour voter pour ses idées.", "Le vote par gommettes a lieu pendant la phase Imaginer.");
        if (refused != null) {
            return refused;
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
}
