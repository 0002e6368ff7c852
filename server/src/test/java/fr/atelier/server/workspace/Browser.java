package fr.atelier.server.workspace;

import fr.atelier.server.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A cookie-keeping HTTP client, like one browser: holds the web-session cookie and its CSRF token. */
final class Browser {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private int port;
    String cookie;
    String csrf;
    String forwardedFor;

    Browser(int port) {
        this.port = port;
    }

    /** The same cookies, sent to another node. */
    Browser on(int otherPort) {
        Browser b = new Browser(otherPort);
        b.cookie = cookie;
        b.csrf = csrf;
        b.forwardedFor = forwardedFor;
        return b;
    }

    Http.Response get(String path) {
        return send(request(path).GET());
    }

    Http.Response post(String path, String json) {
        return post(path, json, csrf);
    }

    Http.Response post(String path, String json, String csrfToken) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            b.header("X-CSRF-Token", csrfToken);
        }
        return send(b);
    }

    /** Signs in; keeps the CSRF token on success. */
    Http.Response signIn(String email, String password) {
        Http.Response r = post("/api/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() == 200) {
            csrf = r.json().get("csrfToken").asText();
        }
        return r;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            b.header("Cookie", "atelier_sid=" + cookie);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private Http.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                if (set.startsWith("atelier_sid=")) {
                    String value = set.substring("atelier_sid=".length(), set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                    cookie = value.isEmpty() || set.contains("Max-Age=0") ? null : value;
                }
            }
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> setCookies(Http.Response r) {
        return r.headers().allValues("Set-Cookie");
    }
}
