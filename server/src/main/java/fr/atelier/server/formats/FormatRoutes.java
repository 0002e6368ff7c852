package fr.atelier.server.formats;

import io.vertx.ext.web.Router;

/**
 * A format's own HTTP API (Dessine-moi's projects, for one), mounted after the shared API, whose
 * body and failure handlers cover {@code /api/*}.
 */
@FunctionalInterface
public interface FormatRoutes {
    void mount(Router router);
}
