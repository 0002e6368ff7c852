package fr.atelier.server;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small blocking HTTP client for tests. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final int port;
    private final String forwardedFor;

    public Http(int port) {
        this(port, null);
    }

    private Http(int port, String forwardedFor) {
        this.port = port;
        this.forwardedFor = forwardedFor;
    }

    /** The same server, as if through a reverse proxy that saw the client at {@code address}. */
    public Http from(String address) {
        return new Http(port, address);
    }

    public Response get(String path, String bearer) {
        HttpRequest.Builder b = request(path).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    public Response get(String path) {
        return get(path, null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    public Response post(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A gauge of the node's Prometheus page, e.g. {@code atelier_websocket_connections}. */
    public int gauge(String name) {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no " + name + " gauge");
    }

    /** Creates a session; returns its {code, hostToken, ...}. */
    public JsonNode createSession(String format, String title) {
        Response r = post("/api/sessions", "{\"format\":\"" + format + "\",\"title\":\"" + title + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Joins; returns {participantId, nickname, rejoinToken}. */
    public JsonNode join(String code, String nickname) {
        Response r = post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + nickname + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("join failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }
}
