package fr.atelier.server.formats.poll;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.poll.PollResultRows;
import fr.atelier.workshops.poll.PollViews;
import java.util.List;

/** The poll's part of the session CSV: every option's votes, per question. */
public final class PollCsv {
    private static final TypeReference<List<PollViews.Result>> RESULTS = new TypeReference<>() {};

    /** The type's French name; a ranking's "Votes" are Borda points. */
    private static final java.util.Map<String, String> TYPES = java.util.Map.of("single", "Choix unique",
            "multiple", "Choix multiple", "words", "Nuage de mots", "scale", "Échelle", "open", "Texte libre",
            "ranking", "Classement (points Borda)", "qa", "Questions du public");

    private PollCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        rows.add(List.of("Sondage", "Question", "Réponse proposée", "Votes", "Bonne réponse", "Type", "Moyenne"));
        for (PollResultRows.Question q : PollResultRows.of(Json.MAPPER.convertValue(results, RESULTS)).questions()) {
            String type = TYPES.getOrDefault(q.kind(), q.kind());
            String mean = q.mean() == null ? "" : String.format(java.util.Locale.FRANCE, "%.2f", q.mean());
            for (PollResultRows.Option o : q.options()) {
                rows.add(List.of("", q.text(), o.label(), Integer.toString(o.votes()), o.correct() ? "oui" : "", type, mean));
            }
            // Texts: a word with how many sent it, a text of the wall (1), a Q&A question with its upvotes.
            for (PollResultRows.TextRow t : q.texts()) {
                rows.add(List.of("", q.text(), t.text(), Integer.toString(t.count()), t.answered() ? "traitée" : "", type, ""));
            }
        }
    }
}
