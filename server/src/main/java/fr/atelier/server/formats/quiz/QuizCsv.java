package fr.atelier.server.formats.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.quiz.QuizResultRows;
import fr.atelier.workshops.quiz.QuizViews;
import java.util.List;

/** The quiz's part of the session CSV: ranking, questions, every team's answers, participants. */
public final class QuizCsv {
    private QuizCsv() {}

    public static void rows(JsonNode results, List<List<String>> rows) {
        QuizResultRows r = results == null || results.isNull() ? null
                : QuizResultRows.of(Json.MAPPER.convertValue(results, QuizViews.Results.class));
        if (r == null) {
            rows.add(List.of("Challenge numérique", "Aucune banque de questions n'a été choisie."));
            return;
        }
        rows.add(List.of("Challenge numérique", "Banque", "Déroulement", "Questions jouées"));
        rows.add(List.of("", orEmpty(r.game().bankTitle()), r.game().live() ? "En direct" : "Défi chronométré",
                Integer.toString(r.game().questionsPlayed())));
        rows.add(List.of());

        rows.add(List.of("Classement", "Rang", "Équipe", "Points", "Bonnes réponses", "Réponses", "Temps (s)", "Membres"));
        for (QuizResultRows.Team t : r.teams()) {
            rows.add(List.of("", Integer.toString(t.rank()), t.name(), Integer.toString(t.score()), Integer.toString(t.right()),
                    Integer.toString(t.answered()), seconds(t.timeMs()), String.join(", ", t.members())));
        }
        rows.add(List.of());

        rows.add(List.of("Questions", "N°", "Question", "Type", "Bonne réponse", "Équipes ayant répondu", "Bonnes réponses",
                "Source", "Lien", "Explication"));
        for (QuizResultRows.Question q : r.questions()) {
            rows.add(List.of("", Integer.toString(q.position()), q.text(), type(q.type()), orEmpty(q.rightAnswer()),
                    Integer.toString(q.answered()), Integer.toString(q.right()), orEmpty(q.sourceName()), orEmpty(q.sourceUrl()),
                    orEmpty(q.explanation())));
        }
        rows.add(List.of());

        rows.add(List.of("Réponses des équipes", "Équipe", "Question n°", "Réponse", "Juste", "Points", "Répondu par"));
        for (QuizResultRows.Answer a : r.answers()) {
            rows.add(List.of("", a.teamName(), Integer.toString(a.position()), orEmpty(a.answer()), a.right() ? "oui" : "non",
                    Integer.toString(a.points()), orEmpty(a.by())));
        }
        rows.add(List.of());

        rows.add(List.of("Participation", "Pseudo", "Équipe", "Modifications de réponse", "Réponses retenues", "Dont justes",
                "Points apportés"));
        for (QuizResultRows.Participant p : r.participants()) {
            rows.add(List.of("", p.nickname(), orEmpty(p.team()), Integer.toString(p.changes()), Integer.toString(p.finalAnswers()),
                    Integer.toString(p.rightFinalAnswers()), Integer.toString(p.points())));
        }
    }

    private static String seconds(long ms) {
        long tenths = Math.round(ms / 100.0);
        return (tenths / 10) + "," + (tenths % 10);
    }

    private static String type(fr.atelier.workshops.quiz.QuizBank.Type type) {
        return switch (type) {
            case SINGLE -> "Choix unique";
            case MULTIPLE -> "Choix multiples";
            case TRUEFALSE -> "Vrai ou faux";
            case NUMBER -> "Nombre";
            case TEXT -> "Texte court";
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
