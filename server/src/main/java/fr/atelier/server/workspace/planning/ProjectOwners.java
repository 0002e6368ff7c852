package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.workspace.accounts.Account;
import fr.atelier.server.workspace.accounts.WebSessions;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who owns a Dessine-moi project created now (issue 14, item 6): the signed-in person and the
 * territory named in the request, else their only (or first) territory. Nobody for a quick session.
 */
public final class ProjectOwners {
    public record Owner(String creatorId, String territoryId) {}

    private static final Owner NOBODY = new Owner(null, null);

    private ProjectOwners() {}

    public static Owner of(RoutingContext rc, JsonNode body) {
        Optional<Account> account = WebSessions.current(rc);
        if (account.isEmpty()) {
            return NOBODY;
        }
        Account a = account.get();
        JsonNode asked = body.get("territoryId");
        if (asked != null && asked.isTextual()) {
            if (!a.canSee(asked.asText())) {
                throw new ApiError(403, "forbidden", Access.OTHER_TERRITORY);
            }
            return new Owner(a.id(), asked.asText());
        }
        return new Owner(a.id(), a.territoryIds().stream().sorted().findFirst().orElse(null));
    }
}
