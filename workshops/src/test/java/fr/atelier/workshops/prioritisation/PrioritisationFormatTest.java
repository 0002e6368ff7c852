package fr.atelier.workshops.prioritisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.AddAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Contribute;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.CreateTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Edit;
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
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionAdded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionUpdated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionMerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProjectLoaded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Proposed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Rated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Revealed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decider on its own: given events, when a command, then the whole decision. */
class PrioritisationFormatTest extends DeciderTest<PrioritisationState, PrioritisationCommand, PrioritisationEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final String KEY = "cle-projet-secrete-0123456789";

    static final Actor ANNA = Actor.participant("p-anna");
    static final Actor BRUNO = Actor.participant("p-bruno");
    static final Actor CHLOE = Actor.participant("p-chloe");
    static final Actor DAVID = Actor.participant("p-david");
    static final Actor HOST = Actor.FACILITATOR;

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-anna", "Anna", "h1", T0, true))
            .with(new Roster.Member("p-bruno", "Bruno", "h2", T0, true))
            .with(new Roster.Member("p-chloe", "Chloé", "h3", T0, true))
            .with(new Roster.Member("p-david", "David", "h4", T0, true));

    PrioritisationFormatTest() {
        super(new PrioritisationFormat(), ROSTER);
    }

    static String id(Actor a) {
        return ((Actor.Participant) a).id();
    }

    private void run(Actor who, PrioritisationCommand command) {
        when(who, command);
        assertThat(decision.accepted()).as("%s: %s", command, decision).isTrue();
        apply();
    }

    static Contributed said(String id, Actor who, String profile, String kind, String category, String text) {
        return new Contributed(id, who == null ? null : id(who), profile, kind, category, text, T0);
    }

    static final Contributed C1 = said("c1", ANNA, "young", "difficulty", "conditions", "Horaires décalés le week-end");
    static final Contributed C2 = said("c2", BRUNO, "employer", "difficulty", "recruitment", "On ne trouve personne pour le samedi");
    static final Contributed C3 = said("c3", CHLOE, "jobseeker", "representation", "conditions", "Des horaires impossibles le week-end");
    static final Contributed C4 = said("c4", DAVID, "employer", "proposal", "valorisation", "Faire visiter les ateliers aux collèges");

    @Nested
    class Profiles {
        @Test
        void aParticipantChoosesAProfileAndMayDeclineToSay() {
            given();
            when(ANNA, new SetProfile("young"));
            thenAccepted(new ProfileChosen("p-anna", "young", AT));
            when(ANNA, new SetProfile(null));
            thenAccepted(new ProfileChosen("p-anna", Vocabulary.UNSPECIFIED, AT));
        }

        @Test
        void choosingTheSameProfileAgainChangesNothing() {
            given(new ProfileChosen("p-anna", "young", T0));
            when(ANNA, new SetProfile("young"));
            thenAccepted();
        }

        @Test
        void unknownProfilesAndTheFacilitatorAreRefused() {
            given();
            when(ANNA, new SetProfile("astronaut"));
            thenRejected("invalid");
            when(HOST, new SetProfile("young"));
            thenRejected("forbidden");
        }
    }

    @Nested
    class Collecting {
        @Test
        void aContributionKeepsTheProfileItWasWrittenWith() {
            given(new ProfileChosen("p-anna", "young", T0));
            when(ANNA, new Contribute("  Horaires décalés le week-end ", "difficulty", "conditions", null));
            thenAccepted(new Contributed("c1", "p-anna", "young", "difficulty", "conditions", "Horaires décalés le week-end", AT),
                    new PrioritisationEvent.ContributionHeld("c1", AT));
        }

        @Test
        void withoutAProfileTheContributionIsUnspecified() {
            given();
            when(BRUNO, new Contribute("Trop peu payé", "representation", "valorisation", null));
            thenAccepted(new Contributed("c1", "p-bruno", Vocabulary.UNSPECIFIED, "representation", "valorisation", "Trop peu payé", AT),
                    new PrioritisationEvent.ContributionHeld("c1", AT));
        }

        @Test
        void textKindAndCategoryAreChecked() {
            given();
            when(ANNA, new Contribute("é".repeat(281), "difficulty", "conditions", null));
            thenRejected("invalid");
            when(ANNA, new Contribute("   ", "difficulty", "conditions", null));
            thenRejected("invalid");
            when(ANNA, new Contribute("Texte", "rumour", "conditions", null));
            thenRejected("invalid");
            when(ANNA, new Contribute("Texte", "difficulty", "weather", null));
            thenRejected("invalid");
            // 280 characters, accents included, is the limit.
            when(ANNA, new Contribute("é".repeat(280), "difficulty", "conditions", null));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void aParticipantCannotPickAProfilePerContribution() {
            given();
            when(ANNA, new Contribute("Texte", "difficulty", "conditions", "employer"));
            thenRejected("invalid");
        }

        @Test
        void collectionIsClosedOutsideTheCollectStepButTheFacilitatorMayTypeInPaperNotes() {
            given(new StageChanged(Stage.SYNTHESIS, T0));
            when(ANNA, new Contribute("Texte", "difficulty", "conditions", null));
            thenRejected("wrong_phase");
            when(HOST, new Contribute("Post-it : manque de transports", "difficulty", "recruitment", "jobseeker"));
            thenAccepted(new Contributed("c1", null, "jobseeker", "difficulty", "recruitment", "Post-it : manque de transports", AT));
        }

        @Test
        void aParticipantHasALimit() {
            given();
            for (int i = 0; i < PrioritisationFormat.PER_PARTICIPANT_MAX; i++) {
                run(ANNA, new Contribute("Idée " + i, "proposal", "other", null));
            }
            when(ANNA, new Contribute("Une de trop", "proposal", "other", null));
            thenRejected("invalid");
            when(BRUNO, new Contribute("Moi aussi", "proposal", "other", null));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void onlyTheAuthorsPhoneIsRefreshed() {
            assertThat(format.impact(C1)).isEqualTo(Impact.only("p-anna"));
            assertThat(format.impact(said("c9", null, "young", "difficulty", "conditions", "x"))).isEqualTo(Impact.AGGREGATES_ONLY);
        }
    }

    @Nested
    class Moderation {
        @Test
        void theFacilitatorHidesAndFixesATypo() {
            given(C1, C2);
            when(HOST, new Hide("c1", true));
            thenAccepted(new ContributionHidden("c1", true, AT));
            when(HOST, new Edit("c2", "On ne trouve personne pour le samedi.", null, null));
            thenAccepted(new ContributionEdited("c2", "On ne trouve personne pour le samedi.", "difficulty", "recruitment", AT));
            when(ANNA, new Hide("c2", true));
            thenRejected("forbidden");
            when(HOST, new Hide("c99", true));
            thenRejected("not_found");
        }

        @Test
        void mergingFlattensAndBringsDuplicatesAlong() {
            given(C1, C2, C3, new ContributionMerged("c2", "c3", T0));
            // c3 goes under c1: c2, merged into c3, follows.
            when(HOST, new Merge("c3", "c1"));
            thenAccepted(new ContributionMerged("c3", "c1", AT));
            apply();
            assertThat(state.contributions().get("c2").mergedInto()).isEqualTo("c1");
            assertThat(state.contributions().get("c3").mergedInto()).isEqualTo("c1");
            // Into a merged one means into what it is merged into; into itself is refused.
            when(HOST, new Merge("c1", "c2"));
            thenRejected("invalid");
            when(HOST, new Unmerge("c2"));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void mergedDuplicatesStillCountAndShowOnceOnTheWall() {
            given(C1, C3, new ContributionMerged("c3", "c1", T0));
            Tally.Overview o = Tally.overview(state);
            assertThat(o.total().count()).isEqualTo(2);
            assertThat(o.total().byCategory().get("conditions")).isEqualTo(2);
            assertThat(o.total().byProfile().get("young")).isEqualTo(1);
            assertThat(o.total().byProfile().get("jobseeker")).isEqualTo(1);
            JsonNode screen = Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR));
            JsonNode conditions = screen.path("wall").path("columns").get(0);
            assertThat(conditions.path("category").asText()).isEqualTo("conditions");
            assertThat(conditions.path("count").asInt()).isEqualTo(2);
            assertThat(conditions.path("items")).hasSize(1);
            assertThat(conditions.path("items").get(0).path("weight").asInt()).isEqualTo(2);
        }
    }

    @Nested
    class Themes {
        @Test
        void aThemeIsCreatedFromASelectionResolvedToWhatDuplicatesAreMergedInto() {
            given(C1, C2, C3, new ContributionMerged("c3", "c1", T0));
            when(HOST, new CreateTheme(" Horaires   atypiques ", List.of("c3", "c1", "c2")));
            thenAccepted(new ThemeCreated("t4", "Horaires atypiques", AT), new Grouped("t4", List.of("c1", "c2"), AT));
            apply();
            when(HOST, new CreateTheme("horaires ATYPIQUES", List.of()));
            thenRejected("invalid");
            when(HOST, new RenameTheme("t4", "Horaires du week-end"));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void countsByCategoryAndByProfileComeSideBySideAndRecurringThemesStandOut() {
            given(C1, C2, C3, C4, new ThemeCreated("t5", "Horaires", T0), new Grouped("t5", List.of("c1", "c2", "c3"), T0));
            Tally.Overview o = Tally.overview(state);
            Tally.ThemeCount horaires = o.themes().get(0);
            assertThat(horaires.name()).isEqualTo("Horaires");
            assertThat(horaires.counts().count()).isEqualTo(3);
            assertThat(horaires.recurring()).isTrue();
            assertThat(horaires.shared()).as("raised by the public and by employers").isTrue();
            assertThat(horaires.counts().byCategory()).containsEntry("conditions", 2).containsEntry("recruitment", 1);
            assertThat(horaires.counts().bySide()).containsEntry("public", 2).containsEntry("employers", 1).containsEntry("others", 0);
            assertThat(o.unthemed().counts().count()).isEqualTo(1);
            assertThat(o.categoryBySide().get("conditions")).containsEntry("public", 2);
        }

        @Test
        void groupingUngroupingAndRemovingATheme() {
            given(C1, C2, new ThemeCreated("t3", "Horaires", T0), new Grouped("t3", List.of("c1"), T0),
                    new Proposed("p4", "Aménager les plannings", "t3", null, "facilitator", null, T0));
            when(HOST, new Group("t3", List.of("c1", "c2")));
            thenAccepted(new Grouped("t3", List.of("c2"), AT));
            when(HOST, new Group(null, List.of("c1")));
            thenAccepted(new Grouped(null, List.of("c1"), AT));
            when(HOST, new RemoveTheme("t3"));
            apply();
            assertThat(state.contributions().get("c1").themeId()).isNull();
            assertThat(state.proposals().get("p4").themeId()).isNull();
            assertThat(state.themes().get("t3").removed()).isTrue();
            when(HOST, new Group("t3", List.of("c1")));
            thenRejected("not_found");
        }
    }

    @Nested
    class Proposals {
        @Test
        void aContributionBecomesAProposalWithItsTextThemeAndProfile() {
            given(C4, new ThemeCreated("t5", "Découverte", T0), new Grouped("t5", List.of("c4"), T0));
            when(HOST, new Propose(null, null, "c4"));
            thenAccepted(new Proposed("p3", "Faire visiter les ateliers aux collèges", "t5", "c4", "participant", "employer", AT));
            apply();
            when(HOST, new Propose(null, null, "c4"));
            thenRejected("invalid");
            when(HOST, new Propose("Créer un forum des métiers", "t5", null));
            thenAccepted(new Proposed("p4", "Créer un forum des métiers", "t5", null, "facilitator", null, AT));
        }

        @Test
        void theVoteNeedsAProposalAndResultsNeedTheReveal() {
            given();
            when(HOST, new SetStage("VOTE"));
            thenRejected("wrong_phase");
            when(HOST, new SetStage("RESULTS"));
            thenRejected("wrong_phase");
            when(HOST, new SetStage("nowhere"));
            thenRejected("invalid");
            when(HOST, new SetStage("synthesis"));
            thenAccepted(new StageChanged(Stage.SYNTHESIS, AT));
        }
    }

    @Nested
    class Voting {
        static final Proposed P1 = new Proposed("p1", "Forum des métiers", null, null, "facilitator", null, T0);
        static final Proposed P2 = new Proposed("p2", "Visites d'entreprises", null, null, "facilitator", null, T0);
        static final Proposed P3 = new Proposed("p3", "Plannings concertés", null, null, "facilitator", null, T0);

        private void votingWithDefaults() {
            given(P1, P2, P3, new StageChanged(Stage.VOTE, T0));
        }

        @Test
        void dotsAreSetNotAddedWithinTheBudgetAndThePerProposalLimit() {
            votingWithDefaults();
            when(ANNA, new Vote("p1", 3));
            thenAccepted(new DotsPlaced("p-anna", "p1", 3, AT));
            apply();
            when(ANNA, new Vote("p1", 3));
            thenAccepted();
            when(ANNA, new Vote("p1", 4));
            thenRejected("invalid");
            when(ANNA, new Vote("p2", 3));
            thenRejected("invalid");
            when(ANNA, new Vote("p2", 2));
            assertThat(decision.accepted()).isTrue();
            apply();
            when(ANNA, new Vote("p3", 1));
            thenRejected("invalid");
            // Taking dots back frees them.
            run(ANNA, new Vote("p1", 1));
            when(ANNA, new Vote("p3", 2));
            assertThat(decision.accepted()).isTrue();
        }

        @Test
        void theVoteIsOnlyOpenAtTheVoteStepAndNotAfterTheReveal() {
            given(P1);
            when(ANNA, new Vote("p1", 1));
            thenRejected("wrong_phase");
            given(P1, new StageChanged(Stage.VOTE, T0), new Revealed(T0), new StageChanged(Stage.RESULTS, T0));
            when(ANNA, new Vote("p1", 1));
            thenRejected("wrong_phase");
            when(HOST, new SetStage("VOTE"));
            thenRejected("wrong_phase");
        }

        @Test
        void ratingsGoFromOneToFiveAndCanBeTurnedOff() {
            votingWithDefaults();
            when(ANNA, new Rate("p1", 5, 2));
            thenAccepted(new Rated("p-anna", "p1", 5, 2, AT));
            when(ANNA, new Rate("p1", 6, 2));
            thenRejected("invalid");
            given(P1, new PrioritisationEvent.SettingsChanged(5, 3, false, T0), new StageChanged(Stage.VOTE, T0));
            when(ANNA, new Rate("p1", 5, 2));
            thenRejected("wrong_phase");
        }

        @Test
        void settingsAreCheckedAndFrozenOnceSomeoneVoted() {
            given(P1);
            when(HOST, new Settings(3, 4, true));
            thenRejected("invalid");
            when(HOST, new Settings(8, 2, false));
            thenAccepted(new PrioritisationEvent.SettingsChanged(8, 2, false, AT));
            given(P1, new StageChanged(Stage.VOTE, T0), new DotsPlaced("p-anna", "p1", 1, T0));
            when(HOST, new Settings(8, 2, false));
            thenRejected("wrong_phase");
        }

        @Test
        void aWithdrawnProposalGivesItsDotsBack() {
            votingWithDefaults();
            run(ANNA, new Vote("p1", 3));
            run(ANNA, new Vote("p2", 2));
            run(HOST, new HideProposal("p1", true));
            assertThat(state.dotsUsed("p-anna")).isEqualTo(2);
            when(ANNA, new Vote("p1", 1));
            thenRejected("not_found");
        }

        @Test
        void theRevealClosesTheVoteAndRanksWithTiesOverallAndBySide() {
            given(P1, P2, P3, new ProfileChosen("p-anna", "young", T0), new ProfileChosen("p-bruno", "employer", T0),
                    new ProfileChosen("p-chloe", "jobseeker", T0), new ProfileChosen("p-david", "employer", T0),
                    new StageChanged(Stage.VOTE, T0));
            run(ANNA, new Vote("p1", 3));
            run(ANNA, new Vote("p2", 2));
            run(CHLOE, new Vote("p1", 2));
            run(BRUNO, new Vote("p3", 3));
            run(DAVID, new Vote("p3", 2));
            run(DAVID, new Vote("p2", 1));
            run(ANNA, new Rate("p1", 5, 4));
            run(BRUNO, new Rate("p1", 3, 2));
            when(HOST, new Reveal());
            thenAccepted(new Revealed(AT), new StageChanged(Stage.RESULTS, AT));
            apply();
            Tally.Ranking r = Tally.ranking(state);
            assertThat(r.voters()).isEqualTo(4);
            assertThat(r.rows()).extracting(Tally.Row::proposalId).containsExactly("p1", "p3", "p2");
            // p1 and p3 both have 5 dots: both first, tied; p2 comes third.
            assertThat(r.rows()).extracting(Tally.Row::rank).containsExactly(1, 1, 3);
            assertThat(r.rows()).extracting(Tally.Row::tied).containsExactly(true, true, false);
            Tally.Row p1 = r.rows().get(0);
            assertThat(p1.dotsBySide()).containsEntry("public", 5).containsEntry("employers", 0);
            assertThat(p1.impact()).isEqualTo(4.0);
            assertThat(p1.feasibility()).isEqualTo(3.0);
            assertThat(p1.quadrant()).isEqualTo("priority");
            Tally.SideRanking employers = r.sides().get(1);
            assertThat(employers.side()).isEqualTo("employers");
            assertThat(employers.voters()).isEqualTo(2);
            assertThat(employers.places()).extracting(Tally.SidePlace::proposalId).containsExactly("p3", "p2", "p1");
            assertThat(employers.places()).extracting(Tally.SidePlace::dots).containsExactly(5, 1, 0);
            when(ANNA, new Vote("p3", 1));
            thenRejected("wrong_phase");
            when(HOST, new Reveal());
            thenRejected("wrong_phase");
        }

        @Test
        void theMatrixQuadrants() {
            assertThat(Tally.quadrant(4.0, 4.0)).isEqualTo("priority");
            assertThat(Tally.quadrant(4.0, 2.0)).isEqualTo("project");
            assertThat(Tally.quadrant(2.0, 4.5)).isEqualTo("easy");
            assertThat(Tally.quadrant(1.0, 1.0)).isEqualTo("later");
            assertThat(Tally.quadrant(null, 1.0)).isNull();
        }
    }

    @Nested
    class ActionPlan {
        static final Proposed P1 = new Proposed("p1", "Forum des métiers", null, null, "facilitator", null, T0);

        @Test
        void aProposalBecomesAnActionWithALeadADeadlineAndAStatus() {
            given(P1);
            when(HOST, new AddAction("p1", null, " Mission locale ", "2026-03-31"));
            thenAccepted(new ActionAdded("a2", "p1", "Forum des métiers", "Mission locale", "2026-03-31", "planned", AT));
            apply();
            when(HOST, new AddAction("p1", null, null, null));
            thenRejected("invalid");
            when(HOST, new UpdateAction("a2", "Forum des métiers du soin", "France Travail", "2026-04-15", "in_progress"));
            thenAccepted(new ActionUpdated("a2", "Forum des métiers du soin", "France Travail", "2026-04-15", "in_progress", AT));
            when(HOST, new UpdateAction("a2", "Forum", null, "2026-02-30", "planned"));
            thenRejected("invalid");
            when(HOST, new UpdateAction("a2", "Forum", null, null, "forgotten"));
            thenRejected("invalid");
            when(HOST, new RemoveAction("a2"));
            apply();
            assertThat(state.actions().get("a2").removed()).isTrue();
            assertThat(state.touched()).contains("a2");
            when(HOST, new AddAction(null, "  ", null, null));
            thenRejected("invalid");
        }
    }

    @Nested
    class Projects {
        static final Contribution OLD_C = new Contribution("ab12-c1", "employer", "difficulty", "recruitment", "Peu de candidats",
                false, null, "ab12-t2", false, T0 - 1000, T0 - 1000);
        static final Contribution OLD_DUP = new Contribution("ab12-c3", "young", "difficulty", "recruitment", "Pas de candidats",
                false, "ab12-c1", null, false, T0 - 900, T0 - 900);
        static final Theme OLD_T = new Theme("ab12-t2", "Recrutement", false, false, T0 - 800, T0 - 800);
        static final Proposal OLD_P = new Proposal("ab12-p4", "Job dating", "ab12-t2", null, "facilitator", null, false, false,
                T0 - 700, T0 - 700);
        static final Action OLD_A = new Action("ab12-a5", "ab12-p4", "Job dating au printemps", "France Travail", "2026-04-01",
                "planned", false, false, T0 - 600, T0 - 600);
        static final ProjectSnapshot SNAPSHOT = new ProjectSnapshot("pj_42", null, "Aide à domicile", "Dreux", "Jeunes de 16 à 25 ans",
                1, List.of(OLD_C, OLD_DUP), List.of(OLD_T), List.of(OLD_P), List.of(OLD_A));

        @Test
        void aSessionContinuesAProjectWithEverythingCarriedOver() {
            given();
            when(HOST, new UseProject(KEY, "k3x9", SNAPSHOT));
            assertThat(decision.accepted()).isTrue();
            ProjectLoaded loaded = (ProjectLoaded) events().get(0);
            assertThat(loaded.project().keyHash()).isEqualTo(PrioritisationFormat.sha256(KEY)).doesNotContain(KEY);
            assertThat(loaded.project().name()).isEqualTo("Aide à domicile — Dreux");
            assertThat(loaded.contributions()).allMatch(Contribution::earlier);
            apply();
            assertThat(state.touched()).as("nothing changed yet").isEmpty();
            assertThat(Tally.overview(state).themes().get(0).counts().count()).isEqualTo(2);
            // New ids carry the session's tag, so two sessions of a project never collide.
            run(ANNA, new Contribute("Les trajets sont longs", "experience", "conditions", null));
            assertThat(state.contributions()).containsKey("k3x9-c1");
            run(HOST, new UpdateAction("ab12-a5", "Job dating au printemps", "France Travail", "2026-04-01", "in_progress"));
            assertThat(state.touched()).containsExactly("k3x9-c1", "ab12-a5");
            when(HOST, new UseProject(KEY, "zz99", SNAPSHOT));
            thenRejected("wrong_phase");
        }

        @Test
        void aProjectMustBeChosenBeforeAnythingIsCollected() {
            given(C1);
            when(HOST, new UseProject(KEY, "k3x9", SNAPSHOT));
            thenRejected("wrong_phase");
        }

        @Test
        void aBadSnapshotOrKeyOrTagIsRefused() {
            given();
            when(HOST, new UseProject("short", "k3x9", SNAPSHOT));
            thenRejected("invalid");
            when(HOST, new UseProject(KEY, "K3X9!", SNAPSHOT));
            thenRejected("invalid");
            when(HOST, new UseProject(KEY, "ab12", SNAPSHOT));
            thenRejected("invalid");
            ProjectSnapshot dangling = new ProjectSnapshot("pj_42", null, "Aide à domicile", "Dreux", "", 1,
                    List.of(new Contribution("x1", "young", "difficulty", "conditions", "Texte", false, null, "t-missing", true, 0, 0)),
                    List.of(), List.of(), List.of());
            when(HOST, new UseProject(KEY, "k3x9", dangling));
            thenRejected("invalid");
            ProjectSnapshot twice = new ProjectSnapshot("pj_42", null, "Aide à domicile", "Dreux", "", 1,
                    List.of(OLD_C, OLD_C), List.of(OLD_T), List.of(), List.of());
            when(HOST, new UseProject(KEY, "k3x9", twice));
            thenRejected("invalid");
            when(ANNA, new UseProject(KEY, "k3x9", SNAPSHOT));
            thenRejected("forbidden");
        }

        @Test
        void theCommandReadsFromTheWireAsTheServerWritesTheSnapshot() throws Exception {
            SessionCodec codec = new SessionCodec(format);
            JsonNode wire = Json.MAPPER.createObjectNode().put("type", "prioritisation.useProject").put("projectKey", KEY).put("tag", "k3x9")
                    .set("project", Json.MAPPER.valueToTree(SNAPSHOT));
            ActivityCommand c = (ActivityCommand) codec.readCommand(wire);
            assertThat(c.command()).isEqualTo(new UseProject(KEY, "k3x9", SNAPSHOT));
        }
    }

    @Nested
    class Views {
        @Test
        void aPhoneSeesItsOwnContributionsOnlyAndNoOneIsNamed() {
            given(C1, C2, new ContributionHidden("c2", true, T0));
            JsonNode anna = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant("p-anna")));
            assertThat(anna.path("me").path("contributions")).hasSize(1);
            assertThat(anna.toString()).doesNotContain("personne pour le samedi").doesNotContain("p-bruno").doesNotContain("p-anna");
            JsonNode bruno = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant("p-bruno")));
            assertThat(bruno.path("me").path("contributions").get(0).path("status").asText()).isEqualTo("hidden");
            JsonNode screen = Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR));
            assertThat(screen.toString()).doesNotContain("p-anna").doesNotContain("personne pour le samedi");
            assertThat(screen.findValues("profile")).as("no profile on a card").isEmpty();
            JsonNode console = Json.MAPPER.valueToTree(format.view(state, roster, Audience.FACILITATOR));
            assertThat(console.toString()).doesNotContain("p-anna").contains("personne pour le samedi");
        }

        @Test
        void resultsForTheSynthesisHoldEverything() {
            given(C1, C2, new ProfileChosen("p-anna", "young", T0));
            PrioritisationViews.Results r = PrioritisationViews.results(state, roster);
            assertThat(r.newContributions()).isEqualTo(2);
            assertThat(r.room()).containsEntry("young", 1).containsEntry(Vocabulary.UNSPECIFIED, 3);
            assertThat(r.contributions()).hasSize(2);
        }
    }

    /** Issue 15, item 4: the approval queue, on by default for the wall. */
    @Nested
    class ApprovalQueue {
        static final PrioritisationEvent.ContributionHeld HELD = new PrioritisationEvent.ContributionHeld("c1", T0);

        @Test
        void aParticipantsContributionIsHeldByDefaultAndTheFacilitatorsIsNot() {
            given();
            when(ANNA, new Contribute("c nul ce truc lol", "representation", "conditions", null));
            assertThat(events()).hasSize(2).last().isEqualTo(new PrioritisationEvent.ContributionHeld("c1", AT));
            when(HOST, new Contribute("Recopié du papier", "representation", "conditions", null));
            assertThat(events()).hasSize(1);
        }

        @Test
        void withTheHoldOffContributionsGoStraightToTheWall() {
            given(new PrioritisationEvent.ApprovalHoldSet(false, T0));
            when(ANNA, new Contribute("Horaires", "difficulty", "conditions", null));
            assertThat(events()).hasSize(1);
            when(HOST, new PrioritisationCommand.SetApprovalHold(true));
            thenAccepted(new PrioritisationEvent.ApprovalHoldSet(true, AT));
            when(ANNA, new PrioritisationCommand.SetApprovalHold(false));
            thenRejected("forbidden");
        }

        @Test
        void aHeldContributionReachesNeitherTheProjectorNorOtherPhonesOnlyTheFacilitatorAndItsAuthor() {
            given(C1, HELD, C2);
            JsonNode screen = Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR));
            assertThat(screen.toString()).doesNotContain("Horaires décalés").contains("On ne trouve personne");
            JsonNode bruno = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant("p-bruno")));
            assertThat(bruno.toString()).doesNotContain("Horaires décalés");
            JsonNode anna = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant("p-anna")));
            assertThat(anna.path("me").path("contributions").get(0).path("status").asText()).isEqualTo("pending");
            JsonNode console = Json.MAPPER.valueToTree(format.view(state, roster, Audience.FACILITATOR));
            assertThat(console.path("contributions").get(0).path("pending").asBoolean()).isTrue();
            assertThat(console.path("contributions").get(1).has("pending")).isFalse();
            assertThat(console.path("holdForApproval").asBoolean()).isTrue();
            assertThat(Tally.overview(state).total().count()).isEqualTo(1);
            assertThat(PrioritisationViews.results(state, roster).synthesis().total().count()).isEqualTo(1);
        }

        @Test
        void approvingShowsItEverywhereAndHidingKeepsItOffForGood() {
            given(C1, HELD);
            when(HOST, new Hide("c1", false));
            thenAccepted(new PrioritisationEvent.ContributionHidden("c1", false, AT));
            apply();
            assertThat(Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR)).toString()).contains("Horaires décalés");
            assertThat(state.pending("c1")).isFalse();

            given(C1, HELD);
            when(HOST, new Hide("c1", true));
            thenAccepted(new PrioritisationEvent.ContributionHidden("c1", true, AT));
            apply();
            assertThat(state.pending("c1")).isFalse();
            assertThat(Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR)).toString()).doesNotContain("Horaires décalés");
            JsonNode anna = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant("p-anna")));
            assertThat(anna.path("me").path("contributions").get(0).path("status").asText()).isEqualTo("hidden");
        }

        /** Property: whatever the order of contributions, holds and decisions, no held text reaches the projector or another phone. */
        @Test
        void noHeldTextEverLeaks() {
            long seed = System.nanoTime();
            java.util.Random r = new java.util.Random(seed);
            Actor[] people = {ANNA, BRUNO, CHLOE, DAVID};
            for (int round = 0; round < 50; round++) {
                given();
                for (int step = 0; step < 20; step++) {
                    int pick = r.nextInt(10);
                    if (pick < 6) {
                        when(people[r.nextInt(4)], new Contribute("texte " + round + "-" + step, "difficulty", "conditions", null));
                    } else if (pick < 8 && !state.contributions().isEmpty()) {
                        List<String> ids = List.copyOf(state.contributions().keySet());
                        when(HOST, new Hide(ids.get(r.nextInt(ids.size())), r.nextBoolean()));
                    } else {
                        when(HOST, new PrioritisationCommand.SetApprovalHold(r.nextBoolean()));
                    }
                    if (decision instanceof fr.atelier.workshops.core.Decision.Accepted<?>) {
                        apply();
                    }
                }
                String screen = Json.MAPPER.valueToTree(format.view(state, roster, Audience.PROJECTOR)).toString();
                for (var c : state.contributions().values()) {
                    if (state.pending(c.id()) || c.hidden()) {
                        assertThat(screen).as("seed " + seed).doesNotContain("\"" + c.text() + "\"");
                        String author = state.authors().get(c.id());
                        for (Actor p : people) {
                            String id = ((Actor.Participant) p).id();
                            if (!id.equals(author)) {
                                String phone = Json.MAPPER.valueToTree(format.view(state, roster, new Audience.Participant(id))).toString();
                                assertThat(phone).as("seed " + seed).doesNotContain("\"" + c.text() + "\"");
                            }
                        }
                    }
                }
            }
        }
    }
}
