package fr.atelier.server.workspace.bilan;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The annual report as a PDF (issue 18, item 4), laid out for the Région's activity report: the
 * territory, the period and the generation date on the first page, then each indicator as a simple
 * vector bar chart drawn with OpenPDF (no raster, no chart library on the server) and its table.
 */
public final class BilanPdf {
    static final Locale FR = Locale.FRANCE;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", FR);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", FR);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", FR);
    static final Color INK = new Color(0x1d, 0x35, 0x57);
    static final Color BAR = new Color(0x2a, 0x6f, 0x97);
    static final Color PALE = new Color(0xe8, 0xee, 0xf4);
    static final int TABLE_MAX = 40;

    private final Document doc = new Document(PageSize.A4, 42, 42, 48, 48);
    private final Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.CP1252, 20, Font.NORMAL, INK);
    private final Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.CP1252, 13, Font.NORMAL, INK);
    private final Font body = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 9.5f);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.CP1252, 9.5f);
    private final Font small = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 8, Font.NORMAL, Color.DARK_GRAY);
    private final BaseFont chartFont;
    private PdfWriter writer;

    private BilanPdf() {
        try {
            chartFont = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(Bilan b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BilanPdf p = new BilanPdf();
        p.writer = PdfWriter.getInstance(p.doc, out);
        p.doc.addTitle("Bilan d’activité SPRO — " + b.scopeName());
        p.doc.addCreator("Atelier");
        HeaderFooter footer = new HeaderFooter(new Phrase("Bilan d’activité SPRO — " + b.scopeName() + " — page ", p.small), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.NO_BORDER);
        p.doc.setFooter(footer);
        p.doc.open();
        try {
            p.fill(b);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        p.doc.close();
        return out.toByteArray();
    }

    static String period(Bilan b) {
        boolean year = b.from().getDayOfYear() == 1 && b.to().equals(b.from().withDayOfYear(b.from().lengthOfYear()));
        return year ? "Année " + b.from().getYear() + " (du " + DAY.format(b.from()) + " au " + DAY.format(b.to()) + ")"
                : "Du " + DAY.format(b.from()) + " au " + DAY.format(b.to());
    }

    private void fill(Bilan b) throws DocumentException {
        doc.add(new Paragraph("Bilan d’activité SPRO", h1));
        doc.add(new Paragraph(b.scopeName(), h2));
        doc.add(new Paragraph(period(b), body));
        doc.add(new Paragraph("Jours, mois et années comptés à l’heure de Paris (Europe/Paris).", small));
        doc.add(new Paragraph("Généré le " + STAMP.format(LocalDateTime.ofInstant(b.generatedAt(), BilanQueries.PARIS)) + " par Atelier.", small));

        section("Chiffres clés");
        var t = b.totals();
        table(new float[] {3, 1}, List.of("Indicateur", "Valeur"), List.of(
                List.of("Séances", n(t.sessions())),
                List.of("Appareils connectés", n(t.devices())),
                List.of("Personnes (tailles d’équipe déclarées comprises)", n(t.people())),
                List.of("Avis de satisfaction", n(t.ratings())),
                List.of("Satisfaction moyenne", avg(t.satisfaction())),
                List.of("Séances closes automatiquement (inactivité)", n(t.closedBySystem()))));

        section("Séances par mois");
        List<String> months = new ArrayList<>();
        List<Long> perMonth = new ArrayList<>();
        for (var m : b.months()) {
            String label = MONTH.format(YearMonth.parse(m.month()));
            int at = months.indexOf(label);
            if (at < 0) {
                months.add(label);
                perMonth.add((long) m.sessions());
            } else {
                perMonth.set(at, perMonth.get(at) + m.sessions());
            }
        }
        chart(months, perMonth);
        List<List<String>> rows = new ArrayList<>();
        b.months().forEach(m -> rows.add(List.of(MONTH.format(YearMonth.parse(m.month())), m.formatTitle(), n(m.sessions()), n(m.devices()), n(m.people()))));
        table(new float[] {1.2f, 2.5f, 1, 1, 1}, List.of("Mois", "Format", "Séances", "Appareils", "Personnes"), rows);

        section("Formats");
        rows.clear();
        b.formats().forEach(f -> rows.add(List.of(f.formatTitle(), n(f.sessions()), n(f.people()), n(f.ratings()), avg(f.satisfaction()))));
        table(new float[] {2.5f, 1, 1, 1, 1.2f}, List.of("Format", "Séances", "Personnes", "Avis", "Satisfaction"), rows);

        if (b.territoryId() == null && !b.territories().isEmpty()) {
            section("Territoires");
            rows.clear();
            b.territories().forEach(x -> rows.add(List.of(x.name(), n(x.sessions()), n(x.people()), avg(x.satisfaction()))));
            table(new float[] {2.5f, 1, 1, 1.2f}, List.of("Territoire", "Séances", "Personnes", "Satisfaction"), rows);
        }

        section("Publics touchés");
        chart(b.publics().stream().map(Bilan.Count::label).toList(), b.publics().stream().map(Bilan.Count::count).toList());
        rows.clear();
        b.publics().forEach(p -> rows.add(List.of(p.label(), n(p.count()), n(p.people()))));
        table(new float[] {2.5f, 1, 1}, List.of("Public", "Séances", "Personnes"), rows);

        section("Structures rencontrées");
        rows.clear();
        b.structures().forEach(s -> rows.add(List.of(s.name(), s.kind() == null ? "" : s.kind(), n(s.sessions()))));
        table(new float[] {3, 1.5f, 1}, List.of("Structure", "Type", "Séances"), rows);
        doc.add(new Paragraph("Les structures qui se sont rencontrées (séances où elles étaient présentes ensemble) :", body));
        rows.clear();
        b.meetings().forEach(m -> rows.add(List.of(m.aName(), m.bName(), n(m.sessions()))));
        table(new float[] {2, 2, 1}, List.of("Structure", "Avec", "Séances ensemble"), rows);

        section("Satisfaction");
        chart(b.satisfaction().stream().map(Bilan.Count::label).toList(), b.satisfaction().stream().map(Bilan.Count::count).toList());
        rows.clear();
        b.trend().forEach(m -> rows.add(List.of(MONTH.format(YearMonth.parse(m.month())), n(m.ratings()), avg(m.average()))));
        table(new float[] {1.5f, 1, 1}, List.of("Mois", "Avis", "Satisfaction moyenne"), rows);

        section("Questions d’impact");
        doc.add(new Paragraph("Les questions facultatives du territoire, notées de 1 à 5 avant et après la séance, par format. "
                + "L’évolution est l’écart entre les deux moyennes.", body));
        rows.clear();
        b.impacts().forEach(q -> rows.add(List.of(q.question(), q.formatTitle(), n(q.beforeAnswers()), avg(q.before()), n(q.afterAnswers()),
                avg(q.after()), signed(q.change()), String.join(" / ", q.afterScores().stream().map(BilanPdf::n).toList()))));
        table(new float[] {2, 1.3f, 1.15f, 1, 1.15f, 1, 1.05f, 1.45f}, List.of("Question", "Format", "Réponses avant", "Moyenne avant",
                "Réponses après", "Moyenne après", "Évolution", "Après : 1 / 2 / 3 / 4 / 5"), rows);

        section("Jeu de cartes : portes et dispositifs");
        doc.add(new Paragraph("Ce que les cartes situation suggèrent, face à ce que les grilles d’observation ont cité. "
                + "Un angle mort est suggéré mais jamais cité.", body));
        rows.clear();
        b.cardItems().forEach(c -> rows.add(List.of(CardSuggestions.DOOR.equals(c.kind()) ? "Porte" : "Dispositif", c.label(),
                n(c.suggestedRounds()), n(c.citedWhenSuggested()), n(c.citedRounds()), c.blindSpot() ? "angle mort" : "")));
        table(new float[] {1, 3, 1, 1, 1, 1}, List.of("Type", "Porte ou dispositif", "Suggéré (tours)", "Cité si suggéré", "Cité en tout", ""), rows);

        section("Dessine-moi le travail : plans d’action");
        chart(b.actionStatuses().stream().map(Bilan.Count::label).toList(), b.actionStatuses().stream().map(Bilan.Count::count).toList());
        rows.clear();
        b.actions().forEach(a -> rows.add(List.of(a.project(), a.title(), a.leadPartner() == null ? "" : a.leadPartner(),
                a.deadline() == null ? "" : DAY.format(a.deadline()), a.statusLabel())));
        table(new float[] {1.5f, 3, 1.5f, 1.2f, 1}, List.of("Projet", "Action", "Pilote", "Échéance", "Statut"), rows);
    }

    private void section(String title) throws DocumentException {
        Paragraph p = new Paragraph(title, h2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private void table(float[] widths, List<String> headers, List<List<String>> rows) throws DocumentException {
        if (rows.isEmpty()) {
            doc.add(new Paragraph("Aucune donnée sur la période.", small));
            return;
        }
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(6);
        t.setSpacingAfter(6);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, head));
            c.setBackgroundColor(PALE);
            c.setPadding(4);
            t.addCell(c);
        }
        int shown = Math.min(rows.size(), TABLE_MAX);
        for (List<String> row : rows.subList(0, shown)) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell c = new PdfPCell(new Phrase(row.get(i), body));
                c.setPadding(3);
                if (i > 0 && row.get(i).matches("[0-9  ,/—.+-]+")) {
                    c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                t.addCell(c);
            }
        }
        doc.add(t);
        if (rows.size() > shown) {
            doc.add(new Paragraph(new Chunk("… et " + n(rows.size() - shown) + " lignes de plus dans le classeur XLSX.", small)));
        }
    }

    /** Horizontal bars, one per label, drawn as vector shapes. */
    private void chart(List<String> labels, List<Long> values) throws DocumentException {
        if (labels.isEmpty()) {
            return;
        }
        float width = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
        float bar = 11;
        float gap = 4;
        float height = labels.size() * (bar + gap) + gap;
        float left = 150;
        float right = 40;
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate tpl = cb.createTemplate(width, height);
        for (int i = 0; i < labels.size(); i++) {
            float y = height - (i + 1) * (bar + gap);
            float w = (width - left - right) * values.get(i) / max;
            tpl.setColorFill(BAR);
            tpl.rectangle(left, y, Math.max(w, 0.5f), bar);
            tpl.fill();
            tpl.beginText();
            tpl.setColorFill(Color.BLACK);
            tpl.setFontAndSize(chartFont, 8);
            String label = labels.get(i).length() > 34 ? labels.get(i).substring(0, 33) + "…" : labels.get(i);
            tpl.showTextAligned(Element.ALIGN_RIGHT, label, left - 4, y + 2.5f, 0);
            tpl.showTextAligned(Element.ALIGN_LEFT, n(values.get(i)), left + w + 4, y + 2.5f, 0);
            tpl.endText();
        }
        Image img = Image.getInstance(tpl);
        img.setSpacingAfter(6);
        doc.add(img);
    }

    static String n(long v) {
        return String.format(FR, "%,d", v).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    static String signed(BigDecimal v) {
        return v == null ? "—" : (v.signum() > 0 ? "+" : "") + v.toPlainString().replace('.', ',');
    }

    static String avg(BigDecimal v) {
        return v == null ? "—" : v.toPlainString().replace('.', ',') + " / 5";
    }
}
