package fr.atelier.server.workspace.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.formats.FormatModules;
import fr.atelier.workshops.core.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content sent by an editor is checked by its format's own library, each problem at its path (issue 16). */
class LibraryKindsTest {
    private static final LibraryKinds KINDS = new LibraryKinds(FormatModules.all());

    @Test
    void everyFormatWithALibraryIsAKind() {
        assertThat(KINDS.kinds()).contains("quiz", "cards", "hackathon", "prioritisation");
    }

    @Test
    void problemsComeBackWithTheirPath() throws Exception {
        JsonNode bank = Json.MAPPER.readTree("""
                {"title":"Essai","questions":[
                  {"id":"q1","type":"truefalse","text":"Le CEP est gratuit.","answer":true},
                  {"id":"q2","type":"single","text":"Quel site ?","choices":[{"id":"a","text":"Onisep"},{"id":"b","text":"Étoile"}],"answer":"z"},
                  {"id":"q3","type":"number","text":"","answer":6}]}""");
        LibraryKinds.Checked c = KINDS.check("quiz", bank, "lib-0123", "Essai");
        assertThat(c.ok()).isFalse();
        assertThat(c.problems()).extracting(LibraryKinds.PathProblem::path).containsExactly("questions/1/answer", "questions/2/text");
        assertThat(c.problems().get(0).message()).contains("« z »");
    }

    @Test
    void aValidBankIsKeptTidyWithTheItemsIdAndSize() throws Exception {
        JsonNode bank = Json.MAPPER.readTree("""
                {"questions":[{"id":"q1","type":"truefalse","text":"  Le CEP est gratuit.  ","answer":true}]}""");
        LibraryKinds.Checked c = KINDS.check("quiz", bank, "lib-0123", "Mon quiz");
        assertThat(c.problems()).isEmpty();
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.content().path("id").asText()).isEqualTo("lib-0123");
        assertThat(c.content().path("title").asText()).isEqualTo("Mon quiz");
        assertThat(c.content().path("questions").get(0).path("text").asText()).isEqualTo("Le CEP est gratuit.");
    }

    @Test
    void notAnObjectIsOneProblemAtTheRoot() {
        LibraryKinds.Checked c = KINDS.check("hackathon", Json.MAPPER.getNodeFactory().textNode("défis"), "lib-1", "Défis");
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEmpty());
    }

    @Test
    void theRegionalShelfHasStableIdsForEveryBuiltInItem() {
        List<LibraryItem> shelf = Library.regionalShelf(KINDS, Instant.EPOCH);
        assertThat(shelf).extracting(LibraryItem::id).contains("regional-quiz-partenaires-orientation", "regional-cards-spro",
                "regional-prioritisation-vocabulaire-spro").allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(40));
        assertThat(shelf).allSatisfy(i -> {
            assertThat(i.territoryId()).isNull();
            LibraryKinds.Checked again = KINDS.check(i.kind(), i.content(), i.id(), i.title());
            assertThat(again.problems()).as(i.id()).isEmpty();
            assertThat(again.size()).isEqualTo(i.size());
        });
        ObjectNode unused = Json.MAPPER.createObjectNode();
        assertThat(unused).isEmpty();
    }
}
