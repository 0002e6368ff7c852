package fr.atelier.server.formats.prioritisation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.CsvExport;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.prioritisation.PrioritisationResultRows;
import fr.atelier.workshops.prioritisation.PrioritisationViews;
import fr.atelier.workshops.prioritisation.PrioritisationVocabulary;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.Tally;
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
    public static void rows(JsonNode json, List<List<String>> rows) {
        PrioritisationViews.Results results = Json.MAPPER.convertValue(json, PrioritisationViews.Results.class);
        PrioritisationResultRows r = PrioritisationResultRows.of(results);
        PrioritisationVocabulary words = results.vocabulary(); // null: the built-in labels
        PrioritisationViews.ProjectView project = r.project();
        if (project != null) {
            rows.add(List.of("Projet", "Nom", "Secteur ou métier", "Territoire", "Public cible", "Séances précédentes"));
            rows.add(List.of("", orEmpty(project.name()), orEmpty(project.sector()), orEmpty(project.territory()),
                    orEmpty(project.targetPublic()), project.previousSessions() == null ? "0" : project.previousSessions().toString()));
            rows.add(List.of());
        }
        rows.add(List.of("Profils", "Profil", "Participants"));
        for (PrioritisationResultRows.Profile p : r.profiles()) {
            rows.add(List.of("", PrioritisationVocabulary.profileLabel(words, p.profile()), Integer.toString(p.participants())));
        }
        rows.add(List.of());

        rows.add(List.of("Contributions", "Texte", "Type", "Catégorie", "Profil", "Thème", "État", "Recueillie"));
        for (PrioritisationResultRows.Contribution c : r.contributions()) {
            String state = switch (c.state()) {
                case "hidden" -> "masquée";
                case "merged" -> "fusionnée (doublon)";
                default -> "visible";
            };
            rows.add(List.of("", orEmpty(c.text()), Vocabulary.label(Vocabulary.KINDS, c.kind()),
                    PrioritisationVocabulary.categoryLabel(words, c.category()), PrioritisationVocabulary.profileLabel(words, c.profile()),
                    orEmpty(c.themeName()), state, c.earlier() ? "séance précédente" : "cette séance"));
        }
        rows.add(List.of());

        List<String> head = new ArrayList<>(List.of("Thèmes", "Thème", "Contributions"));
        Vocabulary.CATEGORIES.keySet().forEach(id -> head.add(PrioritisationVocabulary.categoryLabel(words, id)));
        Vocabulary.SIDES.values().forEach(head::add);
        head.add("Récurrent");
        rows.add(head);
        for (PrioritisationResultRows.Theme t : r.themes()) {
            List<String> row = new ArrayList<>(List.of("", t.name() == null ? "(sans thème)" : t.name(), Integer.toString(t.count())));
            t.byCategory().forEach(n -> row.add(n.toString()));
            t.bySide().forEach(n -> row.add(n.toString()));
            row.add(t.recurring() ? "oui" : "");
            rows.add(row);
        }
        rows.add(List.of());

        List<String> rankHead = new ArrayList<>(List.of(r.summary().revealed() ? "Classement du vote" : "Vote (non dévoilé en séance)",
                "Rang", "Ex aequo", "Proposition", "Thème", "Gommettes", "Votants"));
        Vocabulary.SIDES.values().forEach(v -> rankHead.add("Gommettes : " + v));
        rankHead.addAll(List.of("Impact moyen (1 à 5)", "Faisabilité moyenne (1 à 5)", "Matrice"));
        rows.add(rankHead);
        for (Tally.Row row : r.ranking()) {
            List<String> line = new ArrayList<>(List.of("", Integer.toString(row.rank()), row.tied() ? "oui" : "", orEmpty(row.text()),
                    orEmpty(row.themeName()), Integer.toString(row.dots()), Integer.toString(row.voters())));
            for (String side : Vocabulary.SIDES.keySet()) {
                line.add(row.dotsBySide() == null ? "0" : Integer.toString(row.dotsBySide().getOrDefault(side, 0)));
            }
            line.add(decimal(row.impact()));
            line.add(decimal(row.feasibility()));
            line.add(row.quadrant() != null ? Vocabulary.label(Vocabulary.QUADRANTS, row.quadrant()) : "");
            rows.add(line);
        }
        rows.add(List.of());

        rows.add(List.of("Plan d'action", "Action", "Proposition", "Partenaire pilote", "Échéance", "Statut"));
        for (PrioritisationViews.ActionRow a : r.plan()) {
            rows.add(List.of("", orEmpty(a.title()), orEmpty(a.proposalText()), orEmpty(a.lead()), day(a.deadline()),
                    Vocabulary.label(Vocabulary.STATUSES, a.status())));
        }
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

    private static String decimal(Double n) {
        return n == null ? "" : n.toString().replace('.', ',');
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
