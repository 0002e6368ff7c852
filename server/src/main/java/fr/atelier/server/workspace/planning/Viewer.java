package fr.atelier.server.workspace.planning;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as planning needs them: id, role (facilitator, coordinator, admin) and
 * territories. Kept apart from the accounts package so planning depends on one small seam.
 */
public record Viewer(String id, String role, Set<String> territoryIds) {
    public static final String FACILITATOR = "facilitator";
    public static final String COORDINATOR = "coordinator";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    public boolean isCoordinator() {
        return COORDINATOR.equals(role);
    }

    public boolean inTerritory(String territoryId) {
        return isAdmin() || (territoryId != null && territoryIds.contains(territoryId));
    }

    /** Who is signed in on a request (the web session), if anyone. */
    public interface Source {
        Optional<Viewer> current(RoutingContext rc);
    }

    /** The production source: the workspace's web session of the request. */
    public static Source signedIn() {
        return rc -> fr.atelier.server.workspace.accounts.WebSessions.current(rc)
                .map(a -> new Viewer(a.id(), a.role().dbName(), a.territoryIds()));
    }
}
