package fr.atelier.server.formats.prioritisation;

import fr.atelier.server.formats.CommandCheck;
import fr.atelier.server.formats.FormatServices;
import fr.atelier.server.live.Outcome;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.prioritisation.PrioritisationCommand;
import io.vertx.core.Future;

/**
 * {@code prioritisation.useProject} continues a project only with its key. The archive checks the
 * key again before writing back (decision 19); checking here first refuses a wrong key at once
 * instead of acknowledging a session whose results would never reach the project.
 */
public final class ProjectKeyCheck implements CommandCheck {
    private final ProjectStore projects;

    public ProjectKeyCheck(FormatServices services) {
        this.projects = new ProjectStore(services.db());
    }

    @Override
    public Future<Outcome> check(SessionCommand command) {
        if (!(command instanceof ActivityCommand a) || !(a.command() instanceof PrioritisationCommand.UseProject u)
                || u.project() == null || u.project().id() == null || u.projectKey() == null) {
            return Future.succeededFuture(null); // the decider refuses what is missing
        }
        return projects.authorise(u.project().id(), u.projectKey()).map(l -> {
            if (!l.found()) {
                return Outcome.reject("not_found", "Aucun projet ne correspond à ce lien : il n'a pas été repris.");
            }
            if (!l.authorised()) {
                return Outcome.reject("forbidden", "Clé de projet invalide : utilisez le lien secret reçu à la création du projet.");
            }
            return (Outcome) null;
        }).recover(e -> Future.succeededFuture(Outcome.unavailable()));
    }
}
