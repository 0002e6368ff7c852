package fr.atelier.server.live;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import io.vertx.core.Promise;
import java.util.List;

    /** A command from its arrival to its answer; decided (events set) only when it is its turn. */
final class PendingCommand {
        final String key;
        final Actor who;
        final SessionCommand command;
        List<SessionEvent> events;
        long lastSeq;
        final Promise<Outcome> promise = Promise.promise();

        PendingCommand(String key, Actor who, SessionCommand command) {
            this.key = key;
            this.who = who;
            this.command = command;
        }
    }
