package fr.atelier.server.workspace.accounts;

import java.util.Set;

/** A signed-in person as the rest of the server sees them (never their password hash). */
public record Account(String id, String email, String displayName, Role role, Set<String> territoryIds) {
    public Account {
        territoryIds = Set.copyOf(territoryIds);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Administrators see every territory; everyone else only their own. */
    public boolean canSee(String territoryId) {
        return isAdmin() || (territoryId != null && territoryIds.contains(territoryId));
    }
}
