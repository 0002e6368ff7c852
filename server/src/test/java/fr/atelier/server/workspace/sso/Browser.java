package fr.atelier.server.workspace.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A blocking client that keeps cookies per host and port and follows redirects one at a time. */
final class Browser {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** host:port → name → value (paths and expiry are not needed by these tests; Max-Age=0 removes). */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    /** Every URL visited, in order. */
    final List<String> visited = new ArrayList<>();

    record Page(int status, String url, String location, String body) {}

    Page get(String url) {
        URI uri = URI.create(url);
        visited.add(url);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        Map<String, String> jar = cookies.getOrDefault(origin(uri), Map.of());
        if (!jar.isEmpty()) {
            b.header("Cookie", String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("set-cookie")) {
                String[] parts = set.split(";");
                String[] nv = parts[0].split("=", 2);
                boolean expired = set.toLowerCase().contains("max-age=0");
                Map<String, String> j = cookies.computeIfAbsent(origin(uri), k -> new HashMap<>());
                if (expired || nv[1].isEmpty()) {
                    j.remove(nv[0].trim());
                } else {
                    j.put(nv[0].trim(), nv[1].trim());
                }
            }
            String location = r.headers().firstValue("location").map(l -> uri.resolve(l).toString()).orElse(null);
            return new Page(r.statusCode(), url, location, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects until a page that is not one (at most 10). */
    Page follow(String url) {
        Page p = get(url);
        for (int i = 0; i < 10 && p.location() != null && p.status() / 100 == 3; i++) {
            p = get(p.location());
        }
        return p;
    }

    /** Follows redirects until the next one would lead to a URL starting with {@code prefix}. */
    Page followUntil(String url, String prefix) {
        Page p = get(url);
        for (int i = 0; i < 10 && p.location() != null && !p.location().startsWith(prefix); i++) {
            p = get(p.location());
        }
        return p;
    }

    String cookie(String origin, String name) {
        return cookies.getOrDefault(origin, Map.of()).get(name);
    }

    private static String origin(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
