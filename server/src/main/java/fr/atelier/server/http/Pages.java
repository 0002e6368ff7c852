package fr.atelier.server.http;

import io.vertx.core.http.HttpHeaders;
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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages and static files, under a strict Content-Security-Policy. The only inline script
 * allowed is the import map, by its hash, computed here from the pages themselves.
 */
public final class Pages {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
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
        Set<String> hashes = new LinkedHashSet<>();
        for (String file : ROUTES.values()) {
            String page = read("webroot/" + file);
            if (page == null) {
                continue;
            }
            html.put(file, page);
            Matcher m = IMPORT_MAP.matcher(page);
            while (m.find()) {
                hashes.add("'sha256-" + sha256(m.group(1)) + "'");
            }
        }
        csp = "default-src 'self'; script-src 'self' " + String.join(" ", hashes)
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
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
        ROUTES.forEach((path, file) -> router.get(path).handler(rc -> page(rc, file)));
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
