package fr.atelier.server.workspace.planning;

import fr.atelier.server.http.ApiError;

/** Who may see or change a prepared session (issue 14, items 5–7): pure rules, no I/O. */
public final class Access {
    public static final String OTHER_TERRITORY = "Cette séance appartient à un autre territoire : vous ne pouvez pas l'ouvrir.";
    static final String NOT_YOURS = "Cette séance n'est pas la vôtre : seul·es ses animateur·rices peuvent l'ouvrir.";
    static final String COORDINATOR_READS = "Un·e coordinateur·rice consulte les séances du territoire mais ne les modifie pas.";

    private Access() {}

    static boolean runs(Viewer v, Plan p) {
        return v.id().equals(p.creatorId()) || p.facilitatorIds().contains(v.id());
    }

    /** Sees it: its facilitators, the territory's coordinators, administrators. */
    public static void checkSee(Viewer v, Plan p) {
        if (runs(v, p) || v.isAdmin() || (v.isCoordinator() && v.inTerritory(p.territoryId()))) {
            return;
        }
        throw new ApiError(403, "forbidden", v.inTerritory(p.territoryId()) ? NOT_YOURS : OTHER_TERRITORY);
    }

    /** Changes, opens or duplicates it: its facilitators only (a coordinator reads). */
    public static void checkRun(Viewer v, Plan p) {
        checkSee(v, p);
        if (runs(v, p)) {
            return;
        }
        throw new ApiError(403, "forbidden", v.isCoordinator() ? COORDINATOR_READS : NOT_YOURS);
    }

    /** Prepares a session in this territory: a facilitator or administrator of it. */
    public static void checkPrepare(Viewer v, String territoryId) {
        if (v.isCoordinator()) {
            throw new ApiError(403, "forbidden", COORDINATOR_READS);
        }
        if (territoryId == null || !v.inTerritory(territoryId)) {
            throw new ApiError(403, "forbidden", "Choisissez un de vos territoires pour cette séance.");
        }
    }
}
