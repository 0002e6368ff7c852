package fr.atelier.server.workspace.library;

import fr.atelier.server.db.Database;
import fr.atelier.server.http.FormatExtras;
import fr.atelier.server.http.Requests;
import fr.atelier.server.workspace.Audit;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content library (issue 16): built, seeded and mounted by one line of AtelierServer, after the
 * workspace (the signed-in account) and before the shared API (whose body limit is smaller).
 */
public final class Library {
    private static final Logger LOG = LoggerFactory.getLogger(Library.class);
    /** Ids are at most 40 characters (the column). */
    static final int ID_MAX = 40;

    private Library() {}

    public static void mount(Vertx vertx, Router router, Database db, List<? extends FormatExtras> modules) {
        LibraryStore store = new LibraryStore(db);
        LibraryKinds kinds = new LibraryKinds(modules);
        Audit audit = new Audit(db);
        LibraryApi.Recorder recorder = audit::record;
        try {
            int added = store.seed(regionalShelf(kinds, Instant.now())).await();
            if (added > 0) {
                LOG.atInfo().addKeyValue("items", added).log("regional shelf of the library seeded");
            }
        } catch (RuntimeException e) {
            LOG.atWarn().log("regional shelf not seeded: " + e.getMessage());
        }
        router.route("/api/library/images").handler(ImagesApi::refuseOversized);
        router.route("/api/library/images").handler(BodyHandler.create().setBodyLimit(ImageIntake.BYTES_MAX).setHandleFileUploads(false));
        router.route("/api/library*").handler(BodyHandler.create().setBodyLimit(LibraryApi.BODY_LIMIT).setHandleFileUploads(false));
        router.route("/api/library*").failureHandler(Library::failure);
        LibraryApi api = new LibraryApi(store, kinds, Viewer.signedIn(), recorder);
        new ImagesApi(vertx, store, api, recorder).mount(router);
        api.mount(router);
    }

    /** The built-in catalogue of every kind, under stable ids {@code regional-<kind>-<catalogue id>}. */
    static List<LibraryItem> regionalShelf(LibraryKinds kinds, Instant now) {
        List<LibraryItem> items = new ArrayList<>();
        for (Map.Entry<String, ContentLibrary<?>> e : kinds.all().entrySet()) {
            for (ContentLibrary.Item c : e.getValue().catalogue()) {
                String id = regionalId(e.getKey(), c.id());
                String description = c.description() != null && c.description().length() > LibraryApi.DESCRIPTION_MAX
                        ? c.description().substring(0, LibraryApi.DESCRIPTION_MAX) : c.description();
                String title = c.title() != null && c.title().length() > LibraryApi.TITLE_MAX ? c.title().substring(0, LibraryApi.TITLE_MAX)
                        : c.title() == null ? c.id() : c.title();
                items.add(new LibraryItem(id, e.getKey(), null, null, title, description,
                        Json.MAPPER.valueToTree(e.getValue().load(c.id())), c.size(), 1, null, null, now, null, null, now));
            }
        }
        return items;
    }

    public static String regionalId(String kind, String catalogueId) {
        String id = "regional-" + kind + "-" + catalogueId;
        return id.length() > ID_MAX ? id.substring(0, ID_MAX) : id;
    }

    /** Our own refusals (larger bodies than the shared API's), else the shared API's failure handler. */
    private static void failure(RoutingContext rc) {
        if (rc.failure() == null && rc.statusCode() == 413 && !rc.response().ended()) {
            boolean image = rc.request().path().startsWith("/api/library/images");
            ObjectNode out = Json.MAPPER.createObjectNode();
            String message = image ? ImageIntake.tooLarge().getMessage()
                    : "Le fichier dépasse " + (LibraryApi.BODY_LIMIT / (1024 * 1024)) + " Mo : une banque compte au plus 200 questions.";
            out.putObject("error").put("code", "too_large").put("message", message);
            Requests.json(rc, 413, out);
            return;
        }
        rc.next();
    }
}
