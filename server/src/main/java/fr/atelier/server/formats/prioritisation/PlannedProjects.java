package fr.atelier.server.formats.prioritisation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.planning.Plan;
import fr.atelier.server.workspace.planning.PreparedProject;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import java.security.SecureRandom;

/**
 * Creates the Dessine-moi project of a prepared session when it opens (owned by the plan's creator
 * and territory) and writes the {@code prioritisation.useProject} command the console would send,
 * with the new key: the only moment the key exists in clear on the server.
 */
public final class PlannedProjects implements PreparedProject.Starter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TAG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final ProjectStore store;

    public PlannedProjects(Database db) {
        this.store = new ProjectStore(db);
    }

    @Override
    public Future<Started> start(Plan plan, PreparedProject p) {
        return store.create(p.name(), p.sector(), p.territory(), p.targetPublic(), plan.creatorId(), plan.territoryId())
                .compose(created -> store.loadForTerritory(created.id(), plan.territoryId()).map(report -> {
                    ObjectNode command = Json.MAPPER.createObjectNode().put("type", "prioritisation.useProject")
                            .put("projectKey", created.key()).put("tag", tag());
                    command.set("project", Json.MAPPER.valueToTree(report.project()));
                    return new Started(command, created.id(), created.key());
                }));
    }

    /** The console draws a tag too: it keeps this session's ids apart from the project's. */
    private static String tag() {
        StringBuilder b = new StringBuilder("pl");
        for (int i = 0; i < 6; i++) {
            b.append(TAG_ALPHABET.charAt(RANDOM.nextInt(TAG_ALPHABET.length())));
        }
        return b.toString();
    }
}
