package fr.atelier.server.workspace;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The workspace's pages. They carry the same import map as the other pages, whose hash the
 * Content-Security-Policy already allows (Pages computes it).
 */
final class WorkspacePages {
    static final Map<String, String> ROUTES = Map.of(
            "/connexion", "connexion.html",
            "/mot-de-passe", "mot-de-passe.html",
            "/admin", "admin.html");

    private WorkspacePages() {}

    static void mount(Router router) {
        ROUTES.forEach((path, file) -> {
            String page = read("webroot/" + file);
            router.get(path).handler(rc -> {
                if (page == null) {
                    rc.next();
                    return;
                }
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(page);
            });
        });
    }

    private static String read(String resource) {
        try (InputStream in = WorkspacePages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
