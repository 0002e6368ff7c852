package fr.atelier.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Text;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Reading requests and writing JSON answers, for every API (the shared one and formats' own).
 * An absent optional field reads as null, never "": the caller chooses its default.
 */
public final class Requests {
    private Requests() {}

    /** The body as a JSON object, or a 400 that says what is wrong. */
    public static JsonNode body(RoutingContext rc) {
        String raw = rc.body() == null ? null : rc.body().asString();
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("Corps de requête JSON attendu.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("Un objet JSON est attendu.");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("JSON illisible.");
        }
    }

    /** A text field as sent, at most {@code max} characters; null when absent and optional. */
    public static String text(JsonNode body, String field, int max, boolean required) {
        String t = textual(body, field, required);
        if (t != null && t.length() > max) {
            throw tooLong(field, max);
        }
        return t;
    }

    /** A text field on one line (cleaned, runs of spaces made one), at most {@code max} characters; null when absent and optional. */
    public static String line(JsonNode body, String field, int max, boolean required) {
        String t = textual(body, field, required);
        if (t == null) {
            return null;
        }
        t = Text.clean(t).replaceAll("\\s+", " ");
        if (t.length() > max) {
            throw tooLong(field, max);
        }
        return t;
    }

    private static String textual(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiError.badRequest("Le champ « " + field + " » est obligatoire.");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("Le champ « " + field + " » doit être un texte.");
        }
        return v.asText();
    }

    private static ApiError tooLong(String field, int max) {
        return ApiError.badRequest("Le champ « " + field + " » dépasse " + max + " caractères.");
    }

    /** A day given in the query string ({@code 2026-12-13}); null when absent, a 400 saying the form when unreadable. */
    public static java.time.LocalDate day(RoutingContext rc, String name) {
        String v = rc.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest("Date invalide pour « " + name + " » : format AAAA-MM-JJ attendu (par exemple 2026-12-13).");
        }
    }

    /** The token of an {@code Authorization: Bearer} header; null when there is none. */
    public static String bearer(RoutingContext rc) {
        String h = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.startsWith("Bearer ") ? h.substring("Bearer ".length()).trim() : null;
    }

    /** Answers JSON, never cached. */
    public static void json(RoutingContext rc, int status, JsonNode body) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.toString());
    }
}
