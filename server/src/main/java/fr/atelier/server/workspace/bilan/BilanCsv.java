package fr.atelier.server.workspace.bilan;

import fr.atelier.server.http.CsvExport;
import fr.atelier.server.workspace.bilan.BilanQueries.SessionLine;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as CSV (issue 18, item 4): every indicator in one long table (section; key; label;
 * measure; value), and every session in another, for spreadsheet software set to French.
 */
public final class BilanCsv {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BilanCsv() {}

    public static String indicators(Bilan b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "clé", "libellé", "mesure", "valeur"));
        rows.add(List.of("bilan", "territoire", b.scopeName(), "", ""));
        rows.add(List.of("bilan", "période", "du " + b.from() + " au " + b.to(), "fuseau", "Europe/Paris"));
        rows.add(List.of("bilan", "généré", "", "", b.generatedAt().toString()));
        var t = b.totals();
        add(rows, "total", "", "", "séances", t.sessions());
        add(rows, "total", "", "", "appareils", t.devices());
        add(rows, "total", "", "", "personnes", t.people());
        add(rows, "total", "", "", "avis", t.ratings());
        rows.add(List.of("total", "", "", "satisfaction moyenne", dec(t.satisfaction())));
        add(rows, "total", "", "", "closes automatiquement", t.closedBySystem());
        for (var m : b.months()) {
            add(rows, "mois", m.month() + "/" + m.format(), m.formatTitle(), "séances", m.sessions());
            add(rows, "mois", m.month() + "/" + m.format(), m.formatTitle(), "appareils", m.devices());
            add(rows, "mois", m.month() + "/" + m.format(), m.formatTitle(), "personnes", m.people());
        }
        for (var f : b.formats()) {
            add(rows, "format", f.format(), f.formatTitle(), "séances", f.sessions());
            add(rows, "format", f.format(), f.formatTitle(), "personnes", f.people());
            add(rows, "format", f.format(), f.formatTitle(), "avis", f.ratings());
            rows.add(List.of("format", f.format(), f.formatTitle(), "satisfaction moyenne", dec(f.satisfaction())));
        }
        for (var x : b.territories()) {
            add(rows, "territoire", x.territoryId() == null ? "" : x.territoryId(), x.name(), "séances", x.sessions());
            add(rows, "territoire", x.territoryId() == null ? "" : x.territoryId(), x.name(), "personnes", x.people());
        }
        for (var p : b.publics()) {
            add(rows, "public", p.code(), p.label(), "séances", p.count());
            add(rows, "public", p.code(), p.label(), "personnes", p.people());
        }
        for (var s : b.structures()) {
            add(rows, "structure", s.id(), s.name(), "séances", s.sessions());
        }
        for (var m : b.meetings()) {
            add(rows, "rencontre", m.a() + "+" + m.b(), m.aName() + " + " + m.bName(), "séances ensemble", m.sessions());
        }
        for (var c : b.satisfaction()) {
            add(rows, "satisfaction", c.code(), c.label(), "avis", c.count());
        }
        for (var m : b.trend()) {
            add(rows, "satisfaction par mois", m.month(), "", "avis", m.ratings());
            rows.add(List.of("satisfaction par mois", m.month(), "", "satisfaction moyenne", dec(m.average())));
        }
        for (var q : b.impacts()) {
            String key = q.questionId() + "/" + q.format();
            String label = q.question() + " — " + q.formatTitle();
            add(rows, "question d’impact", key, label, "séances", q.sessions());
            add(rows, "question d’impact", key, label, "réponses avant", q.beforeAnswers());
            rows.add(List.of("question d’impact", key, label, "moyenne avant", dec(q.before())));
            add(rows, "question d’impact", key, label, "réponses après", q.afterAnswers());
            rows.add(List.of("question d’impact", key, label, "moyenne après", dec(q.after())));
            rows.add(List.of("question d’impact", key, label, "évolution", dec(q.change())));
            for (int i = 0; i < 5; i++) {
                add(rows, "question d’impact", key, label, "après : " + (i + 1), q.afterScores().get(i));
            }
        }
        for (var c : b.cardItems()) {
            String section = CardSuggestions.DOOR.equals(c.kind()) ? "cartes porte" : "cartes dispositif";
            add(rows, section, c.key(), c.label(), "tours où suggéré", c.suggestedRounds());
            add(rows, section, c.key(), c.label(), "cité quand suggéré", c.citedWhenSuggested());
            add(rows, section, c.key(), c.label(), "cité en tout", c.citedRounds());
        }
        for (var c : b.actionStatuses()) {
            add(rows, "actions", c.code(), c.label(), "actions", c.count());
        }
        for (var a : b.actions()) {
            rows.add(List.of("action", a.project(), a.title(), a.statusLabel(), a.deadline() == null ? "" : a.deadline().toString()));
        }
        return CsvExport.write(rows);
    }

    public static String sessions(List<SessionLine> sessions) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("date (heure de Paris)", "code", "titre", "format", "territoire", "commune", "appareils", "personnes", "avis",
                "satisfaction moyenne", "durée (minutes)", "close par", "publics", "structures"));
        for (SessionLine l : sessions) {
            rows.add(List.of(TIME.format(l.createdAt().atZoneSameInstant(BilanQueries.PARIS)), l.code(), l.title(), l.formatTitle(),
                    s(l.territory()), s(l.place()), String.valueOf(l.devices()), l.people() == null ? "" : l.people().toString(),
                    String.valueOf(l.ratings()), dec(l.satisfaction()), l.minutes() == null ? "" : l.minutes().toString(),
                    s(l.closedBy()), l.publics(), s(l.structures())));
        }
        return CsvExport.write(rows);
    }

    private static void add(List<List<String>> rows, String section, String key, String label, String measure, long value) {
        rows.add(List.of(section, key, label, measure, String.valueOf(value)));
    }

    private static String dec(BigDecimal v) {
        return v == null ? "" : v.toPlainString().replace('.', ',');
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
