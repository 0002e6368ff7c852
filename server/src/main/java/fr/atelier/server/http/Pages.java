package fr.atelier.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages and static files, under a strict Content-Security-Policy. The only inline script
 * allowed is the import map: browsers load no external import map, so its one definition
 * (webroot/app/importmap.json) is inserted into every page at its marker, and allowed by its hash.
 */
public final class Pages {
    static final String IMPORT_MAP_FILE = "webroot/app/importmap.json";
    private static final Pattern MARKER = Pattern.compile("<!-- import map:[^>]*-->");
    private static final Map<String, String> ROUTES = Map.of(
            "/", "index.html",
            "/j/:code", "phone.html",
            "/s/:code/screen", "screen.html",
            "/h/:code", "console.html",
            "/s/:code/synthese", "synthesis.html",
            "/projets/:id", "projet.html",
            "/coordination", "coordination.html");

    private final Map<String, String> html = new LinkedHashMap<>();
    private final String csp;

    public Pages() {
        JsonObject importMap = importMap();
        String script = importMap.encode();
        String head = "<script type=\"importmap\">" + script + "</script>\n    <link rel=\"modulepreload\" href=\""
                + importMap.getJsonObject("imports").getString("lit") + "\">";
        for (String file : ROUTES.values()) {
            String page = read("webroot/" + file);
            if (page == null) {
                continue;
            }
            Matcher m = MARKER.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("webroot/" + file + " has no import map marker <!-- import map: ... -->");
            }
            html.put(file, page.substring(0, m.start()) + head + page.substring(m.end()));
        }
        csp = "default-src 'self'; script-src 'self' 'sha256-" + sha256(script) + "'"
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The import map; every module it names must be in a WebJar on the class path (a Lit upgrade that forgot it fails here). */
    static JsonObject importMap() {
        String text = read(IMPORT_MAP_FILE);
        if (text == null) {
            throw new IllegalStateException(IMPORT_MAP_FILE + " is missing from the class path");
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

    /** The page as served, import map inserted (null for an unknown file). */
    String html(String file) {
        return html.get(file);
    }

    public String csp() {
        return csp;
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
        ROUTES.forEach((path, file) -> {
            router.get(path).handler(rc -> page(rc, file));
            // The file's own name too, so that the static handler never serves a page without its import map.
            router.get("/" + file).handler(rc -> page(rc, file));
        });
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86400));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIncludeHidden(false));
    }

    private void page(RoutingContext rc, String file) {
        String page = html.get(file);
        if (page == null) {
            rc.response().setStatusCode(404).end("Page absente : " + file);
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(page);
    }

    private static String read(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
