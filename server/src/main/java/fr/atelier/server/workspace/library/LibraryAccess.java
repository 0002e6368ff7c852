package fr.atelier.server.workspace.library;

import fr.atelier.server.http.ApiError;
import fr.atelier.server.workspace.planning.Viewer;

/**
 * Who may read or change a library item (issue 16): pure rules, no I/O. Anyone signed in reads the
 * regional shelf and their own territories' items; an account of the territory (facilitator or
 * coordinator) edits its items; only an administrator edits the regional shelf.
 */
public final class LibraryAccess {
    static final String OTHER_TERRITORY = "Ce contenu appartient à un autre territoire : vous ne pouvez ni le voir ni le modifier.";
    static final String REGIONAL = "Seul·es les administrateur·rices modifient l’étagère régionale : copiez ce contenu dans votre "
            + "territoire pour l’adapter.";
    static final String NOT_YOUR_TERRITORY = "Choisissez un de vos territoires : vous ne pouvez pas enregistrer de contenu dans un autre.";

    private LibraryAccess() {}

    public static boolean canRead(Viewer v, LibraryItem i) {
        return i.regional() || v.inTerritory(i.territoryId());
    }

    public static boolean canEdit(Viewer v, LibraryItem i) {
        return i.regional() ? v.isAdmin() : v.inTerritory(i.territoryId());
    }

    public static void checkRead(Viewer v, LibraryItem i) {
        if (!canRead(v, i)) {
            throw new ApiError(403, "forbidden", OTHER_TERRITORY);
        }
    }

    public static void checkEdit(Viewer v, LibraryItem i) {
        checkRead(v, i);
        if (!canEdit(v, i)) {
            throw new ApiError(403, "forbidden", REGIONAL);
        }
    }

    /** Writes a new item into {@code territoryId} (null: the regional shelf). */
    public static void checkWriteInto(Viewer v, String territoryId) {
        if (territoryId == null) {
            if (!v.isAdmin()) {
                throw new ApiError(403, "forbidden", REGIONAL);
            }
        } else if (!v.inTerritory(territoryId)) {
            throw new ApiError(403, "forbidden", NOT_YOUR_TERRITORY);
        }
    }
}
