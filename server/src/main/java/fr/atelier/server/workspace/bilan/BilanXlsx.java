package fr.atelier.server.workspace.bilan;

import fr.atelier.server.workspace.bilan.BilanQueries.SessionLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The annual report as an XLSX workbook (issue 18, item 4): one sheet per indicator, numbers as
 * numeric cells, months and dates as date cells (Paris time), streamed so that 50,000 sessions fit.
 */
public final class BilanXlsx {
    private final SXSSFWorkbook book = new SXSSFWorkbook(200);
    private final CellStyle bold;
    private final CellStyle month;
    private final CellStyle day;
    private final CellStyle dateTime;
    private final CellStyle decimal;

    private BilanXlsx() {
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
        var formats = book.createDataFormat();
        month = book.createCellStyle();
        month.setDataFormat(formats.getFormat("mmmm yyyy"));
        day = book.createCellStyle();
        day.setDataFormat(formats.getFormat("dd/mm/yyyy"));
        dateTime = book.createCellStyle();
        dateTime.setDataFormat(formats.getFormat("dd/mm/yyyy hh:mm"));
        decimal = book.createCellStyle();
        decimal.setDataFormat(formats.getFormat("0.0"));
    }

    /** The workbook's bytes. */
    public static byte[] write(Bilan b, List<SessionLine> sessions) {
        BilanXlsx x = new BilanXlsx();
        try {
            x.fill(b, sessions);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            x.book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            x.book.dispose();
        }
    }

    private void fill(Bilan b, List<SessionLine> sessions) {
        Sheet s = sheet("Synthèse", 38, 22);
        text(s, 0, "Bilan d’activité SPRO", bold);
        line(s, 1, "Territoire", b.scopeName());
        Row r = s.createRow(2);
        r.createCell(0).setCellValue("Du");
        date(r, 1, b.from(), day);
        r = s.createRow(3);
        r.createCell(0).setCellValue("Au");
        date(r, 1, b.to(), day);
        r = s.createRow(4);
        r.createCell(0).setCellValue("Généré le");
        r.createCell(1).setCellValue(LocalDateTime.ofInstant(b.generatedAt(), BilanQueries.PARIS));
        r.getCell(1).setCellStyle(dateTime);
        line(s, 5, "Fuseau horaire", "Jours, mois et années comptés à l’heure de Paris (Europe/Paris)");
        var t = b.totals();
        number(s, 7, "Séances", t.sessions());
        number(s, 8, "Appareils connectés", t.devices());
        number(s, 9, "Personnes (tailles d’équipe déclarées comprises)", t.people());
        number(s, 10, "Avis de satisfaction", t.ratings());
        r = s.createRow(11);
        r.createCell(0).setCellValue("Satisfaction moyenne (sur 5)");
        decimal(r, 1, t.satisfaction());
        number(s, 12, "Séances closes automatiquement", t.closedBySystem());

        s = table("Par mois", "Mois", "Format", "Séances", "Appareils", "Personnes");
        int i = 1;
        for (var m : b.months()) {
            r = s.createRow(i++);
            date(r, 0, YearMonth.parse(m.month()).atDay(1), month);
            r.createCell(1).setCellValue(m.formatTitle());
            r.createCell(2).setCellValue(m.sessions());
            r.createCell(3).setCellValue(m.devices());
            r.createCell(4).setCellValue(m.people());
        }
        s = table("Formats", "Format", "Séances", "Appareils", "Personnes", "Avis", "Satisfaction moyenne");
        i = 1;
        for (var f : b.formats()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(f.formatTitle());
            r.createCell(1).setCellValue(f.sessions());
            r.createCell(2).setCellValue(f.devices());
            r.createCell(3).setCellValue(f.people());
            r.createCell(4).setCellValue(f.ratings());
            decimal(r, 5, f.satisfaction());
        }
        s = table("Territoires", "Territoire", "Séances", "Personnes", "Avis", "Satisfaction moyenne");
        i = 1;
        for (var f : b.territories()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(f.name());
            r.createCell(1).setCellValue(f.sessions());
            r.createCell(2).setCellValue(f.people());
            r.createCell(3).setCellValue(f.ratings());
            decimal(r, 4, f.satisfaction());
        }
        s = table("Publics", "Public", "Séances", "Personnes");
        i = 1;
        for (var p : b.publics()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(p.label());
            r.createCell(1).setCellValue(p.count());
            r.createCell(2).setCellValue(p.people());
        }
        s = table("Structures", "Structure", "Type", "Territoire", "Séances");
        i = 1;
        for (var st : b.structures()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(st.name());
            r.createCell(1).setCellValue(orEmpty(st.kind()));
            r.createCell(2).setCellValue(orEmpty(st.territory()));
            r.createCell(3).setCellValue(st.sessions());
        }
        s = table("Rencontres", "Structure", "Avec la structure", "Séances ensemble");
        i = 1;
        for (var m : b.meetings()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(m.aName());
            r.createCell(1).setCellValue(m.bName());
            r.createCell(2).setCellValue(m.sessions());
        }
        s = table("Satisfaction", "Note (sur 5)", "Avis");
        i = 1;
        for (var c : b.satisfaction()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(Integer.parseInt(c.code()));
            r.createCell(1).setCellValue(c.count());
        }
        s = table("Satisfaction par mois", "Mois", "Avis", "Satisfaction moyenne");
        i = 1;
        for (var m : b.trend()) {
            r = s.createRow(i++);
            date(r, 0, YearMonth.parse(m.month()).atDay(1), month);
            r.createCell(1).setCellValue(m.ratings());
            decimal(r, 2, m.average());
        }
        s = table("Questions d’impact", "Question", "Format", "Séances", "Réponses avant", "Moyenne avant", "Réponses après",
                "Moyenne après", "Évolution (après - avant)", "Après : 1", "Après : 2", "Après : 3", "Après : 4", "Après : 5");
        s.setColumnWidth(0, 50 * 256);
        i = 1;
        for (var q : b.impacts()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(q.question());
            r.createCell(1).setCellValue(q.formatTitle());
            r.createCell(2).setCellValue(q.sessions());
            r.createCell(3).setCellValue(q.beforeAnswers());
            decimal(r, 4, q.before());
            r.createCell(5).setCellValue(q.afterAnswers());
            decimal(r, 6, q.after());
            decimal(r, 7, q.change());
            for (int k = 0; k < 5; k++) {
                r.createCell(8 + k).setCellValue(q.afterScores().get(k));
            }
        }
        s = table("Cartes - portes et dispositifs", "Type", "Porte ou dispositif", "Tours où une carte le suggère",
                "Cité quand suggéré", "Cité en tout", "Angle mort");
        i = 1;
        for (var c : b.cardItems()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(CardSuggestions.DOOR.equals(c.kind()) ? "Porte à ouvrir" : "Dispositif");
            r.createCell(1).setCellValue(c.label());
            r.createCell(2).setCellValue(c.suggestedRounds());
            r.createCell(3).setCellValue(c.citedWhenSuggested());
            r.createCell(4).setCellValue(c.citedRounds());
            r.createCell(5).setCellValue(c.blindSpot() ? "oui" : "non");
        }
        s = table("Cartes - cas joués", "Jeu", "Carte", "Situation", "Tours", "Portes jamais citées", "Dispositifs jamais cités");
        i = 1;
        for (var c : b.cardCases()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(c.deckId());
            r.createCell(1).setCellValue(c.caseNumber());
            r.createCell(2).setCellValue(orEmpty(c.title()));
            r.createCell(3).setCellValue(c.rounds());
            r.createCell(4).setCellValue(String.join(", ", c.missedDoors()));
            r.createCell(5).setCellValue(String.join(", ", c.missedSchemes()));
        }
        s = table("Plans d’action", "Projet", "Action", "Partenaire pilote", "Échéance", "Statut", "Mise à jour");
        i = 1;
        for (var a : b.actions()) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(a.project());
            r.createCell(1).setCellValue(a.title());
            r.createCell(2).setCellValue(orEmpty(a.leadPartner()));
            date(r, 3, a.deadline(), day);
            r.createCell(4).setCellValue(a.statusLabel());
            r.createCell(5).setCellValue(LocalDateTime.ofInstant(a.updatedAt(), BilanQueries.PARIS));
            r.getCell(5).setCellStyle(dateTime);
        }
        s = table("Séances", "Date (heure de Paris)", "Code", "Titre", "Format", "Territoire", "Commune", "Appareils", "Personnes",
                "Avis", "Satisfaction moyenne", "Durée (minutes)", "Close par", "Publics", "Structures");
        i = 1;
        for (SessionLine l : sessions) {
            r = s.createRow(i++);
            r.createCell(0).setCellValue(l.createdAt().atZoneSameInstant(BilanQueries.PARIS).toLocalDateTime());
            r.getCell(0).setCellStyle(dateTime);
            r.createCell(1).setCellValue(l.code());
            r.createCell(2).setCellValue(l.title());
            r.createCell(3).setCellValue(l.formatTitle());
            r.createCell(4).setCellValue(orEmpty(l.territory()));
            r.createCell(5).setCellValue(orEmpty(l.place()));
            r.createCell(6).setCellValue(l.devices());
            if (l.people() != null) {
                r.createCell(7).setCellValue(l.people());
            }
            r.createCell(8).setCellValue(l.ratings());
            decimal(r, 9, l.satisfaction());
            if (l.minutes() != null) {
                r.createCell(10).setCellValue(l.minutes());
            }
            r.createCell(11).setCellValue("system".equals(l.closedBy()) ? "automatiquement" : "facilitator".equals(l.closedBy()) ? "animation" : "");
            r.createCell(12).setCellValue(l.publics());
            r.createCell(13).setCellValue(orEmpty(l.structures()));
        }
    }

    private Sheet sheet(String name, int... widths) {
        SXSSFSheet s = book.createSheet(name);
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        return s;
    }

    private Sheet table(String name, String... headers) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = Math.max(12, Math.min(40, headers[i].length() + 4));
        }
        Sheet s = sheet(name, widths);
        Row r = s.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            r.createCell(i).setCellValue(headers[i]);
            r.getCell(i).setCellStyle(bold);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void text(Sheet s, int row, String value, CellStyle style) {
        Row r = s.createRow(row);
        r.createCell(0).setCellValue(value);
        r.getCell(0).setCellStyle(style);
    }

    private static void line(Sheet s, int row, String label, String value) {
        Row r = s.createRow(row);
        r.createCell(0).setCellValue(label);
        r.createCell(1).setCellValue(value);
    }

    private static void number(Sheet s, int row, String label, long value) {
        Row r = s.createRow(row);
        r.createCell(0).setCellValue(label);
        r.createCell(1).setCellValue(value);
    }

    private void decimal(Row r, int col, BigDecimal value) {
        if (value != null) {
            r.createCell(col).setCellValue(value.doubleValue());
            r.getCell(col).setCellStyle(decimal);
        }
    }

    private static void date(Row r, int col, LocalDate value, CellStyle style) {
        if (value != null) {
            r.createCell(col).setCellValue(value);
            r.getCell(col).setCellStyle(style);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
