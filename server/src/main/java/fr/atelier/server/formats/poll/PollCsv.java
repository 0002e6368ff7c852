package fr.atelier.server.formats.poll;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The poll's part of the session CSV: every option's votes, per question. */
public final class PollCsv {
    private PollCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        rows.add(List.of("Sondage", "Question", "Réponse proposée", "Votes", "Bonne réponse"));
        for (JsonNode q : results) {
            JsonNode options = q.path("options");
            for (int i = 0; i < options.size(); i++) {
                boolean correct = q.hasNonNull("correct") && q.get("correct").asInt() == i;
                rows.add(List.of("", q.path("text").asText(), options.get(i).asText(),
                        Integer.toString(q.path("distribution").path(i).asInt()), correct ? "oui" : ""));
            }
        }
    }
}
