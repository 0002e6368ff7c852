package fr.atelier.workshops.hackathon;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.hackathon.HackathonCommand.AddIdea;
import fr.atelier.workshops.hackathon.HackathonCommand.Advance;
import fr.atelier.workshops.hackathon.HackathonCommand.BalanceTeams;
import fr.atelier.workshops.hackathon.HackathonCommand.Blur;
import fr.atelier.workshops.hackathon.HackathonCommand.ChooseChallenge;
import fr.atelier.workshops.hackathon.HackathonCommand.ClaimJury;
import fr.atelier.workshops.hackathon.HackathonCommand.CreateTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.Dot;
import fr.atelier.workshops.hackathon.HackathonCommand.Edit;
import fr.atelier.workshops.hackathon.HackathonCommand.Extend;
import fr.atelier.workshops.hackathon.HackathonCommand.Focus;
import fr.atelier.workshops.hackathon.HackathonCommand.InviteJury;
import fr.atelier.workshops.hackathon.HackathonCommand.JoinTeam;
import fr.atelier.workshops.hackathon.HackathonCommand.MoveMember;
import fr.atelier.workshops.hackathon.HackathonCommand.Pitch;
import fr.atelier.workshops.hackathon.HackathonCommand.PitchOrder;
import fr.atelier.workshops.hackathon.HackathonCommand.RevokeJury;
import fr.atelier.workshops.hackathon.HackathonCommand.Score;
import fr.atelier.workshops.hackathon.HackathonCommand.Setup;
import fr.atelier.workshops.hackathon.HackathonEvent.ChallengeChosen;
import fr.atelier.workshops.hackathon.HackathonEvent.DeadlineExtended;
import fr.atelier.workshops.hackathon.HackathonEvent.DotChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.FieldEdited;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaAdded;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryClaimed;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryInvited;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberJoined;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchStarted;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.Scored;
import fr.atelier.workshops.hackathon.HackathonEvent.SetUp;
import fr.atelier.workshops.hackathon.HackathonEvent.StageChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamCreated;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamsBalanced;
import fr.atelier.workshops.hackathon.HackathonEvent.TimeUp;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonViews.Results;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hackathon decider on its own: given events, when a command, then the whole decision. */
class HackathonFormatTest extends DeciderTest<HackathonState, HackathonCommand, HackathonEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final HackathonKit KIT = new HackathonLibrary().load("hack-ton-orientation");
    static final HackathonSettings SETTINGS = HackathonSettings.DEFAULT;
    static final String TOKEN = "Zr0H4kT0k3n-jury-0001";

    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");
    static final Actor SAMI = Actor.participant("p-sami");
    static final Actor NINA = Actor.participant("p-nina");
    static final Actor JULES = Actor.participant("p-jules");

    static final SetUp SET_UP = new SetUp(KIT, SETTINGS, T0);
    static final TeamCreated ALPHA = new TeamCreated("t1", "Les Défricheurs", null, T0);
    static final TeamCreated BETA = new TeamCreated("t2", "Cap Avenir", null, T0);
    static final MemberJoined CAMILLE_ALPHA = new MemberJoined("t1", "p-camille", T0);
    static final MemberJoined LOU_ALPHA = new MemberJoined("t1", "p-lou", T0);
    static final MemberJoined SAMI_BETA = new MemberJoined("t2", "p-sami", T0);
    static final MemberJoined NINA_BETA = new MemberJoined("t2", "p-nina", T0);
    static final ChallengeChosen ALPHA_SCHOOL = new ChallengeChosen("t1", "ecole-entreprise", T0);
    static final ChallengeChosen BETA_SKILLS = new ChallengeChosen("t2", "parler-competences", T0);

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
            .with(new Roster.Member("p-lou", "Lou", "h2", T0, true))
            .with(new Roster.Member("p-sami", "Sami", "h3", T0, true))
            .with(new Roster.Member("p-nina", "Nina", "h4", T0, true))
            .with(new Roster.Member("p-jules", "Jules", "h5", T0, true));

    HackathonFormatTest() {
        super(new HackathonFormat(), ROSTER);
    }

    /** Two teams of two, challenges chosen, in the given stage. */
    private void givenTeamsIn(Stage stage, HackathonEvent... more) {
        List<HackathonEvent> events = new ArrayList<>(List.of(SET_UP, ALPHA, BETA, CAMILLE_ALPHA, LOU_ALPHA, SAMI_BETA, NINA_BETA,
                ALPHA_SCHOOL, BETA_SKILLS));
        for (Stage s : Stage.values()) {
            if (s.ordinal() > 0 && s.ordinal() <= stage.ordinal()) {
                events.add(new StageChanged(s, null, s == Stage.PITCH ? List.of("t1", "t2") : null, null, T0));
            }
        }
        events.addAll(List.of(more));
        given(events.toArray(HackathonEvent[]::new));
    }

    private static Map<String, Integer> scores(int impact, int feasibility, int originality, int pitch) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("impact", impact);
        m.put("faisabilite", feasibility);
        m.put("originalite", originality);
        m.put("pitch", pitch);
        return m;
    }

    @Nested
    class SettingUp {
        @Test
        void theFacilitatorChoosesTheChallengesAndTheRubric() {
            given();
            when(Actor.FACILITATOR, new Setup(KIT, null));
            thenAccepted(new SetUp(KIT, SETTINGS, AT));
        }

        @Test
        void anInvalidKitIsRefusedWithItsProblems() {
            given();
            HackathonKit broken = new HackathonKit("x", "X", null, KIT.challenges(),
                    List.of(new HackathonKit.Criterion("impact", "Impact", 0, null)));
            when(Actor.FACILITATOR, new Setup(broken, null));
            thenRejected("invalid");
            assertThat(message()).contains("poids");
        }

        @Test
        void settingsAreChecked() {
            given();
            when(Actor.FACILITATOR, new Setup(KIT, new HackathonSettings(null, null, null, null, null, null, 5, null, null)));
            thenRejected("invalid");
            assertThat(message()).contains("pitch");
        }

        @Test
        void challengesAreFixedOnceTheWorkStarts() {
            givenTeamsIn(Stage.UNDERSTAND);
            when(Actor.FACILITATOR, new Setup(KIT, null));
            thenRejected("wrong_phase");
        }

        @Test
        void participantsCannotSetUp() {
            given();
            when(CAMILLE, new Setup(KIT, null));
            thenRejected("forbidden");
        }
    }

    @Nested
    class FormingTeams {
        @Test
        void aParticipantCreatesATeamAndJoinsIt() {
            given(SET_UP);
            when(CAMILLE, new CreateTeam("  Les   Défricheurs "));
            thenAccepted(new TeamCreated("t1", "Les Défricheurs", "p-camille", AT), new MemberJoined("t1", "p-camille", AT));
        }

        @Test
        void aFullTeamRefusesNewcomers() {
            given(new SetUp(KIT, new HackathonSettings(2, true, 30, 30, 45, 10, 180, 3, true), T0), ALPHA, CAMILLE_ALPHA, LOU_ALPHA);
            when(SAMI, new JoinTeam("t1"));
            thenRejected("invalid");
            assertThat(message()).contains("complète");
        }

        @Test
        void theFacilitatorMayGoOverTheSizeLimit() {
            given(new SetUp(KIT, new HackathonSettings(2, true, 30, 30, 45, 10, 180, 3, true), T0), ALPHA, CAMILLE_ALPHA, LOU_ALPHA);
            when(Actor.FACILITATOR, new MoveMember("p-sami", "t1"));
            thenAccepted(new MemberJoined("t1", "p-sami", AT));
        }

        @Test
        void nobodySwitchesTeamOnceTheWorkHasStarted() {
            givenTeamsIn(Stage.UNDERSTAND);
            when(CAMILLE, new JoinTeam("t2"));
            thenRejected("wrong_phase");
        }

        @Test
        void aLatecomerMayStillJoinATeam() {
            givenTeamsIn(Stage.IMAGINE);
            when(JULES, new JoinTeam("t2"));
            thenAccepted(new MemberJoined("t2", "p-jules", AT));
        }

        @Test
        void theAutoBalanceLeavesJurorsOutAndRecordsItsSeed() {
            given(SET_UP, new JuryInvited("j1", "Jury 1", HackathonFormat.sha256(TOKEN), T0),
                    new JuryClaimed("j1", "p-jules", null, T0));
            when(Actor.FACILITATOR, new BalanceTeams(42L, 2));
            apply();
            TeamsBalanced b = (TeamsBalanced) events().get(0);
            assertThat(b.seed()).isEqualTo(42L);
            assertThat(b.created()).extracting(fr.atelier.workshops.core.Teams.NewTeam::name).containsExactly("Équipe 1", "Équipe 2");
            assertThat(b.assignment().values()).allSatisfy(members -> assertThat(members).hasSize(2));
            assertThat(state.teams().teamOf("p-jules")).isEmpty();
        }

        @Test
        void aChallengeHasACapacity() {
            HackathonKit one = new HackathonKit("k", "K", null, List.of(new HackathonKit.Challenge("seul", "Un seul défi",
                    "Énoncé", List.of(), List.of(), List.of(), 1)), KIT.rubric());
            given(new SetUp(one, SETTINGS, T0), ALPHA, BETA, CAMILLE_ALPHA, SAMI_BETA, new ChallengeChosen("t1", "seul", T0));
            when(SAMI, new ChooseChallenge(null, "seul"));
            thenRejected("invalid");
            assertThat(message()).contains("complet");
            when(Actor.FACILITATOR, new ChooseChallenge("t2", "seul"));
            thenAccepted(new ChallengeChosen("t2", "seul", AT));
        }

        @Test
        void onlyItsMembersChooseATeamsChallenge() {
            given(SET_UP, ALPHA, BETA, CAMILLE_ALPHA);
            when(CAMILLE, new ChooseChallenge("t2", "marque-employeur"));
            thenRejected("forbidden");
            when(CAMILLE, new ChooseChallenge(null, "marque-employeur"));
            thenAccepted(new ChallengeChosen("t1", "marque-employeur", AT));
        }
    }

    @Nested
    class TimedPhases {
        @Test
        void movingOnStartsThePhasesCountdown() {
            givenTeamsIn(Stage.TEAMS);
            when(Actor.FACILITATOR, new Advance("UNDERSTAND", null, null));
            thenAccepted(new StageChanged(Stage.UNDERSTAND, AT + 30 * 60_000L, null, null, AT));
            apply();
            assertThat(format.nextDeadline(state)).isEqualTo(Instant.ofEpochMilli(AT + 30 * 60_000L));
        }

        @Test
        void theFacilitatorNeverGoesBackAndNeedsChallengesFirst() {
            givenTeamsIn(Stage.IMAGINE);
            when(Actor.FACILITATOR, new Advance("UNDERSTAND", null, null));
            thenRejected("wrong_phase");
            given();
            when(Actor.FACILITATOR, new Advance("UNDERSTAND", null, null));
            thenRejected("wrong_phase");
        }

        @Test
        void theTimerMarksTheTimeUpAndStaleExpiriesDoNothing() {
            givenTeamsIn(Stage.BUILD, new DeadlineExtended("stage", AT, T0));
            when(Actor.SYSTEM, format.timeUp(state, format.nextDeadline(state)));
            thenAccepted(new TimeUp("stage", AT));
            apply();
            assertThat(state.timeUp()).isTrue();
            assertThat(format.nextDeadline(state)).isNull();
            when(Actor.SYSTEM, new HackathonCommand.TimeUp(AT));
            thenAccepted();
        }

        @Test
        void onlyTheServerSendsExpiries() {
            givenTeamsIn(Stage.BUILD);
            when(Actor.FACILITATOR, new HackathonCommand.TimeUp(AT));
            thenRejected("forbidden");
        }

        @Test
        void moreTimeRestartsAnExpiredCountdownFromNow() {
            givenTeamsIn(Stage.BUILD, new DeadlineExtended("stage", T0, T0), new TimeUp("stage", T0));
            when(Actor.FACILITATOR, new Extend(5));
            thenAccepted(new DeadlineExtended("stage", AT + 5 * 60_000L, AT));
            apply();
            assertThat(state.timeUp()).isFalse();
        }

        @Test
        void enteringThePitchesDrawsTheRunningOrderWithASeed() {
            givenTeamsIn(Stage.BUILD);
            when(Actor.FACILITATOR, new Advance("PITCH", null, 7L));
            apply();
            StageChanged sc = (StageChanged) events().get(0);
            assertThat(sc.seed()).isEqualTo(7L);
            assertThat(sc.pitchOrder()).containsExactlyInAnyOrder("t1", "t2");
            assertThat(state.pitchOrder()).isEqualTo(sc.pitchOrder());
        }

        @Test
        void eachPitchHasItsTimerAndMakesTheSolutionPublic() {
            givenTeamsIn(Stage.PITCH);
            assertThat(state.revealed("t2")).isFalse();
            when(Actor.FACILITATOR, new PitchOrder(List.of("t2", "t1")));
            apply();
            when(Actor.FACILITATOR, new Pitch("t2"));
            thenAccepted(new PitchStarted("t2", AT + 180_000L, AT));
            apply();
            assertThat(state.revealed("t2")).isTrue();
            assertThat(state.revealed("t1")).isFalse();
            assertThat(format.nextDeadline(state)).isEqualTo(Instant.ofEpochMilli(AT + 180_000L));
            when(Actor.SYSTEM, new HackathonCommand.TimeUp(AT + 180_000L));
            thenAccepted(new TimeUp("pitch", AT + 180_000L));
        }
    }

    @Nested
    class TeamWorkspace {
        @Test
        void anEditBasedOnTheCurrentRevisionIsSaved() {
            givenTeamsIn(Stage.UNDERSTAND);
            when(CAMILLE, new Edit("persona", 0, "  Inès, 17 ans, en terminale  "));
            thenAccepted(new FieldEdited("t1", "persona", 1, "Inès, 17 ans, en terminale", "p-camille", AT, List.of("p-camille", "p-lou")));
        }

        @Test
        void aStaleEditIsRefusedAndTheTeammatesTextIsKept() {
            givenTeamsIn(Stage.UNDERSTAND,
                    new FieldEdited("t1", "persona", 1, "Inès, 17 ans", "p-camille", T0, List.of("p-camille", "p-lou")));
            // Camille and Lou both start from revision 1; Camille saves first.
            when(CAMILLE, new Edit("persona", 1, "Inès, 17 ans, vit à Nogent-le-Rotrou"));
            apply();
            when(LOU, new Edit("persona", 1, "Inès, 17 ans, passionnée de dessin"));
            thenRejected("conflict");
            assertThat(message()).contains("Camille").contains("Persona");
            assertThat(state.workOf("t1").field("persona").text()).isEqualTo("Inès, 17 ans, vit à Nogent-le-Rotrou");
            // Lou merges both texts and saves on top of the revision she now sees.
            when(LOU, new Edit("persona", 2, "Inès, 17 ans, vit à Nogent-le-Rotrou, passionnée de dessin"));
            apply();
            assertThat(state.workOf("t1").field("persona").text()).isEqualTo("Inès, 17 ans, vit à Nogent-le-Rotrou, passionnée de dessin");
            assertThat(state.workOf("t1").field("persona").rev()).isEqualTo(3);
        }

        @Test
        void savingTheSameTextTwiceChangesNothing() {
            givenTeamsIn(Stage.UNDERSTAND, new FieldEdited("t1", "persona", 1, "Inès", "p-camille", T0, List.of("p-camille", "p-lou")));
            when(LOU, new Edit("persona", 0, "Inès"));
            thenAccepted();
        }

        @Test
        void theSolutionCanvasOpensWithTheBuildPhaseAndEverythingFreezesForThePitches() {
            givenTeamsIn(Stage.IMAGINE);
            when(CAMILLE, new Edit("name", 0, "Stage Express"));
            thenRejected("wrong_phase");
            givenTeamsIn(Stage.BUILD);
            when(CAMILLE, new Edit("name", 0, "Stage Express"));
            apply();
            givenTeamsIn(Stage.PITCH);
            when(CAMILLE, new Edit("persona", 0, "Trop tard"));
            thenRejected("wrong_phase");
        }

        @Test
        void fieldsHaveTheirSizeLimit() {
            givenTeamsIn(Stage.BUILD);
            when(CAMILLE, new Edit("name", 0, "x".repeat(61)));
            thenRejected("invalid");
        }

        @Test
        void teammatesSeeWhoIsWritingWhereUntilBlurOrTimeout() {
            givenTeamsIn(Stage.UNDERSTAND);
            when(CAMILLE, new Focus("needs"));
            thenAccepted(new PresenceChanged("t1", "p-camille", "needs", AT + HackathonFormat.PRESENCE_MS, false, AT,
                    List.of("p-camille", "p-lou")));
            apply();
            HackathonViews.View lou = (HackathonViews.View) format.view(state, roster, new Audience.Participant("p-lou"));
            assertThat(lou.workspace().presence()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("needs");
                assertThat(p.nickname()).isEqualTo("Camille");
                assertThat(p.mine()).isFalse();
            });
            // Re-announcing soon after changes nothing; the timeout releases it.
            when(CAMILLE, new Focus("needs"));
            thenAccepted();
            when(Actor.SYSTEM, format.timeUp(state, format.nextDeadline(state)));
            thenAccepted(new PresenceChanged("t1", "p-camille", null, null, true, AT + HackathonFormat.PRESENCE_MS,
                    List.of("p-camille", "p-lou")));
            when(CAMILLE, new Blur("needs"));
            thenAccepted(new PresenceChanged("t1", "p-camille", null, null, false, AT, List.of("p-camille", "p-lou")));
            apply();
            assertThat(state.workOf("t1").presence()).isEmpty();
        }

        @Test
        void workspaceEventsOnlyReachTheTeamsPhones() {
            assertThat(format.impact(new FieldEdited("t1", "persona", 1, "x", "p-camille", AT, List.of("p-camille", "p-lou"))))
                    .isEqualTo(Impact.only(Set.of("p-camille", "p-lou")));
            assertThat(format.impact(new Scored("j1", true, "p-jules", "t1", scores(1, 1, 1, 1), AT))).isEqualTo(Impact.only("p-jules"));
        }

        @Test
        void membersAddIdeasAndDotVoteWithinTheirTeam() {
            givenTeamsIn(Stage.IMAGINE);
            when(CAMILLE, new AddIdea("Un speed-dating des métiers au collège"));
            thenAccepted(new IdeaAdded("t1", "i1", "Un speed-dating des métiers au collège", "p-camille", AT, List.of("p-camille", "p-lou")));
            apply();
            when(LOU, new Dot("i1", true));
            thenAccepted(new DotChanged("t1", "i1", "p-lou", true, AT, List.of("p-camille", "p-lou")));
            apply();
            when(SAMI, new Dot("i1", true));
            thenRejected("not_found");
            assertThat(state.workOf("t1").ideas().get(0).dots()).containsExactly("p-lou");
        }

        @Test
        void eachMemberHasALimitedNumberOfDots() {
            givenTeamsIn(Stage.IMAGINE,
                    new IdeaAdded("t1", "i1", "A", "p-camille", T0, List.of()), new IdeaAdded("t1", "i2", "B", "p-camille", T0, List.of()),
                    new IdeaAdded("t1", "i3", "C", "p-camille", T0, List.of()), new IdeaAdded("t1", "i4", "D", "p-camille", T0, List.of()),
                    new DotChanged("t1", "i1", "p-lou", true, T0, List.of()), new DotChanged("t1", "i2", "p-lou", true, T0, List.of()),
                    new DotChanged("t1", "i3", "p-lou", true, T0, List.of()));
            when(LOU, new Dot("i4", true));
            thenRejected("invalid");
            when(LOU, new Dot("i1", false));
            thenAccepted(new DotChanged("t1", "i1", "p-lou", false, AT, List.of("p-camille", "p-lou")));
        }
    }

    @Nested
    class Judging {
        private final String hash = HackathonFormat.sha256(TOKEN);

        @Test
        void theFacilitatorInvitesWithAHashAndTheJurorClaimsWithTheToken() {
            givenTeamsIn(Stage.BUILD);
            when(Actor.FACILITATOR, new InviteJury("Présidente du jury", hash));
            thenAccepted(new JuryInvited("j1", "Présidente du jury", hash, AT));
            apply();
            when(JULES, new ClaimJury("wrong-token-0000000000"));
            thenRejected("not_found");
            when(JULES, new ClaimJury(TOKEN));
            thenAccepted(new JuryClaimed("j1", "p-jules", null, AT));
            apply();
            assertThat(state.juror("p-jules")).isTrue();
        }

        @Test
        void aHashMustLookLikeSha256() {
            given(SET_UP);
            when(Actor.FACILITATOR, new InviteJury(null, TOKEN));
            thenRejected("invalid");
        }

        @Test
        void aJurorLeavesTheirTeamAndTheSeatFollowsTheToken() {
            givenTeamsIn(Stage.BUILD, new JuryInvited("j1", "Jury 1", hash, T0));
            when(CAMILLE, new ClaimJury(TOKEN));
            apply();
            assertThat(state.teams().teamOf("p-camille")).isEmpty();
            when(JULES, new ClaimJury(TOKEN));
            thenAccepted(new JuryClaimed("j1", "p-jules", "p-camille", AT));
            apply();
            assertThat(state.juror("p-camille")).isFalse();
            assertThat(state.juror("p-jules")).isTrue();
        }

        @Test
        void nobodyScoresATeamBeforeItsPitch() {
            givenTeamsIn(Stage.PITCH, new JuryInvited("j1", "Jury 1", hash, T0), new JuryClaimed("j1", "p-jules", null, T0));
            when(JULES, new Score("t1", scores(5, 4, 3, 2)));
            thenRejected("wrong_phase");
            state = format.evolve(state, new PitchStarted("t1", AT + 180_000L, T0));
            when(JULES, new Score("t1", scores(5, 4, 3, 2)));
            thenAccepted(new Scored("j1", true, "p-jules", "t1", scores(5, 4, 3, 2), AT));
        }

        @Test
        void participantsNeverVoteForTheirOwnTeam() {
            givenTeamsIn(Stage.VOTE);
            when(CAMILLE, new Score("t1", scores(5, 5, 5, 5)));
            thenRejected("forbidden");
            when(CAMILLE, new Score("t2", scores(4, 3, 5, 2)));
            thenAccepted(new Scored("p-camille", false, "p-camille", "t2", scores(4, 3, 5, 2), AT));
        }

        @Test
        void aBallotNamesEveryCriterionWithinTheScale() {
            givenTeamsIn(Stage.VOTE);
            Map<String, Integer> partial = scores(4, 3, 5, 2);
            partial.remove("pitch");
            when(CAMILLE, new Score("t2", partial));
            thenRejected("invalid");
            when(CAMILLE, new Score("t2", scores(6, 3, 5, 2)));
            thenRejected("invalid");
            Map<String, Integer> extra = scores(4, 3, 5, 2);
            extra.put("budget", 3);
            when(CAMILLE, new Score("t2", extra));
            thenRejected("invalid");
        }

        @Test
        void aJurorsBallotCountsForTheJuryAndTheSeatNotThePerson() {
            givenTeamsIn(Stage.VOTE, new JuryInvited("j1", "Jury 1", hash, T0), new JuryClaimed("j1", "p-jules", null, T0));
            when(JULES, new Score("t1", scores(5, 4, 3, 2)));
            thenAccepted(new Scored("j1", true, "p-jules", "t1", scores(5, 4, 3, 2), AT));
        }

        @Test
        void scoresAreAveragedPerCriterionThenWeightedAndThePrizesGoToTheBest() {
            String hash2 = HackathonFormat.sha256(TOKEN + "-2");
            givenTeamsIn(Stage.VOTE,
                    new JuryInvited("j1", "Jury 1", hash, T0), new JuryInvited("j2", "Jury 2", hash2, T0),
                    // Jury: t1 = impact 5/3 → 4, feasibility 4, originality 3, pitch 2 → (3×4 + 2×4 + 2×3 + 1×2) / 8 = 3.5
                    new Scored("j1", true, "p-x", "t1", scores(5, 4, 3, 2), T0),
                    new Scored("j2", true, "p-y", "t1", scores(3, 4, 3, 2), T0),
                    // t2 = (3×3 + 2×5 + 2×5 + 1×5) / 8 = 4.25
                    new Scored("j1", true, "p-x", "t2", scores(3, 5, 5, 5), T0),
                    // Public: t1 gets 5 everywhere from Sami; t2 gets 2 everywhere from Camille.
                    new Scored("p-sami", false, "p-sami", "t1", scores(5, 5, 5, 5), T0),
                    new Scored("p-camille", false, "p-camille", "t2", scores(2, 2, 2, 2), T0));
            Results r = HackathonViews.results(state, roster);
            HackathonViews.TeamResult t1 = r.teams().get(0);
            assertThat(t1.jury().criteria()).containsEntry("impact", 4.0).containsEntry("pitch", 2.0);
            assertThat(t1.jury().total()).isEqualTo(3.5);
            assertThat(t1.jury().ballots()).isEqualTo(2);
            assertThat(r.teams().get(1).jury().total()).isEqualTo(4.25);
            assertThat(r.juryPrize()).containsExactly("t2");
            assertThat(r.publicPrize()).containsExactly("t1");
            assertThat(r.teams().get(1).juryPrize()).isTrue();
            assertThat(r.teams().get(0).publicPrize()).isTrue();
        }

        @Test
        void equalTotalsShareThePrize() {
            givenTeamsIn(Stage.VOTE, new JuryInvited("j1", "Jury 1", hash, T0),
                    new Scored("j1", true, "p-x", "t1", scores(4, 4, 4, 4), T0),
                    new Scored("j1", true, "p-x", "t2", scores(4, 4, 4, 4), T0));
            assertThat(HackathonViews.results(state, roster).juryPrize()).containsExactly("t1", "t2");
        }

        @Test
        void revokingASeatDropsItsBallots() {
            givenTeamsIn(Stage.VOTE, new JuryInvited("j1", "Jury 1", hash, T0), new Scored("j1", true, "p-x", "t1", scores(4, 4, 4, 4), T0));
            when(Actor.FACILITATOR, new RevokeJury("j1"));
            apply();
            assertThat(state.ballots()).isEmpty();
            assertThat(state.jury()).isEmpty();
        }

        @Test
        void afterThePrizesNothingChanges() {
            givenTeamsIn(Stage.RESULTS);
            when(CAMILLE, new Score("t2", scores(4, 4, 4, 4)));
            thenRejected("wrong_phase");
        }
    }

    @Nested
    class BadInput {
        @Test
        void missingFieldsAreRefusedNeverThrown() {
            List<HackathonCommand> commands = List.of(new Setup(null, null), new CreateTeam(null),
                    new HackathonCommand.RenameTeam(null, null), new HackathonCommand.RemoveTeam(null), new JoinTeam(null),
                    new MoveMember(null, null), new BalanceTeams(null, null), new ChooseChallenge(null, null), new Advance(null, null, null),
                    new Extend(null), new Focus(null), new Blur(null), new Edit(null, null, null), new Edit("persona", null, null),
                    new AddIdea(null), new HackathonCommand.RemoveIdea(null), new Dot(null, null), new PitchOrder(null), new Pitch(null),
                    new InviteJury(null, null), new RevokeJury(null), new ClaimJury(null), new Score(null, null), new Score("t2", null));
            for (Stage stage : Stage.values()) {
                givenTeamsIn(stage);
                for (Actor who : List.of(Actor.FACILITATOR, CAMILLE, JULES)) {
                    for (HackathonCommand c : commands) {
                        Decision<HackathonEvent> d = format.decide(state, roster, who, c, NOW);
                        assertThat(d).as("%s by %s at %s", c, who, stage).isNotNull();
                    }
                }
            }
        }
    }

    @Nested
    class Views {
        @Test
        void scoresStayOffPhonesAndTheProjectorUntilTheReveal() throws Exception {
            givenTeamsIn(Stage.VOTE, new Scored("p-camille", false, "p-camille", "t2", scores(2, 3, 4, 5), T0));
            String sami = Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-sami")));
            String screen = Json.MAPPER.writeValueAsString(format.view(state, roster, Audience.PROJECTOR));
            String camille = Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-camille")));
            String console = Json.MAPPER.writeValueAsString(format.view(state, roster, Audience.FACILITATOR));
            assertThat(sami).doesNotContain("\"results\"").doesNotContain("\"total\"").contains("\"myScores\":{}");
            assertThat(screen).doesNotContain("\"results\"").doesNotContain("\"total\"");
            assertThat(camille).contains("\"myScores\":{\"t2\":{\"impact\":2,\"faisabilite\":3,\"originalite\":4,\"pitch\":5}}");
            assertThat(console).contains("\"results\"").contains("\"total\":3.13");
            state = format.evolve(state, new StageChanged(Stage.RESULTS, null, null, null, AT));
            assertThat(Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-sami"))))
                    .contains("\"publicPrize\":[\"t2\"]");
        }

        @Test
        void anotherTeamsCanvasStaysPrivateUntilItsPitchAndTheProblemCanvasForever() throws Exception {
            givenTeamsIn(Stage.BUILD,
                    new FieldEdited("t1", "persona", 1, "PERSONA-SECRET", "p-camille", T0, List.of()),
                    new FieldEdited("t1", "name", 1, "NOM-SECRET", "p-camille", T0, List.of()),
                    new IdeaAdded("t1", "i1", "IDEE-SECRETE", "p-lou", T0, List.of()));
            String sami = Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-sami")));
            String lou = Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-lou")));
            String screen = Json.MAPPER.writeValueAsString(format.view(state, roster, Audience.PROJECTOR));
            assertThat(sami).doesNotContain("PERSONA-SECRET", "NOM-SECRET", "IDEE-SECRETE");
            assertThat(screen).doesNotContain("PERSONA-SECRET", "NOM-SECRET", "IDEE-SECRETE");
            assertThat(lou).contains("PERSONA-SECRET", "NOM-SECRET", "IDEE-SECRETE");
            state = format.evolve(state, new StageChanged(Stage.PITCH, null, List.of("t1", "t2"), null, AT));
            state = format.evolve(state, new PitchStarted("t1", AT + 1000, AT));
            sami = Json.MAPPER.writeValueAsString(format.view(state, roster, new Audience.Participant("p-sami")));
            screen = Json.MAPPER.writeValueAsString(format.view(state, roster, Audience.PROJECTOR));
            assertThat(sami).contains("NOM-SECRET").doesNotContain("PERSONA-SECRET", "IDEE-SECRETE");
            assertThat(screen).contains("NOM-SECRET").doesNotContain("PERSONA-SECRET", "IDEE-SECRETE");
        }

        @Test
        void theProjectorShowsEachTeamsProgress() {
            givenTeamsIn(Stage.UNDERSTAND,
                    new FieldEdited("t1", "persona", 1, "Inès", "p-camille", T0, List.of()),
                    new FieldEdited("t1", "needs", 1, "Découvrir", "p-lou", T0, List.of()),
                    new PresenceChanged("t1", "p-lou", "obstacles", AT, false, T0, List.of()));
            HackathonViews.View v = (HackathonViews.View) format.view(state, roster, Audience.PROJECTOR);
            // Camille's save also says she is still writing; Lou is in another field.
            assertThat(v.teams().get(0).progress()).isEqualTo(new HackathonViews.Progress(2, 5, 0, 0, 6, 2));
            assertThat(v.teams().get(0).members()).containsExactly("Camille", "Lou");
        }

        @Test
        void noViewHoldsAJuryTokenHash() throws Exception {
            String hash = HackathonFormat.sha256(TOKEN);
            givenTeamsIn(Stage.VOTE, new JuryInvited("j1", "Jury 1", hash, T0), new JuryClaimed("j1", "p-jules", null, T0));
            for (Audience a : List.of(Audience.FACILITATOR, Audience.PROJECTOR, new Audience.Participant("p-jules"),
                    new Audience.Participant("p-camille"))) {
                assertThat(Json.MAPPER.writeValueAsString(format.view(state, roster, a))).doesNotContain(hash);
            }
            HackathonViews.View jules = (HackathonViews.View) format.view(state, roster, new Audience.Participant("p-jules"));
            assertThat(jules.me().juror()).isTrue();
            assertThat(jules.me().seat()).isEqualTo("Jury 1");
        }
    }
}
