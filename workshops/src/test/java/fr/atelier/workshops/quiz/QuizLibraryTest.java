package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary.Item;
import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.quiz.QuizBank.Type;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in banks, YAML and CSV import/export, and the line-by-line report of what is wrong. */
class QuizLibraryTest {
    static final QuizLibrary LIBRARY = new QuizLibrary();

    static List<String> report(Parsed<QuizBank> parsed) {
        return parsed.problems().stream().map(p -> "ligne " + p.line() + " : " + p.message()).toList();
    }

    @Nested
    class Catalogue {
        @Test
        void listsEveryBuiltInBankWithItsSize() {
            assertThat(LIBRARY.catalogue()).extracting(Item::id, Item::size)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("partenaires-orientation", 39),
                            org.assertj.core.groups.Tuple.tuple("decouverte-5", 5));
            assertThat(LIBRARY.catalogue()).allSatisfy(i -> {
                assertThat(i.title()).isNotBlank();
                assertThat(i.description()).isNotBlank();
            });
        }

        @Test
        void theDefaultBankHasAtLeast25QuestionsOfEveryTypeEachWithExplanationAndSource() {
            QuizBank bank = LIBRARY.load("partenaires-orientation");
            assertThat(bank.size()).isGreaterThanOrEqualTo(25);
            assertThat(bank.questions()).extracting(QuizBank.Question::type).contains(Type.values());
            assertThat(bank.questions()).allSatisfy(q -> {
                assertThat(q.explanation()).isNotBlank();
                assertThat(q.source().name()).isNotBlank();
                assertThat(q.source().url()).startsWith("https://");
            });
            assertThat(QuizBankCheck.check(bank, QuizBankCheck.Lines.NONE)).isEmpty();
        }

        @Test
        void decouverteHasOneQuestionOfEachType() {
            QuizBank bank = LIBRARY.load("decouverte-5");
            assertThat(bank.questions()).extracting(QuizBank.Question::type)
                    .containsExactly(Type.SINGLE, Type.MULTIPLE, Type.TRUEFALSE, Type.NUMBER, Type.TEXT);
            assertThat(bank.question("q05").accepts("  etoile ")).isTrue();
            assertThat(bank.question("q05").accepts("PORTAIL ÉTOILE")).isTrue();
            assertThat(bank.question("q05").accepts("Onisep")).isFalse();
        }

        @Test
        void aBankSurvivesJsonAsTheConsoleSendsIt() throws Exception {
            QuizBank bank = LIBRARY.load("partenaires-orientation");
            String json = Json.MAPPER.writeValueAsString(bank);
            assertThat(Json.MAPPER.readValue(json, QuizBank.class)).isEqualTo(bank);
            assertThat(json).doesNotContain("rightChoices").doesNotContain("worth");
        }
    }

    @Nested
    class RoundTrips {
        @Test
        void yamlExportReadsBackIdentically() {
            for (Item item : LIBRARY.catalogue()) {
                QuizBank bank = LIBRARY.load(item.id());
                String yaml = LIBRARY.export(bank, "yaml");
                Parsed<QuizBank> back = LIBRARY.parse(yaml, "yaml");
                assertThat(report(back)).as(yaml).isEmpty();
                assertThat(back.content()).isEqualTo(bank);
            }
        }

        @Test
        void csvExportReadsBackIdentically() {
            for (Item item : LIBRARY.catalogue()) {
                QuizBank bank = LIBRARY.load(item.id());
                String csv = LIBRARY.export(bank, "csv");
                assertThat(csv).startsWith("\uFEFF\"# id: " + bank.id() + "\"");
                Parsed<QuizBank> back = LIBRARY.parse(csv, "csv");
                assertThat(report(back)).as(csv).isEmpty();
                assertThat(back.content()).isEqualTo(bank);
            }
        }

        @Test
        void csvExportDefusesFormulasAndImportRestoresThem() {
            QuizBank bank = new QuizBank("formules", "Formules", null, List.of(new QuizBank.Question("q1", Type.NUMBER,
                    "=SOMME(A1) ; \"piège\"\nsur deux lignes", null, QuizBankCheck.numberNode(-3), 0.5, "-moins", null, null, null)));
            String csv = LIBRARY.export(bank, "csv");
            assertThat(csv).contains("\"'=SOMME(A1) ; \"\"piège\"\"\nsur deux lignes\"").contains("\"'-3\"");
            Parsed<QuizBank> back = LIBRARY.parse(csv, "csv");
            assertThat(report(back)).isEmpty();
            assertThat(back.content()).isEqualTo(bank);
        }
    }

    @Nested
    class YamlImport {
        static final String GOOD = """
                id: essai
                title: "Essai"
                questions:
                  - id: q1
                    type: single
                    text: "Quel site ?"
                    choices:
                      - { id: a, text: "Onisep" }
                      - { id: b, text: "France Travail" }
                    answer: b
                  - id: q2
                    type: truefalse
                    text: "Vrai ?"
                    answer: "vrai"
                  - id: q3
                    type: text
                    text: "Le portail ?"
                    answer: "Étoile"
                  - id: q4
                    type: number
                    text: "Combien ?"
                    answer: "2,5"
                    tolerance: 0.5
                  - id: q5
                    type: multiple
                    text: "Lesquels ?"
                    choices: ["Un", "Deux", "Trois"]
                    answer: "a, c"
                """;

        @Test
        void lenientShapesAreNormalised() {
            Parsed<QuizBank> p = LIBRARY.parse(GOOD, "yaml");
            assertThat(report(p)).isEmpty();
            QuizBank b = p.content();
            assertThat(b.question("q2").rightTruth()).isTrue();
            assertThat(b.question("q3").acceptedTexts()).containsExactly("Étoile");
            assertThat(b.question("q4").rightNumber()).isEqualTo(2.5);
            assertThat(b.question("q5").choices()).extracting(QuizBank.Choice::id).containsExactly("a", "b", "c");
            assertThat(b.question("q5").rightChoices()).containsExactly("a", "c");
        }

        @Test
        void everyWrongLineIsReportedWithItsNumber() {
            String yaml = """
                    id: essai
                    title: "Essai"
                    questions:
                      - id: q1
                        type: single
                        text: "Quel site ?"
                        choices:
                          - { id: a, text: "Onisep" }
                          - { id: b, text: "France Travail" }
                        answer: e
                      - id: q2
                        type: qcm
                        text: "Vrai ?"
                        answer: true
                      - id: q3
                        type: text
                        answer: ["Étoile"]
                      - id: q1
                        type: number
                        text: "Combien ?"
                        answer: beaucoup
                        couleur: rouge
                    """;
            Parsed<QuizBank> p = LIBRARY.parse(yaml, "yaml");
            assertThat(p.ok()).isFalse();
            assertThat(p.content()).isNull();
            assertThat(report(p)).containsExactly(
                    "ligne 10 : La réponse « e » de la question « q1 » ne fait pas partie des choix (a, b).",
                    "ligne 12 : Type inconnu « qcm » pour la question « q2 » : single, multiple, truefalse, number ou text.",
                    "ligne 15 : Il manque le texte de la question « q3 ».",
                    "ligne 18 : L'identifiant « q1 » est utilisé par deux questions.",
                    "ligne 21 : La réponse de la question « q1 » doit être un nombre (par exemple 12 ou 2,5).",
                    "ligne 22 : Clé inconnue « couleur » dans la question « q1 » (clés possibles : id, type, text, choices, answer, tolerance, explanation, source, image, points, theme, seconds).");
        }

        @Test
        void aSyntaxErrorGivesItsLine() {
            Parsed<QuizBank> p = LIBRARY.parse("id: essai\ntitle: \"Essai\nquestions: []\n", "yaml");
            assertThat(p.problems()).hasSize(1);
            assertThat(p.problems().get(0).message()).startsWith("YAML illisible");
            assertThat(p.problems().get(0).line()).isGreaterThan(0);
        }

        @Test
        void emptyOrNonBankFilesAreRefusedClearly() {
            assertThat(report(LIBRARY.parse("   ", "yaml"))).containsExactly("ligne 0 : Le fichier est vide.");
            assertThat(report(LIBRARY.parse("- a\n- b\n", "yaml")))
                    .containsExactly("ligne 1 : Le fichier doit décrire une banque de questions : id, title, description et questions.");
            assertThat(report(LIBRARY.parse("id: x\ntitle: X\nquestions: []\n", "yaml")))
                    .containsExactly("ligne 3 : La banque ne contient aucune question.");
            assertThat(report(LIBRARY.parse("x", "pdf"))).containsExactly("ligne 0 : Type de fichier inconnu : yaml ou csv.");
        }
    }

    @Nested
    class CsvImport {
        @Test
        void theDocumentedExampleImports() {
            String csv = """
                    # id: ma-banque
                    # titre: Les sites des partenaires
                    id;type;question;choix;reponse;tolerance;explication;source;lien;image;points;image_alt
                    q01;single;Sur quelle plateforme ?;a=Parcoursup | b=Mon Master | c=Mes Aides;a;;Parcoursup gère les admissions.;Parcoursup;https://www.parcoursup.gouv.fr;;
                    q02;multiple;Que peut-on faire ?;Consulter ses droits | S'inscrire à une formation | Candidater en master;a | b;;;Mon Compte Formation;https://www.moncompteformation.gouv.fr;;
                    q03;vrai-faux;Le CEP est gratuit.;;vrai;;;;;;
                    q04;nombre;Combien de départements ?;;6;0;;;;;50
                    q05;texte;Quel portail ?;;Étoile | portail Étoile;;;;https://www.etoile.regioncentre-valdeloire.fr;/img/etoile.png;;Logo du portail Étoile
                    """;
            Parsed<QuizBank> p = LIBRARY.parse(csv, "csv");
            assertThat(report(p)).isEmpty();
            QuizBank b = p.content();
            assertThat(b.id()).isEqualTo("ma-banque");
            assertThat(b.title()).isEqualTo("Les sites des partenaires");
            assertThat(b.questions()).extracting(QuizBank.Question::type)
                    .containsExactly(Type.SINGLE, Type.MULTIPLE, Type.TRUEFALSE, Type.NUMBER, Type.TEXT);
            assertThat(b.question("q02").rightChoices()).containsExactly("a", "b");
            assertThat(b.question("q04").worth()).isEqualTo(50);
            assertThat(b.question("q05").source().name()).isEqualTo("etoile.regioncentre-valdeloire.fr");
            assertThat(b.question("q05").image()).isEqualTo(new QuizBank.Image("/img/etoile.png", "Logo du portail Étoile"));
        }

        @Test
        void answersMayNameTheChoiceByItsText() {
            String csv = "type;question;choix;reponse\nunique;Quel site ?;Onisep | France Travail;france travail\n";
            Parsed<QuizBank> p = LIBRARY.parse(csv, "csv");
            assertThat(report(p)).isEmpty();
            assertThat(p.content().questions().get(0).id()).isEqualTo("q01");
            assertThat(p.content().questions().get(0).rightChoices()).containsExactly("b");
            assertThat(p.content().id()).isEqualTo("banque-importee");
        }

        @Test
        void everyWrongLineIsReportedWithItsNumber() {
            String csv = """
                    id;type;question;choix;reponse
                    q1;single;Quel site ?;a=Onisep | b=France Travail | c=CIO;e
                    q2;qcm;Quoi ?;;a

                    q3;text;;;Étoile
                    q4;number;"Sur
                    deux lignes";;beaucoup
                    q5;truefalse;Vrai ?;;peut-être
                    """;
            Parsed<QuizBank> p = LIBRARY.parse(csv, "csv");
            assertThat(report(p)).containsExactly(
                    "ligne 2 : La réponse « e » de la question « q1 » ne fait pas partie des choix (a, b, c).",
                    "ligne 3 : Type inconnu « qcm » pour la question « q2 » : single, multiple, truefalse, number ou text.",
                    "ligne 5 : Il manque le texte de la question « q3 ».",
                    "ligne 6 : La réponse de la question « q4 » doit être un nombre (par exemple 12 ou 2,5).",
                    "ligne 8 : La réponse de la question « q5 » doit être vrai ou faux (true ou false).");
        }

        @Test
        void headerProblemsAreReportedOnTheHeaderLine() {
            assertThat(report(LIBRARY.parse("# titre: x\ntype;question;couleur\nsingle;Q;rouge\n", "csv"))).containsExactly(
                    "ligne 2 : Colonne inconnue « couleur » (colonnes possibles : id, type, question, choix, reponse, tolerance, explication, source, lien, image, image_alt, points, theme, secondes).",
                    "ligne 2 : Il manque la colonne « reponse ».");
            assertThat(report(LIBRARY.parse("type,question,reponse\nsingle,Q,a\n", "csv"))).hasSize(1)
                    .first().asString().contains("points-virgules");
        }

        @Test
        void quotingMistakesAreReported() {
            assertThat(report(LIBRARY.parse("type;question;reponse\ntext;\"Ouvert;a\n", "csv")))
                    .containsExactly("ligne 2 : Guillemet ouvert jamais refermé.");
            assertThat(report(LIBRARY.parse("type;question;reponse\ntext;\"Fermé\" trop tôt;a\n", "csv"))).hasSize(1)
                    .first().asString().startsWith("ligne 2 : Guillemet mal placé");
            assertThat(report(LIBRARY.parse("type;question;reponse\ntext;Q;a;b;c\n", "csv"))).hasSize(1)
                    .first().asString().startsWith("ligne 2 : Cette ligne a plus de cellules");
        }
    }

    @Test
    void problemsAreRecordsTheHttpApiCanSerialise() throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(new Problem(3, "x"))).isEqualTo("{\"line\":3,\"message\":\"x\"}");
    }
}
