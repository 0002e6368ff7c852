package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.AddAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.EditProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.HideProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Propose;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetStage;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Settings;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UpdateAction;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionAdded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionUpdated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Proposed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Revealed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.SettingsChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import fr.atelier.workshops.prioritisation.PrioritisationState.VoteSettings;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Proposals, stages, the vote's settings and reveal, and the action plan. */
final class PrioritisationVoting {
    private PrioritisationVoting() {}

    // ---- proposals and vote -----------------------------------------------------------------

    static Decision<PrioritisationEvent> propose(PrioritisationState s, Propose p, long at) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont dévoilés : la liste des propositions est figée.");
        }
        Contribution from = null;
        if (p.contributionId() != null) {
            from = s.contributions().get(p.contributionId());
            if (from == null) {
                return notFoundContribution();
            }
            for (Proposal existing : s.proposals().values()) {
                if (!existing.hidden() && from.id().equals(existing.contributionId())) {
                    return Decision.reject("invalid", "Cette contribution est déjà une proposition.");
                }
            }
        }
        String text = Text.isBlank(p.text()) && from != null ? from.text() : Text.clean(p.text());
        Decision<PrioritisationEvent> badText = badText(text, "Une proposition");
        if (badText != null) {
            return badText;
        }
        String themeId = p.themeId() == null && from != null ? s.root(from).themeId() : p.themeId();
        if (themeId != null && (s.themes().get(themeId) == null || s.themes().get(themeId).removed())) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        if (s.proposals().size() >= PROPOSALS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + PROPOSALS_MAX + " propositions.");
        }
        return Decision.accept(new Proposed(s.nextId("p"), text, themeId, from == null ? null : from.id(),
                from == null ? "facilitator" : "participant", from == null ? null : from.profile(), at));
    }

    static Decision<PrioritisationEvent> editProposal(PrioritisationState s, EditProposal e, long at) {
        Proposal p = s.proposals().get(e.proposalId());
        if (p == null) {
            return notFoundProposal();
        }
        String text = e.text() == null ? p.text() : Text.clean(e.text());
        Decision<PrioritisationEvent> badText = badText(text, "Une proposition");
        if (badText != null) {
            return badText;
        }
        if (e.themeId() != null && (s.themes().get(e.themeId()) == null || s.themes().get(e.themeId()).removed())) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        if (text.equals(p.text()) && java.util.Objects.equals(e.themeId(), p.themeId())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ProposalEdited(p.id(), text, e.themeId(), at));
    }

    static Decision<PrioritisationEvent> hideProposal(PrioritisationState s, HideProposal h, long at) {
        Proposal p = s.proposals().get(h.proposalId());
        if (p == null) {
            return notFoundProposal();
        }
        if (h.hidden() == null) {
            return Decision.reject("invalid", "Précisez s'il faut retirer ou remettre la proposition.");
        }
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont dévoilés : la liste des propositions est figée.");
        }
        return p.hidden() == h.hidden() ? Decision.accept(List.of()) : Decision.accept(new ProposalHidden(p.id(), h.hidden(), at));
    }

    static Decision<PrioritisationEvent> setStage(PrioritisationState s, SetStage st, long at) {
        Stage stage;
        try {
            stage = Stage.valueOf(st.stage() == null ? "" : st.stage().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Decision.reject("invalid", "Étape inconnue.");
        }
        if (stage == s.stage()) {
            return Decision.accept(List.of());
        }
        if (stage == Stage.VOTE) {
            if (s.revealed()) {
                return Decision.reject("wrong_phase", "Le vote est terminé : ses résultats sont dévoilés.");
            }
            if (s.proposals().values().stream().noneMatch(s::visible)) {
                return Decision.reject("wrong_phase", "Ajoutez au moins une proposition avant d'ouvrir le vote.");
            }
        }
        if (stage == Stage.RESULTS && !s.revealed()) {
            return Decision.reject("wrong_phase", "Dévoilez d'abord les résultats du vote.");
        }
        return Decision.accept(new StageChanged(stage, at));
    }

    static Decision<PrioritisationEvent> settings(PrioritisationState s, Settings st, long at) {
        if (st.budget() == null || st.budget() < 1 || st.budget() > BUDGET_MAX) {
            return Decision.reject("invalid", "Chaque participant dispose de 1 à " + BUDGET_MAX + " gommettes.");
        }
        if (st.maxPerProposal() == null || st.maxPerProposal() < 1 || st.maxPerProposal() > st.budget()) {
            return Decision.reject("invalid", "Le nombre de gommettes par proposition va de 1 au nombre total de gommettes.");
        }
        if (st.ratings() == null) {
            return Decision.reject("invalid", "Précisez si l'impact et la faisabilité sont notés.");
        }
        VoteSettings wanted = new VoteSettings(st.budget(), st.maxPerProposal(), st.ratings());
        if (wanted.equals(s.settings())) {
            return Decision.accept(List.of());
        }
        if (s.revealed() || s.anyDots()) {
            return Decision.reject("wrong_phase", "Des votes sont déjà enregistrés : les règles du vote ne changent plus.");
        }
        return Decision.accept(new SettingsChanged(wanted.budget(), wanted.maxPerProposal(), wanted.ratings(), at));
    }

    static Decision<PrioritisationEvent> reveal(PrioritisationState s, long at) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont déjà dévoilés.");
        }
        if (s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Ouvrez d'abord le vote.");
        }
        return Decision.accept(new Revealed(at), new StageChanged(Stage.RESULTS, at));
    }

    // ---- action plan ------------------------------------------------------------------------

    static Decision<PrioritisationEvent> addAction(PrioritisationState s, AddAction a, long at) {
        Proposal p = null;
        if (a.proposalId() != null) {
            p = s.proposals().get(a.proposalId());
            if (p == null) {
                return notFoundProposal();
            }
            for (Action existing : s.actions().values()) {
                if (!existing.removed() && p.id().equals(existing.proposalId())) {
                    return Decision.reject("invalid", "Cette proposition est déjà au plan d'action.");
                }
            }
        }
        String title = Text.isBlank(a.title()) && p != null ? p.text() : Text.clean(a.title());
        String lead = emptyToNull(Text.clean(a.lead()));
        String deadline = emptyToNull(a.deadline());
        String problem = problemWithAction(title, lead, deadline, "planned");
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        if (s.liveActions() >= ACTIONS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + ACTIONS_MAX + " actions dans un plan.");
        }
        return Decision.accept(new ActionAdded(s.nextId("a"), p == null ? null : p.id(), title, lead, deadline, "planned", at));
    }

    static Decision<PrioritisationEvent> updateAction(PrioritisationState s, UpdateAction u, long at) {
        Action a = s.actions().get(u.actionId());
        if (a == null || a.removed()) {
            return notFoundAction();
        }
        String title = Text.clean(u.title());
        String lead = emptyToNull(Text.clean(u.lead()));
        String deadline = emptyToNull(u.deadline());
        String status = u.status() == null ? a.status() : u.status();
        String problem = problemWithAction(title, lead, deadline, status);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        if (title.equals(a.title()) && java.util.Objects.equals(lead, a.lead()) && java.util.Objects.equals(deadline, a.deadline())
                && status.equals(a.status())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ActionUpdated(a.id(), title, lead, deadline, status, at));
    }

    static String problemWithAction(String title, String lead, String deadline, String status) {
        if (title.isEmpty() || length(title) > TEXT_MAX) {
            return "L'intitulé d'une action fait de 1 à " + TEXT_MAX + " caractères.";
        }
        if (lead != null && length(lead) > LEAD_MAX) {
            return "Le partenaire pilote tient en " + LEAD_MAX + " caractères.";
        }
        String d = problemWithDeadline(deadline);
        if (d != null) {
            return d;
        }
        if (!Vocabulary.STATUSES.containsKey(status)) {
            return "Statut inconnu : à lancer, en cours, réalisée ou abandonnée.";
        }
        return null;
    }

    static String problemWithDeadline(String deadline) {
        if (deadline == null || deadline.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(deadline);
            if (d.getYear() < 2000 || d.getYear() > 2100 || !deadline.equals(d.toString())) {
                return "Échéance invalide.";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "Échéance invalide : une date au format AAAA-MM-JJ.";
        }
    }
}
