package fr.atelier.server.formats.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The quiz's part of the session CSV: ranking, questions, every team's answers, participants. */
public final class QuizCsv {
    private QuizCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        if (results == null || results.isNull()) {
            rows.add(List.of("Challenge numérique", "Aucune banque de questions n'a été choisie."));
            return;
        }
        boolean live = "live".equals(results.path("pacing").asText());
        rows.add(List.of("Challenge numérique", "Banque", "Déroulement", "Questions jouées"));
        rows.add(List.of("", results.path("bankTitle").asText(), live ? "En direct" : "Défi chronométré",
                Integer.toString(results.path("questionCount").asInt())));
        rows.add(List.of());

        rows.add(List.of("Classement", "Rang", "Équipe", "Points", "Bonnes réponses", "Réponses", "Temps (s)", "Membres"));
        for (JsonNode t : results.path("teams")) {
            List<String> members = new ArrayList<>();
            t.path("members").forEach(m -> members.add(m.asText()));
            rows.add(List.of("", t.path("rank").asText(), t.path("name").asText(), t.path("score").asText(),
                    t.path("right").asText(), t.path("answered").asText(), seconds(t.path("timeMs").asLong()),
                    String.join(", ", members)));
        }
        rows.add(List.of());

        rows.add(List.of("Questions", "N°", "Question", "Type", "Bonne réponse", "Équipes ayant répondu", "Bonnes réponses",
                "Source", "Lien", "Explication"));
        List<String> texts = new ArrayList<>();
        for (JsonNode q : results.path("questions")) {
            texts.add(q.path("id").asText());
            rows.add(List.of("", q.path("position").asText(), q.path("text").asText(), type(q.path("type").asText()),
                    q.path("rightAnswer").asText(), q.path("answered").asText(), q.path("right").asText(),
                    q.path("source").path("name").asText(""), q.path("source").path("url").asText(""),
                    q.path("explanation").asText("")));
        }
        rows.add(List.of());

        rows.add(List.of("Réponses des équipes", "Équipe", "Question n°", "Réponse", "Juste", "Points", "Répondu par"));
        for (JsonNode t : results.path("teams")) {
            for (JsonNode a : t.path("answers")) {
                int position = texts.indexOf(a.path("questionId").asText()) + 1;
                rows.add(List.of("", t.path("name").asText(), Integer.toString(position), a.path("answer").asText(),
                        a.path("right").asBoolean() ? "oui" : "non", a.path("points").asText(), a.path("by").asText()));
            }
        }
        rows.add(List.of());

        rows.add(List.of("Participation", "Pseudo", "Équipe", "Modifications de réponse", "Réponses retenues", "Dont justes",
                "Points apportés"));
        for (JsonNode p : results.path("participants")) {
            rows.add(List.of("", p.path("nickname").asText(), p.path("team").asText(""), p.path("changes").asText(),
                    p.path("finalAnswers").asText(), p.path("rightFinalAnswers").asText(), p.path("points").asText()));
        }
    }

    private static String seconds(long ms) {
        long tenths = Math.round(ms / 100.0);
        return (tenths / 10) + "," + (tenths % 10);
    }

    private static String type(String wire) {
        return switch (wire) {
            case "single" -> "Choix unique";
            case "multiple" -> "Choix multiples";
            case "truefalse" -> "Vrai ou faux";
            case "number" -> "Nombre";
            case "text" -> "Texte court";
            default -> wire;
        };
    }
}
