package fr.atelier.workshops.prioritisation;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.CommandRules;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.AddAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Contribute;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.CreateTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Edit;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.EditProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Group;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Hide;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.HideProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Merge;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Propose;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Rate;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RemoveAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RemoveTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RenameTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Reveal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetProfile;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetStage;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Settings;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Unmerge;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UpdateAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UseProject;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Vote;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionUnmerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Rated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Dessine-moi le travail" (SPRO action 5): a project on a job, a territory and a target public,
 * over one or more sessions. Participants share anonymous contributions; the facilitator moderates
 * them and groups them into themes; proposals are voted with dots and rated for impact and
 * feasibility; the revealed ranking feeds an action plan that later sessions of the project update.
 */
public final class PrioritisationFormat extends FormatBase<PrioritisationState, PrioritisationCommand, PrioritisationEvent> {
    public static final String ID = "prioritisation";
    public static final int TEXT_MAX = 280;
    public static final int THEME_NAME_MAX = 80;
    public static final int LEAD_MAX = 120;
    public static final int PER_PARTICIPANT_MAX = 30;
    public static final int CONTRIBUTIONS_MAX = 1500;
    public static final int THEMES_MAX = 100;
    public static final int PROPOSALS_MAX = 200;
    public static final int ACTIONS_MAX = 100;
    public static final int BUDGET_MAX = 20;
    public static final int SELECTION_MAX = 300;
    public static final int RATING_MIN = 1;
    public static final int RATING_MAX = 5;
    static final Pattern TAG = Pattern.compile("[a-z0-9]{3,12}");
    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int KEY_MIN = 16;
    static final int KEY_MAX = 100;
    static final String FORBIDDEN = "Seul l'animateur ou l'animatrice peut faire cela.";

    public PrioritisationFormat() {
        super(ID, "Dessine-moi le travail", PrioritisationState.class, PrioritisationCommand.class, PrioritisationEvent.class, PrioritisationState.INITIAL,
                PrioritisationViews::view, PrioritisationViews::results);
    }

    @Override
    public Decision<PrioritisationEvent> decide(PrioritisationState s, Roster roster, Actor who, PrioritisationCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof SetProfile p) {
            return PrioritisationContributions.setProfile(s, who, p, at);
        }
        if (c instanceof Contribute k) {
            return PrioritisationContributions.contribute(s, who, k, at);
        }
        if (c instanceof Vote v) {
            return PrioritisationContributions.vote(s, who, v, at);
        }
        if (c instanceof Rate r) {
            return PrioritisationContributions.rate(s, who, r, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", FORBIDDEN);
        }
        return FACILITATOR.decide(s, c, at);
    }

    /** The facilitator's commands and their rules. */
    private static final CommandRules<PrioritisationState, PrioritisationCommand, PrioritisationEvent> FACILITATOR =
            new CommandRules<PrioritisationState, PrioritisationCommand, PrioritisationEvent>()
                    .on(UseProject.class, PrioritisationProject::useProject)
                    .on(PrioritisationCommand.UseVocabulary.class, PrioritisationFormat::useVocabulary)
                    .on(Hide.class, PrioritisationContributions::hide)
                    .on(PrioritisationCommand.SetApprovalHold.class, PrioritisationContributions::setApprovalHold)
                    .on(Edit.class, PrioritisationContributions::edit)
                    .on(Merge.class, PrioritisationContributions::merge)
                    .on(Unmerge.class, PrioritisationFormat::unmerge)
                    .on(CreateTheme.class, PrioritisationThemes::createTheme)
                    .on(RenameTheme.class, PrioritisationThemes::renameTheme)
                    .on(Group.class, PrioritisationThemes::group)
                    .on(RemoveTheme.class, PrioritisationFormat::removeTheme)
                    .on(Propose.class, PrioritisationVoting::propose)
                    .on(EditProposal.class, PrioritisationVoting::editProposal)
                    .on(HideProposal.class, PrioritisationVoting::hideProposal)
                    .on(SetStage.class, PrioritisationVoting::setStage)
                    .on(Settings.class, PrioritisationVoting::settings)
                    .on(Reveal.class, (s, r, at) -> PrioritisationVoting.reveal(s, at))
                    .on(AddAction.class, PrioritisationVoting::addAction)
                    .on(UpdateAction.class, PrioritisationVoting::updateAction)
                    .on(RemoveAction.class, PrioritisationFormat::removeAction);

    private static Decision<PrioritisationEvent> useVocabulary(PrioritisationState s, PrioritisationCommand.UseVocabulary u, long at) {
        if (s.stage() != PrioritisationState.Stage.COLLECT || s.drawn() > 0) {
            return Decision.reject("wrong_phase", "Le vocabulaire se choisit avant les premières contributions.");
        }
        if (u.vocabulary() == null) {
            return Decision.reject("invalid", "Aucun vocabulaire reçu.");
        }
        List<fr.atelier.workshops.core.ContentLibrary.Problem> problems = PrioritisationLibrary.check(u.vocabulary());
        if (!problems.isEmpty()) {
            String first = problems.get(0).message();
            return Decision.reject("invalid", problems.size() == 1 ? "Vocabulaire invalide : " + first
                    : "Vocabulaire invalide (" + problems.size() + " problèmes) : " + first);
        }
        PrioritisationVocabulary v = PrioritisationLibrary.tidied(u.vocabulary());
        return v.equals(s.vocabulary()) ? Decision.accept(List.of()) : Decision.accept(new PrioritisationEvent.VocabularyChosen(v, at));
    }

    private static Decision<PrioritisationEvent> unmerge(PrioritisationState s, Unmerge u, long at) {
        Contribution x = s.contributions().get(u.contributionId());
        if (x == null) {
            return notFoundContribution();
        }
        return x.mergedInto() == null ? Decision.accept(List.of()) : Decision.accept(new ContributionUnmerged(x.id(), at));
    }

    private static Decision<PrioritisationEvent> removeTheme(PrioritisationState s, RemoveTheme rt, long at) {
        Theme t = s.themes().get(rt.themeId());
        if (t == null || t.removed()) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        return Decision.accept(new ThemeRemoved(t.id(), at));
    }

    private static Decision<PrioritisationEvent> removeAction(PrioritisationState s, RemoveAction r, long at) {
        Action a = s.actions().get(r.actionId());
        if (a == null || a.removed()) {
            return notFoundAction();
        }
        return Decision.accept(new ActionRemoved(a.id(), at));
    }

    // ---- helpers ----------------------------------------------------------------------------

    static Decision<PrioritisationEvent> notFoundContribution() {
        return Decision.reject("not_found", "Cette contribution n'existe pas.");
    }

    static Decision<PrioritisationEvent> notFoundProposal() {
        return Decision.reject("not_found", "Cette proposition n'existe pas.");
    }

    static Decision<PrioritisationEvent> notFoundAction() {
        return Decision.reject("not_found", "Cette action n'existe pas (ou plus).");
    }

    /** A refusal when {@code text} is empty or too long ({@code what}: "Une contribution", "Une proposition"), else null. */
    static Decision<PrioritisationEvent> badText(String text, String what) {
        return text.isEmpty() || length(text) > TEXT_MAX
                ? Decision.reject("invalid", what + " fait de 1 à " + TEXT_MAX + " caractères.") : null;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Hex SHA-256, as the server hashes its secrets: the archive compares it with the project's stored hash. */
    public static String sha256(String secret) {
        return fr.atelier.workshops.core.Hashes.sha256Hex(secret);
    }

    @Override
    public PrioritisationState evolve(PrioritisationState s, PrioritisationEvent e) {
        return PrioritisationEvolve.evolve(s, e);
    }

    // ---- views ------------------------------------------------------------------------------

    @Override
    public Impact impact(PrioritisationEvent e) {
        if (e instanceof ProfileChosen p) {
            return Impact.only(p.participantId());
        }
        if (e instanceof Contributed k) {
            return k.participantId() == null ? Impact.AGGREGATES_ONLY : Impact.only(k.participantId());
        }
        if (e instanceof DotsPlaced d) {
            return Impact.only(d.participantId());
        }
        if (e instanceof Rated r) {
            return Impact.only(r.participantId());
        }
        // Phones never see themes' contents; only a theme's name reaches them (beside a proposal).
        if (e instanceof ThemeCreated || e instanceof Grouped || e instanceof PrioritisationEvent.ApprovalHoldSet) {
            return Impact.AGGREGATES_ONLY;
        }
        // Held: its Contributed (same batch) already tells the author's phone; the room sees nothing new.
        if (e instanceof PrioritisationEvent.ContributionHeld) {
            return Impact.AGGREGATES_ONLY;
        }
        return Impact.ALL;
    }
}
