package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormat.*;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Contribute;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Edit;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Hide;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Merge;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Rate;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetProfile;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Vote;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionMerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Rated;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import java.util.List;

/** What participants do (profile, contributions, dots, ratings) and the facilitator's moderation of contributions. */
final class PrioritisationContributions {
    private PrioritisationContributions() {}

    // ---- participants ----------------------------------------------------------------------

    static Decision<PrioritisationEvent> setProfile(PrioritisationState s, Actor who, SetProfile p, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants choisissent un profil.");
        }
        String profile = p.profile() == null ? Vocabulary.UNSPECIFIED : p.profile();
        if (!Vocabulary.isProfile(profile)) {
            return Decision.reject("invalid", "Profil inconnu.");
        }
        if (profile.equals(s.profiles().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ProfileChosen(me.id(), profile, at));
    }

    static Decision<PrioritisationEvent> contribute(PrioritisationState s, Actor who, Contribute k, long at) {
        String author;
        String profile;
        if (who instanceof Actor.Participant me) {
            if (s.stage() != Stage.COLLECT) {
                return Decision.reject("wrong_phase", "La collecte des contributions est fermée pour le moment.");
            }
            if (k.profile() != null) {
                return Decision.reject("invalid", "Votre profil se choisit une fois pour toutes, pas à chaque contribution.");
            }
            if (s.contributionsBy(me.id()) >= PER_PARTICIPANT_MAX) {
                return Decision.reject("invalid", "Vous avez atteint " + PER_PARTICIPANT_MAX + " contributions : merci pour votre participation !");
            }
            author = me.id();
            profile = s.profileOf(me.id());
        } else if (who instanceof Actor.Facilitator) {
            author = null;
            profile = k.profile() == null ? Vocabulary.UNSPECIFIED : k.profile();
            if (!Vocabulary.isProfile(profile)) {
                return Decision.reject("invalid", "Profil inconnu.");
            }
        } else {
            return Decision.reject("forbidden", "Rejoignez la session pour contribuer.");
        }
        String text = Text.clean(k.text());
        Decision<PrioritisationEvent> badText = badText(text, "Une contribution");
        if (badText != null) {
            return badText;
        }
        if (!Vocabulary.KINDS.containsKey(k.kind())) {
            return Decision.reject("invalid", "Choisissez le type de contribution : représentation, vécu, difficulté ou proposition.");
        }
        if (!Vocabulary.CATEGORIES.containsKey(k.category())) {
            return Decision.reject("invalid", "Choisissez une catégorie : conditions de travail, recrutement, communication, valorisation ou autre.");
        }
        if (s.contributions().size() >= CONTRIBUTIONS_MAX) {
            return Decision.reject("invalid", "Le mur est plein (" + CONTRIBUTIONS_MAX + " contributions).");
        }
        String id = s.nextId("c");
        Contributed contributed = new Contributed(id, author, profile, k.kind(), k.category(), text, at);
        if (author != null && s.approval().hold()) {
            return Decision.accept(contributed, new PrioritisationEvent.ContributionHeld(id, at));
        }
        return Decision.accept(contributed);
    }

    static Decision<PrioritisationEvent> vote(PrioritisationState s, Actor who, Vote v, long at) {
        Decision<PrioritisationEvent> refused = cannotVote(s, who);
        if (refused != null) {
            return refused;
        }
        Actor.Participant me = (Actor.Participant) who;
        Proposal p = s.proposals().get(v.proposalId());
        if (!s.visible(p)) {
            return Decision.reject("not_found", "Cette proposition n'est plus soumise au vote.");
        }
        int max = s.settings().maxPerProposal();
        if (v.dots() == null || v.dots() < 0 || v.dots() > max) {
            return Decision.reject("invalid", "De 0 à " + max + " gommette(s) par proposition.");
        }
        int current = s.ballot(me.id(), p.id()).dots();
        if (v.dots() == current) {
            return Decision.accept(List.of());
        }
        int left = s.settings().budget() - s.dotsUsed(me.id()) + current;
        if (v.dots() > current && v.dots() > left) {
            return Decision.reject("invalid", left <= 0 ? "Vous avez placé toutes vos gommettes : retirez-en une ailleurs d'abord."
                    : "Il ne vous reste que " + left + " gommette(s).");
        }
        return Decision.accept(new DotsPlaced(me.id(), p.id(), v.dots(), at));
    }

    static Decision<PrioritisationEvent> rate(PrioritisationState s, Actor who, Rate r, long at) {
        Decision<PrioritisationEvent> refused = cannotVote(s, who);
        if (refused != null) {
            return refused;
        }
        Actor.Participant me = (Actor.Participant) who;
        if (!s.settings().ratings()) {
            return Decision.reject("wrong_phase", "L'impact et la faisabilité ne sont pas notés dans ce vote.");
        }
        Proposal p = s.proposals().get(r.proposalId());
        if (!s.visible(p)) {
            return Decision.reject("not_found", "Cette proposition n'est plus soumise au vote.");
        }
        if (!ratingOk(r.impact()) || !ratingOk(r.feasibility())) {
            return Decision.reject("invalid", "Les notes vont de " + RATING_MIN + " à " + RATING_MAX + ".");
        }
        Ballot b = s.ballot(me.id(), p.id());
        if (java.util.Objects.equals(b.impact(), r.impact()) && java.util.Objects.equals(b.feasibility(), r.feasibility())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Rated(me.id(), p.id(), r.impact(), r.feasibility(), at));
    }

    /** Why {@code who} may not vote now (not a participant, or the vote is not open), or null. */
    private static Decision<PrioritisationEvent> cannotVote(PrioritisationState s, Actor who) {
        if (!(who instanceof Actor.Participant)) {
            return Decision.reject("forbidden", "Seuls les participants votent.");
        }
        return voteClosed(s);
    }

    static Decision<PrioritisationEvent> voteClosed(PrioritisationState s) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Trop tard : les résultats du vote sont dévoilés.");
        }
        if (s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Le vote n'est pas ouvert.");
        }
        return null;
    }

    static boolean ratingOk(Integer r) {
        return r == null || (r >= RATING_MIN && r <= RATING_MAX);
    }

    // ---- moderation -------------------------------------------------------------------------

    static Decision<PrioritisationEvent> hide(PrioritisationState s, Hide h, long at) {
        Contribution c = s.contributions().get(h.contributionId());
        if (c == null) {
            return notFoundContribution();
        }
        if (h.hidden() == null) {
            return Decision.reject("invalid", "Précisez s'il faut masquer ou réafficher la contribution.");
        }
        if (s.pending(c.id())) {
            // Out of the approval queue either way: shown (approved) or hidden for good.
            return Decision.accept(new ContributionHidden(c.id(), h.hidden(), at));
        }
        return c.hidden() == h.hidden() ? Decision.accept(List.of()) : Decision.accept(new ContributionHidden(c.id(), h.hidden(), at));
    }

    static Decision<PrioritisationEvent> setApprovalHold(PrioritisationState s, PrioritisationCommand.SetApprovalHold h, long at) {
        if (h.hold() == null) {
            return Decision.reject("invalid", "Précisez s'il faut retenir les contributions pour validation.");
        }
        return h.hold() == s.approval().hold() ? Decision.accept(List.of()) : Decision.accept(new PrioritisationEvent.ApprovalHoldSet(h.hold(), at));
    }

    static Decision<PrioritisationEvent> edit(PrioritisationState s, Edit e, long at) {
        Contribution c = s.contributions().get(e.contributionId());
        if (c == null) {
            return notFoundContribution();
        }
        String text = e.text() == null ? c.text() : Text.clean(e.text());
        Decision<PrioritisationEvent> badText = badText(text, "Une contribution");
        if (badText != null) {
            return badText;
        }
        String kind = e.kind() == null ? c.kind() : e.kind();
        String category = e.category() == null ? c.category() : e.category();
        if (!Vocabulary.KINDS.containsKey(kind) || !Vocabulary.CATEGORIES.containsKey(category)) {
            return Decision.reject("invalid", "Type ou catégorie inconnus.");
        }
        if (text.equals(c.text()) && kind.equals(c.kind()) && category.equals(c.category())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ContributionEdited(c.id(), text, kind, category, at));
    }

    static Decision<PrioritisationEvent> merge(PrioritisationState s, Merge m, long at) {
        Contribution c = s.contributions().get(m.contributionId());
        Contribution into = s.contributions().get(m.intoId());
        if (c == null || into == null) {
            return notFoundContribution();
        }
        into = s.root(into);
        if (into.id().equals(c.id())) {
            return Decision.reject("invalid", "Une contribution ne peut pas être fusionnée avec elle-même.");
        }
        if (into.id().equals(c.mergedInto())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ContributionMerged(c.id(), into.id(), at));
    }
}
