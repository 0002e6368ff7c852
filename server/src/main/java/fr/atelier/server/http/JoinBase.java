package fr.atelier.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The address that goes into join links and QR codes. {@code ATELIER_PUBLIC_URL} wins; behind a
 * proxy the request's own host is kept; a page opened on localhost gets the machine's address on
 * the room's network instead, because a phone that scans "localhost" reaches itself.
 */
public final class JoinBase {
    private final String publicUrl;
    private final boolean listensBeyondLoopback;
    private final Supplier<Optional<String>> lanAddress;

    /**
     * @param publicUrl  {@code ATELIER_PUBLIC_URL}, or null
     * @param httpHost   the address the server listens on: bound to loopback on purpose (a local
     *                   proxy in front), it has no room address to offer
     */
    public JoinBase(String publicUrl, String httpHost, Supplier<Optional<String>> lanAddress) {
        this.publicUrl = publicUrl;
        this.listensBeyondLoopback = !isLoopback(httpHost);
        this.lanAddress = lanAddress;
    }

    /** Where phones join, seen from this request. */
    public Choice of(HttpServerRequest request) {
        boolean proxied = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-Host") != null
                || request.getHeader("X-Forwarded-For") != null;
        return choose(publicUrl, request.scheme(), request.getHeader(HttpHeaders.HOST), proxied || !listensBeyondLoopback, lanAddress);
    }

    /** {@code GET /api/join-base}: the pages put this in front of /j/CODE, and warn when phones cannot reach it. */
    public void mount(Router router) {
        router.get("/api/join-base").handler(rc -> {
            Choice c = of(rc.request());
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(new JsonObject().put("base", c.base()).put("phonesCanReach", c.phonesCanReach()).encode());
        });
    }

    /** The same rule on plain values (tested without a network). */
    static Choice choose(String publicUrl, String scheme, String hostHeader, boolean proxied, Supplier<Optional<String>> lanAddress) {
        if (publicUrl != null) {
            return new Choice(publicUrl, true);
        }
        String host = hostHeader == null || hostHeader.isBlank() ? "localhost" : hostHeader.trim();
        String asOpened = scheme + "://" + host;
        if (proxied || !isLoopback(hostName(host))) {
            return new Choice(asOpened, true);
        }
        String port = portOf(host);
        return lanAddress.get()
                .map(lan -> new Choice(scheme + "://" + lan + (port == null ? "" : ":" + port), true))
                .orElse(new Choice(asOpened, false));
    }

    public static boolean isLoopback(String hostName) {
        String h = hostName.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** "[::1]:8080" → "::1", "localhost:8080" → "localhost". */
    static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    static String portOf(String host) {
        int from = host.startsWith("[") ? host.indexOf(']') : 0;
        int colon = host.indexOf(':', Math.max(from, 0));
        return colon < 0 ? null : host.substring(colon + 1);
    }

    /**
     * @param base            scheme, host and port phones use, without a trailing slash
     * @param phonesCanReach  false when the page was opened on localhost and this machine has no
     *                        other address: the console then asks to join the room's Wi-Fi
     */
    public record Choice(String base, boolean phonesCanReach) {}
}
