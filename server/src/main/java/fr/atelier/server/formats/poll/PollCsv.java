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

    private PollCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        rows.add(List.of("Sondage", "Question", "Réponse proposée", "Votes", "Bonne réponse"));
        for (PollResultRows.Question q : PollResultRows.of(Json.MAPPER.convertValue(results, RESULTS)).questions()) {
            for (PollResultRows.Option o : q.options()) {
                rows.add(List.of("", q.text(), o.label(), Integer.toString(o.votes()), o.correct() ? "oui" : ""));
            }
        }
    }
}
