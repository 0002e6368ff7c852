package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.List;

/**
 * A project as a new session starts from it: its header and what earlier sessions collected and
 * decided. The server reads it from PostgreSQL ({@code GET /api/projects/{id}}), the console sends
 * it back inside {@code prioritisation.useProject}, so the session's log records what it started
 * from. {@code sessions}: how many sessions of the project were archived before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSnapshot(String id, String name, String sector, String territory, String targetPublic, int sessions,
                              List<Contribution> contributions, List<Theme> themes, List<Proposal> proposals,
                              List<Action> actions) {
    public static final int NAME_MAX = 160;
    public static final int SECTOR_MAX = 120;
    public static final int TERRITORY_MAX = 120;
    public static final int PUBLIC_MAX = 200;
    /** Carried-over limits: the whole snapshot must fit in one facilitator frame (256 KiB). */
    public static final int CONTRIBUTIONS_MAX = 500;
    public static final int THEMES_MAX = 100;
    public static final int PROPOSALS_MAX = 200;
    public static final int ACTIONS_MAX = 100;

    public ProjectSnapshot {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        themes = themes == null ? List.of() : List.copyOf(themes);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The name people read: the given one, else "sector — territory". */
    public static String displayName(String name, String sector, String territory) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return territory == null || territory.isBlank() ? sector : sector + " — " + territory;
    }
}
