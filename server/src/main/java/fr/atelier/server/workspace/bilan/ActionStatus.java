package fr.atelier.server.workspace.bilan;

import java.util.List;

/** The statuses of a Dessine-moi action, in the order the reports show them, with their French labels. */
final class ActionStatus {
    static final List<String> ORDER = List.of("planned", "in_progress", "done", "dropped");

    private ActionStatus() {}

    static String label(String status) {
        if (status == null) {
            return "";
        }
        switch (status) {
            case "planned":
                return "Prévue";
            case "in_progress":
                return "En cours";
            case "done":
                return "Réalisée";
            case "dropped":
                return "Abandonnée";
            default:
                return status;
        }
    }
}
