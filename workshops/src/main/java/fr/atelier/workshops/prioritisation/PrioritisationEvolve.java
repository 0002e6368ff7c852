package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormat.*;

import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionAdded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionUpdated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionMerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionUnmerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProjectLoaded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Proposed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Rated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Revealed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.SettingsChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRenamed;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.PrioritisationState.VoteSettings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The prioritisation's evolve: applies facts, decides nothing. */
final class PrioritisationEvolve {
    private PrioritisationEvolve() {}

    // ---- evolve -----------------------------------------------------------------------------

    static PrioritisationState evolve(PrioritisationState s, PrioritisationEvent e) {
        if (e instanceof ProjectLoaded p) {
            Map<String, Contribution> c = new LinkedHashMap<>();
            p.contributions().forEach(x -> c.put(x.id(), x));
            Map<String, Theme> t = new LinkedHashMap<>();
            p.themes().forEach(x -> t.put(x.id(), x));
            Map<String, Proposal> pr = new LinkedHashMap<>();
            p.proposals().forEach(x -> pr.put(x.id(), x));
            Map<String, Action> a = new LinkedHashMap<>();
            p.actions().forEach(x -> a.put(x.id(), x));
            return s.loaded(p.project(), p.tag(), c, t, pr, a);
        }
        if (e instanceof PrioritisationEvent.VocabularyChosen v) {
            return s.withVocabulary(v.vocabulary());
        }
        if (e instanceof ProfileChosen p) {
            return s.withProfile(p.participantId(), p.profile());
        }
        if (e instanceof Contributed k) {
            return s.withContribution(new Contribution(k.contributionId(), k.profile(), k.kind(), k.category(), k.text(), false, null,
                    null, false, k.at(), k.at()), k.participantId(), true);
        }
        if (e instanceof ContributionHidden h) {
            Contribution c = s.contributions().get(h.contributionId());
            PrioritisationState out = s.withContribution(new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), h.hidden(),
                    c.mergedInto(), c.themeId(), c.earlier(), c.createdAt(), h.at()), null, false);
            return s.pending(c.id()) ? out.withApproval(out.approval().with(c.id(), false)) : out;
        }
        if (e instanceof PrioritisationEvent.ContributionHeld held) {
            Contribution c = s.contributions().get(held.contributionId());
            PrioritisationState out = s.withContribution(new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), true,
                    c.mergedInto(), c.themeId(), c.earlier(), c.createdAt(), held.at()), null, false);
            return out.withApproval(out.approval().with(c.id(), true));
        }
        if (e instanceof PrioritisationEvent.ApprovalHoldSet set) {
            return s.withApproval(s.approval().holding(set.hold()));
        }
        if (e instanceof ContributionEdited ed) {
            Contribution c = s.contributions().get(ed.contributionId());
            return s.withContribution(new Contribution(c.id(), c.profile(), ed.kind(), ed.category(), ed.text(), c.hidden(), c.mergedInto(),
                    c.themeId(), c.earlier(), c.createdAt(), ed.at()), null, false);
        }
        if (e instanceof ContributionMerged m) {
            Map<String, Contribution> all = new LinkedHashMap<>(s.contributions());
            Set<String> changed = new LinkedHashSet<>();
            for (Contribution c : s.contributions().values()) {
                if (c.id().equals(m.contributionId()) || m.contributionId().equals(c.mergedInto())) {
                    all.put(c.id(), new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), m.intoId(),
                            c.themeId(), c.earlier(), c.createdAt(), m.at()));
                    changed.add(c.id());
                }
            }
            return s.withContributions(all, changed);
        }
        if (e instanceof ContributionUnmerged u) {
            Contribution c = s.contributions().get(u.contributionId());
            return s.withContribution(new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), null,
                    c.themeId(), c.earlier(), c.createdAt(), u.at()), null, false);
        }
        if (e instanceof ThemeCreated t) {
            return s.withTheme(new Theme(t.themeId(), t.name(), false, false, t.at(), t.at()), true);
        }
        if (e instanceof ThemeRenamed t) {
            Theme old = s.themes().get(t.themeId());
            return s.withTheme(new Theme(old.id(), t.name(), false, old.earlier(), old.createdAt(), t.at()), false);
        }
        if (e instanceof Grouped g) {
            Map<String, Contribution> all = new LinkedHashMap<>(s.contributions());
            for (String id : g.contributionIds()) {
                Contribution c = all.get(id);
                all.put(id, new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), c.mergedInto(),
                        g.themeId(), c.earlier(), c.createdAt(), g.at()));
            }
            return s.withContributions(all, new LinkedHashSet<>(g.contributionIds()));
        }
        if (e instanceof ThemeRemoved r) {
            Theme old = s.themes().get(r.themeId());
            PrioritisationState next = s.withTheme(new Theme(old.id(), old.name(), true, old.earlier(), old.createdAt(), r.at()), false);
            Map<String, Contribution> all = new LinkedHashMap<>(next.contributions());
            Set<String> changed = new LinkedHashSet<>();
            for (Contribution c : next.contributions().values()) {
                if (r.themeId().equals(c.themeId())) {
                    all.put(c.id(), new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), c.mergedInto(),
                            null, c.earlier(), c.createdAt(), r.at()));
                    changed.add(c.id());
                }
            }
            next = next.withContributions(all, changed);
            Map<String, Proposal> proposals = new LinkedHashMap<>(next.proposals());
            Set<String> changedProposals = new LinkedHashSet<>();
            for (Proposal p : next.proposals().values()) {
                if (r.themeId().equals(p.themeId())) {
                    proposals.put(p.id(), new Proposal(p.id(), p.text(), null, p.contributionId(), p.source(), p.profile(), p.hidden(),
                            p.earlier(), p.createdAt(), r.at()));
                    changedProposals.add(p.id());
                }
            }
            return next.withProposals(proposals, changedProposals);
        }
        if (e instanceof Proposed p) {
            return s.withProposal(new Proposal(p.proposalId(), p.text(), p.themeId(), p.contributionId(), p.source(), p.profile(), false,
                    false, p.at(), p.at()), true);
        }
        if (e instanceof ProposalEdited pe) {
            Proposal p = s.proposals().get(pe.proposalId());
            return s.withProposal(new Proposal(p.id(), pe.text(), pe.themeId(), p.contributionId(), p.source(), p.profile(), p.hidden(),
                    p.earlier(), p.createdAt(), pe.at()), false);
        }
        if (e instanceof ProposalHidden ph) {
            Proposal p = s.proposals().get(ph.proposalId());
            return s.withProposal(new Proposal(p.id(), p.text(), p.themeId(), p.contributionId(), p.source(), p.profile(), ph.hidden(),
                    p.earlier(), p.createdAt(), ph.at()), false);
        }
        if (e instanceof StageChanged st) {
            return s.withStage(st.stage());
        }
        if (e instanceof SettingsChanged sc) {
            return s.withSettings(new VoteSettings(sc.budget(), sc.maxPerProposal(), sc.ratings()));
        }
        if (e instanceof DotsPlaced d) {
            Ballot b = s.ballot(d.participantId(), d.proposalId());
            return s.withBallot(d.participantId(), d.proposalId(), new Ballot(d.dots(), b.impact(), b.feasibility()));
        }
        if (e instanceof Rated r) {
            Ballot b = s.ballot(r.participantId(), r.proposalId());
            return s.withBallot(r.participantId(), r.proposalId(), new Ballot(b.dots(), r.impact(), r.feasibility()));
        }
        if (e instanceof Revealed) {
            return s.withRevealed();
        }
        if (e instanceof ActionAdded a) {
            return s.withAction(new Action(a.actionId(), a.proposalId(), a.title(), a.lead(), a.deadline(), a.status(), false, false,
                    a.at(), a.at()), true);
        }
        if (e instanceof ActionUpdated u) {
            Action a = s.actions().get(u.actionId());
            return s.withAction(new Action(a.id(), a.proposalId(), u.title(), u.lead(), u.deadline(), u.status(), false, a.earlier(),
                    a.createdAt(), u.at()), false);
        }
        if (e instanceof ActionRemoved r) {
            Action a = s.actions().get(r.actionId());
            return s.withAction(new Action(a.id(), a.proposalId(), a.title(), a.lead(), a.deadline(), a.status(), true, a.earlier(),
                    a.createdAt(), r.at()), false);
        }
        throw new IllegalStateException("unknown event " + e);
    }
}
