package fr.atelier.server.workspace.accounts;

import java.util.Locale;

/** What a person may do in the workspace; stored by its lower-case name (account.role). */
public enum Role {
    FACILITATOR("facilitator", "Animateur·rice"),
    COORDINATOR("coordinator", "Coordinateur·rice de territoire"),
    ADMIN("admin", "Administrateur·rice régional·e");

    private final String dbName;
    private final String label;

    Role(String dbName, String label) {
        this.dbName = dbName;
        this.label = label;
    }

    public String dbName() {
        return dbName;
    }

    /** French name shown on pages. */
    public String label() {
        return label;
    }

    /** The role of a stored or typed name; null when none matches. */
    public static Role of(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.dbName.equals(n)) {
                return r;
            }
        }
        return null;
    }
}
