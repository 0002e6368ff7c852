package fr.atelier.server.formats;

import fr.atelier.server.db.PollArchive;
import fr.atelier.server.http.CsvExport;
import fr.atelier.workshops.poll.PollFormat;
import java.util.List;

/** The formats this server offers, in the order the facilitator sees them. One line per format. */
public final class FormatModules {
    private FormatModules() {}

    public static List<FormatModule> all() {
        return List.of(
                new FormatModule(new PollFormat(), new PollArchive(), CsvExport::pollRows, null),
                new FormatModule(new fr.atelier.workshops.prioritisation.PrioritisationFormat(), new fr.atelier.server.db.PrioritisationArchive(), fr.atelier.server.http.PrioritisationCsv::rows, null, fr.atelier.server.db.ProjectKeyCheck::new),
                new FormatModule(new fr.atelier.workshops.quiz.QuizFormat(), new fr.atelier.server.db.QuizArchive(), fr.atelier.server.http.QuizCsvRows::rows, new fr.atelier.workshops.quiz.QuizLibrary()),
                new FormatModule(new fr.atelier.workshops.hackathon.HackathonFormat(), new fr.atelier.server.db.HackathonArchive(), fr.atelier.server.http.HackathonCsv::rows, new fr.atelier.workshops.hackathon.HackathonLibrary()),
                new FormatModule(new fr.atelier.workshops.cards.CardsFormat(), new fr.atelier.server.db.CardsArchive(), fr.atelier.server.http.CardsCsv::rows, new fr.atelier.workshops.cards.CardsLibrary()));
    }
}
