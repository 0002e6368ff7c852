package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Project;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.List;

/** The facts of a "Dessine-moi le travail" session. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("prioritisation")
public sealed interface PrioritisationEvent {

    /** The project and everything carried over, as the session started from it (items marked earlier). */
    record ProjectLoaded(Project project, String tag, List<Contribution> contributions, List<Theme> themes,
                         List<Proposal> proposals, List<Action> actions, long at) implements PrioritisationEvent {}

    /** The session's copy of a vocabulary, cleaned; later edits of the library item do not reach it. */
    record VocabularyChosen(PrioritisationVocabulary vocabulary, long at) implements PrioritisationEvent {}

    record ProfileChosen(String participantId, String profile, long at) implements PrioritisationEvent {}

    /** {@code participantId} is null when the facilitator typed it in. */
    record Contributed(String contributionId, String participantId, String profile, String kind, String category, String text,
                       long at) implements PrioritisationEvent {}

    record ContributionHidden(String contributionId, boolean hidden, long at) implements PrioritisationEvent {}

    /** A participant's contribution waits for the facilitator's approval (hidden meanwhile). */
    record ContributionHeld(String contributionId, long at) implements PrioritisationEvent {}

    record ApprovalHoldSet(boolean hold, long at) implements PrioritisationEvent {}

    record ContributionEdited(String contributionId, String text, String kind, String category, long at) implements PrioritisationEvent {}

    /** Contributions already merged into {@code contributionId} move under {@code intoId} too. */
    record ContributionMerged(String contributionId, String intoId, long at) implements PrioritisationEvent {}

    record ContributionUnmerged(String contributionId, long at) implements PrioritisationEvent {}

    record ThemeCreated(String themeId, String name, long at) implements PrioritisationEvent {}

    record ThemeRenamed(String themeId, String name, long at) implements PrioritisationEvent {}

    /** {@code themeId} null: out of any theme. */
    record Grouped(String themeId, List<String> contributionIds, long at) implements PrioritisationEvent {}

    /** Its contributions and proposals are left without a theme. */
    record ThemeRemoved(String themeId, long at) implements PrioritisationEvent {}

    record Proposed(String proposalId, String text, String themeId, String contributionId, String source, String profile,
                    long at) implements PrioritisationEvent {}

    record ProposalEdited(String proposalId, String text, String themeId, long at) implements PrioritisationEvent {}

    record ProposalHidden(String proposalId, boolean hidden, long at) implements PrioritisationEvent {}

    record StageChanged(Stage stage, long at) implements PrioritisationEvent {}

    record SettingsChanged(int budget, int maxPerProposal, boolean ratings, long at) implements PrioritisationEvent {}

    record DotsPlaced(String participantId, String proposalId, int dots, long at) implements PrioritisationEvent {}

    record Rated(String participantId, String proposalId, Integer impact, Integer feasibility, long at) implements PrioritisationEvent {}

    record Revealed(long at) implements PrioritisationEvent {}

    record ActionAdded(String actionId, String proposalId, String title, String lead, String deadline, String status,
                       long at) implements PrioritisationEvent {}

    record ActionUpdated(String actionId, String title, String lead, String deadline, String status, long at) implements PrioritisationEvent {}

    record ActionRemoved(String actionId, long at) implements PrioritisationEvent {}
}
