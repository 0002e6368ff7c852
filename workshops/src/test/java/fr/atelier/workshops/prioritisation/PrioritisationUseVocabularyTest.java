package fr.atelier.workshops.prioritisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UseVocabulary;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.VocabularyChosen;
import fr.atelier.workshops.prioritisation.PrioritisationVocabulary.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code prioritisation.useVocabulary}: the session's own copy of a library vocabulary (issue 16, item 3). */
class PrioritisationUseVocabularyTest extends DeciderTest<PrioritisationState, PrioritisationCommand, PrioritisationEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final Actor ANNA = Actor.participant("p-anna");
    static final Actor HOST = Actor.FACILITATOR;
    static final Roster ROSTER = Roster.EMPTY.with(new Roster.Member("p-anna", "Anna", "h1", T0, true));

    static final PrioritisationVocabulary CLEOR = new PrioritisationVocabulary("vocab-cleor", "Vocabulaire de Cléor", null,
            List.of(new Entry("young", "Élève ou apprenti·e", "Collège, lycée, CFA."), new Entry("employer", "Artisan·e ou patron·ne", null)),
            List.of(new Entry("conditions", "Le quotidien du métier", null), new Entry("recruitment", "Trouver du monde", null)));

    PrioritisationUseVocabularyTest() {
        super(new PrioritisationFormat(), ROSTER);
    }

    static PrioritisationVocabulary with(List<Entry> profiles, List<Entry> categories) {
        return new PrioritisationVocabulary("vocab-x", "Essai", null, profiles, categories);
    }

    @Test
    void theFacilitatorSetsTheSessionsCopyBeforeContributionsStart() {
        given(new ProfileChosen("p-anna", "young", T0));
        when(HOST, new UseVocabulary(CLEOR));
        thenAccepted(new VocabularyChosen(CLEOR, AT));
        apply();
        when(HOST, new UseVocabulary(CLEOR));
        thenAccepted();
    }

    @Test
    void labelsAreCleanedLikeAnImport() {
        given();
        PrioritisationVocabulary messy = with(List.of(new Entry(" young ", "  Élève ou apprenti·e ", "  ")),
                List.of(new Entry("other", "Autre chose", null)));
        when(HOST, new UseVocabulary(messy));
        thenAccepted(new VocabularyChosen(with(List.of(new Entry("young", "Élève ou apprenti·e", null)),
                List.of(new Entry("other", "Autre chose", null))), AT));
    }

    @Test
    void onlyTheFacilitatorAndOnlyBeforeTheFirstContribution() {
        given();
        when(ANNA, new UseVocabulary(CLEOR));
        thenRejected("forbidden");
        given(new Contributed("c1", "p-anna", "young", "difficulty", "conditions", "Horaires", T0));
        when(HOST, new UseVocabulary(CLEOR));
        thenRejected("wrong_phase");
        assertThat(message()).isEqualTo("Le vocabulaire se choisit avant les premières contributions.");
        given(new StageChanged(PrioritisationState.Stage.SYNTHESIS, T0));
        when(HOST, new UseVocabulary(CLEOR));
        thenRejected("wrong_phase");
    }

    @Test
    void theVocabularyRulesApply() {
        given();
        when(HOST, new UseVocabulary(null));
        thenRejected("invalid");
        assertThat(message()).isEqualTo("Aucun vocabulaire reçu.");
        when(HOST, new UseVocabulary(with(List.of(new Entry("astronaut", "Astronaute", null)), List.of(new Entry("other", "Autre", null)))));
        thenRejected("invalid");
        assertThat(message()).startsWith("Vocabulaire invalide : ").contains("« astronaut » inconnu").contains("seul le libellé se change");
        when(HOST, new UseVocabulary(with(List.of(new Entry("young", "Jeune", null), new Entry("young", "Ado", null)),
                List.of(new Entry("weather", "Météo", null)))));
        thenRejected("invalid");
        assertThat(message()).startsWith("Vocabulaire invalide (2 problèmes) : ");
        when(HOST, new UseVocabulary(with(List.of(new Entry("young", "  ", null)), List.of(new Entry("other", "Autre", null)))));
        thenRejected("invalid");
        when(HOST, new UseVocabulary(with(List.of(new Entry("young", "é".repeat(61), null)), List.of(new Entry("other", "Autre", null)))));
        thenRejected("invalid");
        when(HOST, new UseVocabulary(with(List.of(), List.of(new Entry("other", "Autre", null)))));
        thenRejected("invalid");
    }

    @Test
    void everyViewAndTheResultsCarryTheSessionsLabels() {
        given(new VocabularyChosen(CLEOR, T0));
        for (Audience a : List.of(Audience.FACILITATOR, new Audience.Participant("p-anna"), Audience.PROJECTOR)) {
            PrioritisationViews.View v = (PrioritisationViews.View) format.view(state, roster, a);
            assertThat(v.vocabulary()).as("%s", a).isEqualTo(CLEOR);
        }
        PrioritisationViews.Results r = (PrioritisationViews.Results) format.results(state, roster);
        assertThat(r.vocabulary()).isEqualTo(CLEOR);
        assertThat(PrioritisationVocabulary.categoryLabel(r.vocabulary(), "recruitment")).isEqualTo("Trouver du monde");
        assertThat(PrioritisationVocabulary.categoryLabel(r.vocabulary(), "communication")).isEqualTo("Communication");
        assertThat(PrioritisationVocabulary.profileLabel(r.vocabulary(), "employer")).isEqualTo("Artisan·e ou patron·ne");
    }

    @Test
    void aSessionWithoutOneKeepsTheBuiltInLabelsAndItsResultsAreUnchanged() {
        given(new Contributed("c1", "p-anna", "young", "difficulty", "conditions", "Horaires", T0));
        PrioritisationViews.Results r = (PrioritisationViews.Results) format.results(state, roster);
        assertThat(r.vocabulary()).isNull();
        assertThat(Json.MAPPER.valueToTree(r).has("vocabulary")).isFalse();
        assertThat(PrioritisationVocabulary.categoryLabel(null, "conditions")).isEqualTo("Conditions de travail");
        assertThat(PrioritisationVocabulary.profileLabel(null, "young")).isEqualTo("Jeune");
    }

    @Test
    void theCopyOutlivesTheLibrary() {
        PrioritisationVocabulary builtIn = new PrioritisationLibrary().load("vocabulaire-spro");
        given();
        when(HOST, new UseVocabulary(builtIn));
        assertThat(decision.accepted()).as("%s", decision).isTrue();
        String json = Json.MAPPER.valueToTree(events().get(0)).toString();
        assertThat(json).contains("\"type\":\"prioritisation.vocabularyChosen\"").contains("Valorisation du métier");
    }
}
