package fr.atelier.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages and static files, under a strict Content-Security-Policy. Every page is the one
 * template (web's pages/page.html) filled from the table below: same head, its title, its module
 * (/app/pages/{module}.js) and element ({module}-app). The only inline script allowed is the import
 * map: browsers load no external import map, so its one definition (pages/importmap.json) is
 * written into every page and allowed by its hash, computed once.
 */
public final class Pages {
    static final String TEMPLATE = "pages/page.html";
    static final String IMPORT_MAP = "pages/importmap.json";

    /**
     * One page: where it is served, its French title, its module (under /app/, without ".js") and the
     * element it shows, an extra stylesheet or null, its body's class; only the landing page is indexed.
     */
    record Page(String path, String title, String module, String element, String stylesheet, String bodyClass, boolean indexed) {
        /** A live-session page: /app/pages/{name}.js showing {name}-app. */
        static Page live(String path, String title, String name, String bodyClass) {
            return new Page(path, title, "pages/" + name, name + "-app", null, bodyClass, false);
        }

        /** A workspace page (accounts, history): its module under /app/workspace/, the workspace styles. */
        static Page workspace(String path, String title, String module, String element, String bodyClass) {
            return new Page(path, title, "workspace/" + module, element, "/app/workspace/workspace.css", bodyClass, false);
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("/", "Atelier", "pages/landing", "landing-app", "/app/workspace/workspace.css", "page-landing", true),
            Page.live("/j/:code", "Atelier — rejoindre la session", "phone", "page-phone"),
            Page.live("/s/:code/screen", "Atelier — écran de projection", "screen", "page-screen"),
            Page.live("/h/:code", "Atelier — console d'animation", "console", "page-console"),
            Page.live("/s/:code/synthese", "Atelier — synthèse de session", "synthesis", "page-synthesis"),
            Page.live("/projets/:id", "Atelier — projet « Dessine-moi le travail »", "project", "page-synthesis page-project"),
            Page.live("/coordination", "Atelier — espace coordination", "coordination", "page-coordination"),
            Page.workspace("/connexion", "Atelier — connexion", "sign-in", "workspace-sign-in", "page-workspace"),
            Page.workspace("/mot-de-passe", "Atelier — choisir un mot de passe", "set-password", "workspace-set-password", "page-workspace"),
            Page.workspace("/admin", "Atelier — administration", "admin", "workspace-admin", "page-workspace"),
            new Page("/seances", "Atelier — mes séances", "workspace/planning/seances", "seances-app",
                    "/app/workspace/planning/planning.css", "page-seances", false),
            new Page("/bilan", "Atelier — bilan d’activité", "workspace/bilan/bilan", "bilan-app",
                    "/app/workspace/bilan/bilan.css", "page-bilan", false),
            new Page("/seances/:id/invitation", "Atelier — invitation", "workspace/planning/invitation", "invitation-app",
                    "/app/workspace/planning/planning.css", "page-invitation", false),
            // The content library (issue 16): the shelves and one item in its kind's editor.
            new Page("/bibliotheque", "Atelier — bibliothèque", "workspace/library/library", "library-app",
                    "/app/workspace/library/library.css", "page-library", false),
            new Page("/bibliotheque/:id", "Atelier — bibliothèque", "workspace/library/item", "library-item-app",
                    "/app/workspace/library/library.css", "page-library", false),
            // Print and play (issue 16, helper print): a library item or a prepared session, as cards and sheets.
            new Page("/bibliotheque/:id/imprimer", "Atelier — imprimer", "print/print", "print-app", "/app/print/print.css", "page-print", false),
            new Page("/seances/:id/imprimer", "Atelier — imprimer", "print/print", "print-app", "/app/print/print.css", "page-print", false),
            // The privacy notice and the accessibility statement (issue 19), each in French and in English.
            new Page("/confidentialite", "Atelier — données personnelles", "pages/notice", "notice-app", null, "page-notice", false),
            new Page("/privacy", "Atelier — personal data", "pages/notice", "notice-app", null, "page-notice", false),
            new Page("/accessibilite", "Atelier — déclaration d'accessibilité", "pages/notice", "notice-app", null, "page-notice", false),
            new Page("/accessibility", "Atelier — accessibility statement", "pages/notice", "notice-app", null, "page-notice", false));

    private final Map<Page, String> html = new LinkedHashMap<>();
    private final String csp;

    public Pages() {
        JsonObject importMap = importMap();
        String script = importMap.encode();
        String template = read(TEMPLATE);
        if (template == null) {
            throw new IllegalStateException(TEMPLATE + " is missing from the class path");
        }
        for (Page p : PAGES) {
            html.put(p, template
                    .replace("{{robots}}", p.indexed() ? "" : "    <meta name=\"robots\" content=\"noindex\">\n")
                    .replace("{{title}}", escape(p.title()))
                    .replace("{{importmap}}", script)
                    .replace("{{lit}}", importMap.getJsonObject("imports").getString("lit"))
                    .replace("{{stylesheet}}", p.stylesheet() == null ? ""
                            : "    <link rel=\"stylesheet\" href=\"" + p.stylesheet() + "\">\n")
                    .replace("{{module}}", p.module())
                    .replace("{{element}}", p.element())
                    .replace("{{bodyClass}}", p.bodyClass()));
        }
        csp = "default-src 'self'; script-src 'self' 'sha256-" + sha256(script) + "'"
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The import map; every module it names must be in a WebJar on the class path (a Lit upgrade that forgot it fails here). */
    static JsonObject importMap() {
        String text = read(IMPORT_MAP);
        if (text == null) {
            throw new IllegalStateException(IMPORT_MAP + " is missing from the class path");
        }
        JsonObject map = new JsonObject(text);
        for (Map.Entry<String, Object> e : map.getJsonObject("imports")) {
            String path = String.valueOf(e.getValue());
            if (!path.endsWith("/") && Pages.class.getClassLoader().getResource("META-INF/resources" + path) == null) {
                throw new IllegalStateException("The import map names " + path + " (" + e.getKey() + "), which no WebJar serves");
            }
        }
        return map;
    }

    public String csp() {
        return csp;
    }

    /** The page served at this route path, as sent. */
    String html(String path) {
        return PAGES.stream().filter(p -> p.path().equals(path)).findFirst().map(html::get).orElse(null);
    }

    public void mount(Router router) {
        // Before every other route (this is mounted last): API answers, health and metrics get
        // the same headers as the pages.
        router.route().order(-1).handler(rc -> {
            rc.response()
                    .putHeader("Content-Security-Policy", csp)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            rc.next();
        });
        html.forEach((page, text) -> router.get(page.path()).handler(rc -> page(rc, text)));
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86400));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIncludeHidden(false));
    }

    private static void page(RoutingContext rc, String text) {
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(text);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String read(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        return Base64.getEncoder().encodeToString(fr.atelier.workshops.core.Hashes.sha256(s));
    }
}
