package fr.atelier.server.workspace.planning;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pages of the history and of the printable invitation. Their import map is the other pages'
 * own, byte for byte, so the Content-Security-Policy hash {@code http.Pages} computes covers it.
 */
final class PlanningPages {
    private static final Map<String, String> ROUTES = Map.of(
            "/seances", "seances.html",
            "/seances/:id/invitation", "invitation.html");

    void mount(Router router) {
        ROUTES.forEach((path, file) -> {
            String page = read("webroot/" + file);
            router.get(path).handler(rc -> page(rc, page));
        });
    }

    private static void page(RoutingContext rc, String page) {
        if (page == null) {
            rc.response().setStatusCode(404).end("Page absente");
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(page);
    }

    private static String read(String resource) {
        try (InputStream in = PlanningPages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
