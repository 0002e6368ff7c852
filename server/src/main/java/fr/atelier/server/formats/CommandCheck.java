package fr.atelier.server.formats;

import fr.atelier.server.live.Outcome;
import fr.atelier.workshops.core.SessionCommand;
import io.vertx.core.Future;

/**
 * A check a format needs before its decider sees a command, because it reads the server's storage
 * (deciders are pure). It answers a refusal at once, or null to let the command through, so that
 * nothing is acknowledged and then quietly dropped at archive time (issue 11).
 */
@FunctionalInterface
public interface CommandCheck {
    CommandCheck NONE = command -> Future.succeededFuture(null);

    /** A refusal, or null when the command may go to the session. */
    Future<Outcome> check(SessionCommand command);
}
