package fr.atelier.workshops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in decks, and YAML import/export with line-numbered French problems. */
class CardsLibraryTest {
    private final CardsLibrary library = new CardsLibrary();

    private static final String VALID = """
            id: essai
            title: "Jeu d'essai"
            rules:
              - "Pas de jugement de valeur."
            structures:
              - id: cio
                name: "CIO"
                missions: "Conseil en orientation."
                publics: "Élèves."
              - id: ml
                name: "Mission locale"
                missions: "Accompagnement global."
                publics: "16-25 ans."
            cases:
              - number: 1
                title: "Premier cas"
                situation: "Une situation."
                briefing: "Un secret."
                notes: "Des notes."
                structures: [cio, ml]
                schemes: ["CEJ"]
              - number: 2
                title: "Second cas"
                situation: "Une autre situation."
                briefing: "Un autre secret."
                notes: "D'autres notes."
            grid:
              - { id: card, label: "Numéro", kind: card }
              - { id: doors, label: "Portes", kind: structures }
            """;

    @Test
    void the_catalogue_lists_the_regional_deck() {
        List<ContentLibrary.Item> items = library.catalogue();
        assertThat(items).extracting(ContentLibrary.Item::id).contains("spro");
        ContentLibrary.Item spro = items.stream().filter(i -> i.id().equals("spro")).findFirst().orElseThrow();
        assertThat(spro.size()).isGreaterThanOrEqualTo(30);
        assertThat(spro.title()).isNotBlank();
    }

    @Test
    void the_regional_deck_meets_the_issue() {
        Deck deck = library.load("spro");
        assertThat(deck.cases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(deck.structures()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(deck.rules()).isNotEmpty();
        assertThat(deck.grid()).extracting(GridField::kind).contains("card", "list", "structures", "text");
        Set<Integer> numbers = new HashSet<>();
        for (CaseCard c : deck.cases()) {
            assertThat(numbers.add(c.number())).as("number %s unique", c.number()).isTrue();
            assertThat(c.briefing()).as("case %s briefing", c.number()).isNotBlank();
            assertThat(c.notes()).as("case %s notes", c.number()).isNotBlank();
            assertThat(c.situation()).isNotEqualTo(c.briefing());
        }
        assertThat(CardsLibrary.check(deck)).isEmpty();
    }

    @Test
    void every_built_in_deck_survives_an_export_and_an_import() {
        for (ContentLibrary.Item item : library.catalogue()) {
            Deck deck = library.load(item.id());
            String yaml = library.export(deck, "yaml");
            ContentLibrary.Parsed<Deck> back = library.parse(yaml, "yaml");
            assertThat(back.problems()).as(item.id()).isEmpty();
            assertThat(back.content()).isEqualTo(deck);
        }
    }

    @Test
    void a_valid_file_is_imported() {
        ContentLibrary.Parsed<Deck> parsed = library.parse(VALID, "yaml");
        assertThat(parsed.problems()).isEmpty();
        Deck deck = parsed.content();
        assertThat(deck.id()).isEqualTo("essai");
        assertThat(deck.cases()).extracting(CaseCard::number).containsExactly(1, 2);
        assertThat(deck.cases().get(1).structures()).isEmpty();
        assertThat(deck.structure("ml")).isPresent();
        assertThat(deck.feelingsPrompt()).isEqualTo(Deck.DEFAULT_FEELINGS);
    }

    private List<Problem> problems(String yaml) {
        ContentLibrary.Parsed<Deck> parsed = library.parse(yaml, "yaml");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.content()).isNull();
        return parsed.problems();
    }

    @Test
    void a_missing_field_is_reported_at_its_card() {
        List<Problem> p = problems(VALID.replace("    briefing: \"Un autre secret.\"\n", ""));
        assertThat(p).containsExactly(new Problem(22, "Carte situation n° 2 : le champ « briefing » est obligatoire."));
    }

    @Test
    void a_duplicate_card_number_is_reported_on_its_line() {
        List<Problem> p = problems(VALID.replace("number: 2", "number: 1"));
        assertThat(p).containsExactly(new Problem(22, "Carte situation n° 1 : numéro en double."));
    }

    @Test
    void an_unknown_structure_is_reported_on_its_line() {
        List<Problem> p = problems(VALID.replace("structures: [cio, ml]", "structures: [cio, caf]"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(20);
        assertThat(p.get(0).message()).contains("structure inconnue « caf »");
    }

    @Test
    void every_problem_is_reported_in_line_order() {
        String yaml = VALID
                .replace("title: \"Jeu d'essai\"\n", "")
                .replace("  - id: ml", "  - id: cio")
                .replace("kind: structures", "kind: portes")
                .replace("    notes: \"Des notes.\"\n", "    notes: \"Des notes.\"\n    couleur: rouge\n");
        List<Problem> p = problems(yaml);
        assertThat(p).extracting(Problem::message).containsExactly(
                "Le jeu : le champ « title » est obligatoire.",
                "Carte structure « cio » : identifiant en double.",
                "Carte situation n° 1 : clé inconnue « couleur » (attendues : briefing, notes, number, schemes, situation, structures, title).",
                "Carte situation n° 1 : structure inconnue « ml » (absente de la liste « structures »).",
                "Grille, champ « doors » : type « portes » inconnu (card, list, structures ou text).");
        assertThat(p).extracting(Problem::line).isSorted();
        assertThat(p.get(1).line()).isEqualTo(9);
        assertThat(p.get(4).line()).isEqualTo(29);
    }

    @Test
    void broken_yaml_is_reported_with_its_line() {
        List<Problem> p = problems("id: essai\ntitle: \"pas fermé\nrules: []\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).message()).startsWith("YAML illisible");
        assertThat(p.get(0).line()).isPositive();
    }

    @Test
    void wrong_shapes_are_reported() {
        assertThat(problems("- a\n- b\n")).extracting(Problem::message)
                .containsExactly("Le fichier doit décrire un jeu de cartes (id, title, rules, structures, cases, grid).");
        assertThat(problems("")).extracting(Problem::message).containsExactly("Le fichier est vide.");
        assertThat(problems(VALID.replace("number: 2", "number: deux"))).extracting(Problem::message)
                .containsExactly("Carte situation (position 2) : le numéro doit être un nombre entier de 1 à 999.");
        assertThat(problems(VALID.replace("id: essai", "id: \"Mon Jeu\""))).extracting(Problem::message)
                .containsExactly("Le jeu : l'identifiant « Mon Jeu » ne doit contenir que des minuscules sans accent, des chiffres, - ou _.");
        assertThat(problems(VALID.replace("rules:\n  - \"Pas de jugement de valeur.\"", "rules: []"))).extracting(Problem::message)
                .containsExactly("Le jeu : « rules » ne peut pas être vide.");
    }

    @Test
    void csv_is_not_a_deck_format() {
        assertThat(library.parse("a;b", "csv").problems()).extracting(Problem::message)
                .containsExactly("Les jeux de cartes s'importent en YAML uniquement.");
    }

    @Test
    void check_validates_a_deck_sent_as_json() {
        assertThat(CardsLibrary.check(TestDecks.small(3, 3))).isEmpty();
        Deck bad = new Deck("petit", " ", null, null, List.of("r"), List.of(TestDecks.structure("cio")),
                List.of(TestDecks.card(1), TestDecks.card(1)), TestDecks.GRID);
        assertThat(CardsLibrary.check(bad)).extracting(Problem::message).containsExactly(
                "Le jeu : le champ « title » est obligatoire.", "Carte situation n° 1 : numéro en double.");
        assertThat(CardsLibrary.check(bad)).extracting(Problem::line).containsOnly(0);
    }
}
