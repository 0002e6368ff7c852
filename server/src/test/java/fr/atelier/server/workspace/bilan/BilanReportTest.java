package fr.atelier.server.workspace.bilan;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.atelier.server.workspace.bilan.Bilan.CardItem;
import fr.atelier.server.workspace.bilan.BilanQueries.Scope;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 3, 4 and 7: the report's queries on a real PostgreSQL with sessions on Paris time
 * edges, then the XLSX read back with POI cell by cell, the PDF's text extracted, the CSV.
 */
class BilanReportTest {
    static BilanFixtures fx;
    static final Scope DREUX = new Scope("Dreux", "t_dreux", List.of("t_dreux"));
    static final Scope REGION = new Scope("Toute la région", null, null);
    static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

    @BeforeAll
    static void seed() {
        fx = new BilanFixtures().standard();
    }

    @AfterAll
    static void drop() {
        fx.close();
    }

    static Bilan bilan(Scope scope, LocalDate from, LocalDate to) {
        return fx.queries.bilan(scope, from, to).await();
    }

    @Test
    void aYearIsAParisYear() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        // s1 at 23:30 on 31 December Paris time is in 2025; s2 at 00:30 on 1 January is not; s5 (23:30 UTC on
        // 31 December 2024) is 1 January 2025 in Paris.
        assertThat(b.totals().sessions()).isEqualTo(3);
        assertThat(b.months()).extracting(Bilan.Month::month, Bilan.Month::format, Bilan.Month::sessions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-01", "quiz", 1),
                        org.assertj.core.groups.Tuple.tuple("2025-07", "cards", 1),
                        org.assertj.core.groups.Tuple.tuple("2025-12", "quiz", 1));
        assertThat(b.totals().devices()).isEqualTo(36);
        assertThat(b.totals().people()).as("declared sizes, else devices").isEqualTo(40);
        assertThat(b.totals().closedBySystem()).isEqualTo(1);
        assertThat(bilan(DREUX, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).totals().sessions()).isEqualTo(1);
        Bilan lastDay = bilan(DREUX, DEC_31, DEC_31);
        assertThat(lastDay.totals().sessions()).isEqualTo(1);
        assertThat(lastDay.months().get(0).month()).isEqualTo("2025-12");
        assertThat(bilan(DREUX, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30)).totals().sessions())
                .as("00:30 on 1 July in summer time is 22:30 UTC on 30 June").isZero();
    }

    @Test
    void satisfactionCountsEveryRating() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        assertThat(b.satisfaction()).extracting(Bilan.Count::count).containsExactly(0L, 1L, 2L, 6L, 5L);
        assertThat(b.totals().ratings()).isEqualTo(14);
        assertThat(b.totals().satisfaction()).isEqualByComparingTo("4.1");
        assertThat(b.trend()).extracting(Bilan.Trend::month).containsExactly("2025-01", "2025-07", "2025-12");
        assertThat(b.trend().get(0).average()).isNull();
        assertThat(b.trend().get(2).average()).isEqualByComparingTo("4.4");
    }

    @Test
    void publicsStructuresAndWhoMetWhom() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        assertThat(b.publics()).extracting(Bilan.Count::label, Bilan.Count::count, Bilan.Count::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lycéen·nes", 2L, 30L),
                        org.assertj.core.groups.Tuple.tuple("Collégien·nes", 1L, 24L));
        assertThat(b.structures()).extracting(Bilan.Structure::name, Bilan.Structure::sessions)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CIO de Dreux", 2L),
                        org.assertj.core.groups.Tuple.tuple("Mission locale de Dreux", 2L),
                        org.assertj.core.groups.Tuple.tuple("France Travail Dreux", 2L));
        assertThat(b.meetings()).extracting(Bilan.Meeting::aName, Bilan.Meeting::bName, Bilan.Meeting::sessions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CIO de Dreux", "Mission locale de Dreux", 2L),
                        org.assertj.core.groups.Tuple.tuple("CIO de Dreux", "France Travail Dreux", 1L),
                        org.assertj.core.groups.Tuple.tuple("France Travail Dreux", "Mission locale de Dreux", 1L));
    }

    @Test
    void cardBlindSpotsAreSuggestedButNeverCited() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        CardItem ml = item(b, "door", "mission-locale");
        assertThat(ml.suggestedRounds()).isEqualTo(1);
        assertThat(ml.citedWhenSuggested()).isEqualTo(1);
        assertThat(ml.blindSpot()).isFalse();
        CardItem cma = item(b, "door", "cma");
        assertThat(cma.label()).isEqualTo("Chambre de métiers et de l'artisanat (CMA)");
        assertThat(cma.blindSpot()).isTrue();
        CardItem cidff = item(b, "door", "cidff");
        assertThat(cidff.suggestedRounds()).as("cited though no card suggested it").isZero();
        assertThat(cidff.citedRounds()).isEqualTo(1);
        assertThat(cidff.blindSpot()).isFalse();
        assertThat(b.cardItems().stream().filter(c -> c.kind().equals("scheme") && c.blindSpot()).count()).isEqualTo(3);
        assertThat(b.cardCases()).singleElement().satisfies(c -> {
            assertThat(c.caseNumber()).isEqualTo(1);
            assertThat(c.missedDoors()).containsExactly("Info Jeunes (CRIJ, BIJ, PIJ)", "Chambre de métiers et de l'artisanat (CMA)", "France Travail");
            assertThat(c.missedSchemes()).doesNotContain("Contrat d'engagement jeune (CEJ)").hasSize(3);
        });
    }

    static CardItem item(Bilan b, String kind, String key) {
        return b.cardItems().stream().filter(c -> c.kind().equals(kind) && c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void actionPlansAndTheRegion() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        assertThat(b.actionStatuses()).extracting(Bilan.Count::code, Bilan.Count::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("planned", 1L), org.assertj.core.groups.Tuple.tuple("in_progress", 0L),
                        org.assertj.core.groups.Tuple.tuple("done", 1L), org.assertj.core.groups.Tuple.tuple("dropped", 0L));
        assertThat(b.actions()).extracting(Bilan.Action::title).containsExactly("Visites d’EHPAD", "Forum des métiers");
        assertThat(bilan(new Scope("Tours", "t_tours", List.of("t_tours")), JAN_1, DEC_31).actions()).isEmpty();
        Bilan region = bilan(REGION, JAN_1, DEC_31);
        assertThat(region.totals().sessions()).isEqualTo(4);
        assertThat(region.territories()).extracting(Bilan.TerritoryTotal::name, Bilan.TerritoryTotal::sessions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dreux", 3), org.assertj.core.groups.Tuple.tuple("Tours", 1));
        assertThat(region.territories().get(1).satisfaction()).isEqualByComparingTo(new BigDecimal("4.0"));
        assertThat(bilan(new Scope("Aucun", null, List.of()), JAN_1, DEC_31).totals().sessions()).isZero();
    }

    @Test
    void impactQuestionsByFormatBeforeAndAfter() {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        assertThat(b.impacts()).extracting(Bilan.Impact::questionId, Bilan.Impact::format).as("questions in their order, then formats")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q_str", "cards"), org.assertj.core.groups.Tuple.tuple("q_str", "quiz"),
                        org.assertj.core.groups.Tuple.tuple("q_proj", "cards"));
        Bilan.Impact cards = b.impacts().get(0);
        assertThat(cards.question()).isEqualTo("Connaissez-vous mieux les structures présentes ?");
        assertThat(cards.formatTitle()).isEqualTo("Jeu de cartes SPRO");
        assertThat(cards.sessions()).as("s2 is in 2026").isEqualTo(1);
        assertThat(cards.beforeAnswers()).isEqualTo(2);
        assertThat(cards.before()).isEqualByComparingTo("2.0");
        assertThat(cards.afterAnswers()).isZero();
        assertThat(cards.after()).isNull();
        assertThat(cards.change()).as("no change without both averages").isNull();
        assertThat(cards.afterScores()).containsExactly(0L, 0L, 0L, 0L, 0L);
        Bilan.Impact quiz = b.impacts().get(1);
        assertThat(quiz.beforeAnswers()).isEqualTo(3);
        assertThat(quiz.before()).isEqualByComparingTo("2.3");
        assertThat(quiz.afterAnswers()).isEqualTo(4);
        assertThat(quiz.after()).isEqualByComparingTo("4.0");
        assertThat(quiz.change()).as("4 - 7/3, rounded once").isEqualByComparingTo("1.7");
        assertThat(quiz.afterScores()).containsExactly(0L, 0L, 1L, 2L, 1L);
        Bilan.Impact project = b.impacts().get(2);
        assertThat(project.before()).isNull();
        assertThat(project.after()).isEqualByComparingTo("4.5");
        assertThat(project.afterScores()).containsExactly(0L, 0L, 0L, 1L, 1L);
        Bilan region = bilan(REGION, JAN_1, DEC_31);
        assertThat(region.impacts()).extracting(Bilan.Impact::questionId, Bilan.Impact::format, Bilan.Impact::afterAnswers)
                .contains(org.assertj.core.groups.Tuple.tuple("q_proj", "prioritisation", 1L)).hasSize(4);
        assertThat(bilan(DREUX, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).impacts()).singleElement()
                .satisfies(q -> assertThat(q.afterScores()).containsExactly(1L, 0L, 0L, 0L, 0L));
        assertThat(bilan(new Scope("Aucun", null, List.of()), JAN_1, DEC_31).impacts()).isEmpty();
    }

    @Test
    void theWorkbookHasOneSheetPerIndicatorWithTypedCells() throws Exception {
        Bilan b = bilan(DREUX, JAN_1, DEC_31);
        byte[] bytes = BilanXlsx.write(b, fx.queries.sessions(DREUX, JAN_1, DEC_31).await());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(14);
            Sheet s = book.getSheet("Synthèse");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Dreux");
            assertThat(s.getRow(2).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(s.getRow(2).getCell(1))).isTrue();
            assertThat(s.getRow(3).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 12, 31, 0, 0));
            assertThat(s.getRow(4).getCell(1).getLocalDateTimeCellValue()).as("generated, Paris time").isEqualTo(LocalDateTime.of(2026, 2, 3, 10, 15));
            assertThat(s.getRow(5).getCell(1).getStringCellValue()).contains("Europe/Paris");
            assertThat(s.getRow(7).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(s.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(s.getRow(9).getCell(1).getNumericCellValue()).isEqualTo(40);
            assertThat(s.getRow(11).getCell(1).getNumericCellValue()).isEqualTo(4.1);

            Sheet months = book.getSheet("Par mois");
            assertThat(months.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mois");
            assertThat(months.getLastRowNum()).isEqualTo(3);
            assertThat(DateUtil.isCellDateFormatted(months.getRow(3).getCell(0))).isTrue();
            assertThat(months.getRow(3).getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 12, 1, 0, 0));
            assertThat(months.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Challenge numérique");
            assertThat(months.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(months.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(24);

            Sheet scores = book.getSheet("Satisfaction");
            for (int i = 1; i <= 5; i++) {
                assertThat(scores.getRow(i).getCell(0).getNumericCellValue()).isEqualTo(i);
                assertThat(scores.getRow(i).getCell(1).getNumericCellValue()).isEqualTo(new long[] {0, 1, 2, 6, 5}[i - 1]);
            }
            Sheet meetings = book.getSheet("Rencontres");
            assertThat(meetings.getRow(1).getCell(0).getStringCellValue()).isEqualTo("CIO de Dreux");
            assertThat(meetings.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2);
            Sheet sessions = book.getSheet("Séances");
            assertThat(sessions.getLastRowNum()).isEqualTo(3);
            assertThat(sessions.getRow(3).getCell(0).getLocalDateTimeCellValue()).as("23:30 Paris, not 22:30 UTC")
                    .isEqualTo(LocalDateTime.of(2025, 12, 31, 23, 30));
            assertThat(sessions.getRow(3).getCell(10).getNumericCellValue()).isEqualTo(90);
            assertThat(sessions.getRow(3).getCell(12).getStringCellValue()).isEqualTo("Collégien·nes, Lycéen·nes");
            assertThat(sessions.getRow(1).getCell(11).getStringCellValue()).isEqualTo("automatiquement");
            Sheet cards = book.getSheet("Cartes - portes et dispositifs");
            boolean cma = false;
            for (int i = 1; i <= cards.getLastRowNum(); i++) {
                if (cards.getRow(i).getCell(1).getStringCellValue().contains("(CMA)")) {
                    cma = true;
                    assertThat(cards.getRow(i).getCell(2).getNumericCellValue()).isEqualTo(1);
                    assertThat(cards.getRow(i).getCell(5).getStringCellValue()).isEqualTo("oui");
                }
            }
            assertThat(cma).isTrue();
            Sheet impact = book.getSheet("Questions d’impact");
            assertThat(impact.getLastRowNum()).isEqualTo(3);
            assertThat(impact.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Connaissez-vous mieux les structures présentes ?");
            assertThat(impact.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Challenge numérique");
            assertThat(impact.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(impact.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(impact.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(2.3);
            assertThat(impact.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(4.0);
            assertThat(impact.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(1.7);
            assertThat(impact.getRow(2).getCell(11).getNumericCellValue()).as("after: 4").isEqualTo(2);
            assertThat(impact.getRow(1).getCell(7)).as("no change without an average after").isNull();
            assertThat(impact.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(4.5);
            Sheet actions = book.getSheet("Plans d’action");
            assertThat(actions.getRow(1).getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 10, 1, 0, 0));
            assertThat(actions.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Réalisée");
        }
    }

    @Test
    void thePdfSaysWhereWhenAndWhat() throws Exception {
        byte[] pdf = BilanPdf.write(bilan(DREUX, JAN_1, DEC_31));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/bilan-exemple.pdf"), pdf);   // to look at
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        reader.close();
        String all = text.toString();
        assertThat(all).contains("Bilan d’activité SPRO", "Dreux", "Année 2025 (du 1 janvier 2025 au 31 décembre 2025)",
                "Europe/Paris", "Généré le 3 février 2026 à 10:15", "Séances par mois", "Lycéen·nes", "CIO de Dreux",
                "Mission locale de Dreux", "angle mort", "Visites d’EHPAD", "Réalisée", "4,1 / 5",
                "Questions d’impact", "Connaissez-vous", "2,3 / 5", "+1,7", "0 / 0 / 1 / 2 / 1",
                "Savez-vous à qui", "4,5 / 5");
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCsvHoldsEveryIndicator() {
        String csv = BilanCsv.indicators(bilan(DREUX, JAN_1, DEC_31));
        assertThat(csv).startsWith("\uFEFF").contains("\"total\";\"\";\"\";\"séances\";\"3\"")
                .contains("\"mois\";\"2025-12/quiz\";\"Challenge numérique\";\"personnes\";\"24\"")
                .contains("\"rencontre\";\"st_cio+st_ml\"")
                .contains("\"question d’impact\";\"q_str/quiz\";\"Connaissez-vous mieux les structures présentes ? — Challenge numérique\";\"évolution\";\"1,7\"")
                .contains("\"question d’impact\";\"q_str/quiz\";\"Connaissez-vous mieux les structures présentes ? — Challenge numérique\";\"après : 4\";\"2\"").contains("\"Europe/Paris\"");
        String sessions = BilanCsv.sessions(fx.queries.sessions(DREUX, JAN_1, DEC_31).await());
        assertThat(sessions).contains("\"2025-12-31 23:30\";\"S1\"").contains("\"2025-01-01 00:30\";\"S5\"");
    }
}
