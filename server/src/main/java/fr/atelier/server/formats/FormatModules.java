package fr.atelier.server.formats;

import fr.atelier.server.formats.cards.CardsArchive;
import fr.atelier.server.formats.cards.CardsCsv;
import fr.atelier.server.formats.hackathon.HackathonArchive;
import fr.atelier.server.formats.hackathon.HackathonCsv;
import fr.atelier.server.formats.poll.PollArchive;
import fr.atelier.server.formats.poll.PollCsv;
import fr.atelier.server.formats.prioritisation.PrioritisationArchive;
import fr.atelier.server.formats.prioritisation.PrioritisationCsv;
import fr.atelier.server.formats.prioritisation.ProjectApi;
import fr.atelier.server.formats.prioritisation.ProjectKeyCheck;
import fr.atelier.server.formats.quiz.QuizArchive;
import fr.atelier.server.formats.quiz.QuizCsv;
import fr.atelier.workshops.cards.CardsFormat;
import fr.atelier.workshops.cards.CardsLibrary;
import fr.atelier.workshops.hackathon.HackathonFormat;
import fr.atelier.workshops.hackathon.HackathonLibrary;
import fr.atelier.workshops.poll.PollFormat;
import fr.atelier.workshops.poll.PollLibrary;
import fr.atelier.workshops.prioritisation.PrioritisationFormat;
import fr.atelier.workshops.prioritisation.PrioritisationLibrary;
import fr.atelier.workshops.quiz.QuizFormat;
import fr.atelier.workshops.quiz.QuizLibrary;
import java.util.List;

/** The formats this server offers, in the order the facilitator sees them. One line per format. */
public final class FormatModules {
    private FormatModules() {}

    public static List<FormatModule> all() {
        return List.of(
                new FormatModule(new PollFormat(), new PollArchive(), PollCsv::rows, new PollLibrary()),
                new FormatModule(new PrioritisationFormat(), new PrioritisationArchive(), PrioritisationCsv::rows, new PrioritisationLibrary()).withCheck(ProjectKeyCheck::new).withRoutes(ProjectApi::new),
                new FormatModule(new QuizFormat(), new QuizArchive(), QuizCsv::rows, new QuizLibrary()),
                new FormatModule(new HackathonFormat(), new HackathonArchive(), HackathonCsv::rows, new HackathonLibrary()),
                new FormatModule(new CardsFormat(), new CardsArchive(), CardsCsv::rows, new CardsLibrary()));
    }
}
