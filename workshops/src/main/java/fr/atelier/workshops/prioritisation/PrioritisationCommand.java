package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;

/** What the facilitator and the phones can ask of a "Dessine-moi le travail" session. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("prioritisation")
public sealed interface PrioritisationCommand {

    /**
     * Continues a project: its key (checked again by the archive before anything is written back),
     * a tag drawn by the console that makes this session's ids unique within the project, and the
     * carried-over content the console fetched from {@code GET /api/projects/{id}}.
     */
    record UseProject(String projectKey, String tag, ProjectSnapshot project) implements PrioritisationCommand {}

    /**
     * The session's own copy of a vocabulary from the library (issue 16): it relabels the fixed profiles
     * and categories; only before anything is created in the session (contributions, themes…).
     */
    record UseVocabulary(PrioritisationVocabulary vocabulary) implements PrioritisationCommand {}

    /** A participant's optional, anonymous profile; null means "I prefer not to say". */
    record SetProfile(String profile) implements PrioritisationCommand {}

    /** {@code profile}: only when the facilitator types in a contribution collected on paper. */
    record Contribute(String text, String kind, String category, String profile) implements PrioritisationCommand {}

    /** Hides a contribution, or shows it; on a held one (approval queue), showing it approves it. */
    record Hide(String contributionId, Boolean hidden) implements PrioritisationCommand {}

    /** Turns the approval queue on or off for participants' next contributions (on by default). */
    record SetApprovalHold(Boolean hold) implements PrioritisationCommand {}

    /** Fixes a typo or re-files a contribution; null kind or category keeps the current one. */
    record Edit(String contributionId, String text, String kind, String category) implements PrioritisationCommand {}

    /** Files a duplicate under another contribution: it still counts, but shows once. */
    record Merge(String contributionId, String intoId) implements PrioritisationCommand {}

    record Unmerge(String contributionId) implements PrioritisationCommand {}

    record CreateTheme(String name, List<String> contributionIds) implements PrioritisationCommand {}

    record RenameTheme(String themeId, String name) implements PrioritisationCommand {}

    /** Puts contributions in a theme; a null {@code themeId} takes them out of any theme. */
    record Group(String themeId, List<String> contributionIds) implements PrioritisationCommand {}

    record RemoveTheme(String themeId) implements PrioritisationCommand {}

    /** A proposal to vote on; from a contribution (its text by default) or written by the facilitator. */
    record Propose(String text, String themeId, String contributionId) implements PrioritisationCommand {}

    record EditProposal(String proposalId, String text, String themeId) implements PrioritisationCommand {}

    record HideProposal(String proposalId, Boolean hidden) implements PrioritisationCommand {}

    /** COLLECT, SYNTHESIS, VOTE, RESULTS (only once revealed) or PLAN. */
    record SetStage(String stage) implements PrioritisationCommand {}

    /** Dot budget per participant, most dots on one proposal, and whether impact and feasibility are rated. */
    record Settings(Integer budget, Integer maxPerProposal, Boolean ratings) implements PrioritisationCommand {}

    /** Sets (not adds) the participant's dots on one proposal, so a resent command changes nothing. */
    record Vote(String proposalId, Integer dots) implements PrioritisationCommand {}

    /** Impact and feasibility from 1 to 5; null clears a rating. */
    record Rate(String proposalId, Integer impact, Integer feasibility) implements PrioritisationCommand {}

    record Reveal() implements PrioritisationCommand {}

    record AddAction(String proposalId, String title, String lead, String deadline) implements PrioritisationCommand {}

    /** Replaces an action's fields; {@code status}: planned, in_progress, done or dropped. */
    record UpdateAction(String actionId, String title, String lead, String deadline, String status) implements PrioritisationCommand {}

    record RemoveAction(String actionId) implements PrioritisationCommand {}
}
