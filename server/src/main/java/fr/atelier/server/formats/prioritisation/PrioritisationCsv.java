package fr.atelier.server.formats.prioritisation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.CsvExport;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.Vocabulary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Dessine-moi le travail" as CSV: the session's part of the synthesis export (contributions,
 * themes, the vote's ranking, the action plan) and a project's action plan on its own.
 */
public final class PrioritisationCsv {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private PrioritisationCsv() {}

    /** The session's rows, appended after the common sections of the synthesis export. */
    public static void rows(JsonNode r, List<List<String>> rows) {
        JsonNode project = r.path("project");
        if (!project.isMissingNode() && !project.isNull()) {
            rows.add(List.of("Projet", "Nom", "Secteur ou métier", "Territoire", "Public cible", "Séances précédentes"));
            rows.add(List.of("", project.path("name").asText(""), project.path("sector").asText(""), project.path("territory").asText(""),
                    project.path("targetPublic").asText(""), project.path("previousSessions").asText("0")));
            rows.add(List.of());
        }
        rows.add(List.of("Profils", "Profil", "Participants"));
        r.path("room").fields().forEachRemaining(e ->
                rows.add(List.of("", Vocabulary.label(Vocabulary.PROFILES, e.getKey()), e.getValue().asText())));
        rows.add(List.of());

        Map<String, String> themeNames = new HashMap<>();
        for (JsonNode t : r.path("synthesis").path("themes")) {
            themeNames.put(t.path("id").asText(), t.path("name").asText());
        }
        rows.add(List.of("Contributions", "Texte", "Type", "Catégorie", "Profil", "Thème", "État", "Recueillie"));
        for (JsonNode c : r.path("contributions")) {
            String state = c.path("hidden").asBoolean() ? "masquée" : c.hasNonNull("mergedInto") ? "fusionnée (doublon)" : "visible";
            rows.add(List.of("", c.path("text").asText(), Vocabulary.label(Vocabulary.KINDS, c.path("kind").asText()),
                    Vocabulary.label(Vocabulary.CATEGORIES, c.path("category").asText()),
                    Vocabulary.label(Vocabulary.PROFILES, c.path("profile").asText()), themeNames.getOrDefault(c.path("themeId").asText(), ""),
                    state, c.path("earlier").asBoolean() ? "séance précédente" : "cette séance"));
        }
        rows.add(List.of());

        List<String> head = new ArrayList<>(List.of("Thèmes", "Thème", "Contributions"));
        Vocabulary.CATEGORIES.values().forEach(head::add);
        Vocabulary.SIDES.values().forEach(head::add);
        head.add("Récurrent");
        rows.add(head);
        for (JsonNode t : r.path("synthesis").path("themes")) {
            rows.add(themeRow(t.path("name").asText(), t));
        }
        rows.add(themeRow("(sans thème)", r.path("synthesis").path("unthemed")));
        rows.add(List.of());

        JsonNode ranking = r.path("ranking");
        List<String> rankHead = new ArrayList<>(List.of(r.path("revealed").asBoolean() ? "Classement du vote" : "Vote (non dévoilé en séance)",
                "Rang", "Ex aequo", "Proposition", "Thème", "Gommettes", "Votants"));
        Vocabulary.SIDES.values().forEach(v -> rankHead.add("Gommettes : " + v));
        rankHead.addAll(List.of("Impact moyen (1 à 5)", "Faisabilité moyenne (1 à 5)", "Matrice"));
        rows.add(rankHead);
        for (JsonNode row : ranking.path("rows")) {
            List<String> line = new ArrayList<>(List.of("", row.path("rank").asText(), row.path("tied").asBoolean() ? "oui" : "",
                    row.path("text").asText(), row.path("themeName").asText(""), row.path("dots").asText(), row.path("voters").asText()));
            for (String side : Vocabulary.SIDES.keySet()) {
                line.add(row.path("dotsBySide").path(side).asText("0"));
            }
            line.add(decimal(row.path("impact")));
            line.add(decimal(row.path("feasibility")));
            line.add(row.hasNonNull("quadrant") ? Vocabulary.label(Vocabulary.QUADRANTS, row.path("quadrant").asText()) : "");
            rows.add(line);
        }
        rows.add(List.of());

        rows.add(List.of("Plan d'action", "Action", "Proposition", "Partenaire pilote", "Échéance", "Statut"));
        for (JsonNode a : r.path("plan")) {
            rows.add(List.of("", a.path("title").asText(), a.path("proposalText").asText(""), a.path("lead").asText(""),
                    day(a.path("deadline").asText(null)), Vocabulary.label(Vocabulary.STATUSES, a.path("status").asText())));
        }
    }

    private static List<String> themeRow(String name, JsonNode t) {
        JsonNode counts = t.path("counts");
        List<String> row = new ArrayList<>(List.of("", name, counts.path("count").asText("0")));
        for (String cat : Vocabulary.CATEGORIES.keySet()) {
            row.add(counts.path("byCategory").path(cat).asText("0"));
        }
        for (String side : Vocabulary.SIDES.keySet()) {
            row.add(counts.path("bySide").path(side).asText("0"));
        }
        row.add(t.path("recurring").asBoolean() ? "oui" : "");
        return row;
    }

    /** A project's action plan, for the partners of the territory. */
    public static String plan(ProjectStore.Report report) {
        List<List<String>> rows = new ArrayList<>();
        var p = report.project();
        rows.add(List.of("Projet", "Secteur ou métier", "Territoire", "Public cible", "Séances"));
        rows.add(List.of(p.name(), p.sector(), p.territory(), p.targetPublic(), Integer.toString(report.sessions().size())));
        rows.add(List.of());
        Map<String, Proposal> proposals = new HashMap<>();
        p.proposals().forEach(x -> proposals.put(x.id(), x));
        Map<String, String> themes = new HashMap<>();
        for (Theme t : p.themes()) {
            themes.put(t.id(), t.name());
        }
        // The dots each proposal got in the last vote that included it.
        Map<String, ProjectStore.VoteRow> lastVote = new HashMap<>();
        for (ProjectStore.VoteRow v : report.votes()) {
            lastVote.put(v.proposalId(), v);
        }
        rows.add(List.of("Action", "Proposition", "Thème", "Partenaire pilote", "Échéance", "Statut", "Gommettes (dernier vote)",
                "Mise à jour"));
        for (Action a : p.actions()) {
            Proposal from = a.proposalId() == null ? null : proposals.get(a.proposalId());
            ProjectStore.VoteRow vote = a.proposalId() == null ? null : lastVote.get(a.proposalId());
            rows.add(List.of(a.title(), from == null ? "" : from.text(), from == null ? "" : themes.getOrDefault(from.themeId(), ""),
                    a.lead() == null ? "" : a.lead(), day(a.deadline()), Vocabulary.label(Vocabulary.STATUSES, a.status()),
                    vote == null ? "" : Integer.toString(vote.dots()), TIME.format(Instant.ofEpochMilli(a.updatedAt()))));
        }
        return write(rows);
    }

    /** UTF-8 with a BOM, ';' separators, every cell quoted and defused, as {@link CsvExport} writes. */
    static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(CsvExport.cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String day(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : n.asText().replace('.', ',');
    }
}
