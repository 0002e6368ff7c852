package fr.atelier.server.workspace.library;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Image upload for the library ({@code POST /api/library/images}, the raw bytes) and serving
 * ({@code GET /media/:id}, to anyone: phones in a session are not signed in; ids are random and
 * the bytes never change, so they are cached for a year).
 */
public final class ImagesApi {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("img-[0-9a-f]{24}");

    private final Vertx vertx;
    private final LibraryStore store;
    private final LibraryApi api;
    private final LibraryApi.Recorder recorder;

    public ImagesApi(Vertx vertx, LibraryStore store, LibraryApi api, LibraryApi.Recorder recorder) {
        this.vertx = vertx;
        this.store = store;
        this.api = api;
        this.recorder = recorder;
    }

    public void mount(Router router) {
        router.post("/api/library/images").handler(this::upload);
        router.get("/media/:id").handler(this::serve);
    }

    /** A declared length over the limit is refused before a byte is read. */
    static void refuseOversized(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            if (length != null && Long.parseLong(length.trim()) > ImageIntake.BYTES_MAX) {
                rc.fail(ImageIntake.tooLarge());
                return;
            }
        } catch (NumberFormatException e) {
            rc.fail(ApiError.badRequest("En-tête Content-Length invalide."));
            return;
        }
        rc.next();
    }

    private void upload(RoutingContext rc) {
        Viewer v = api.viewer(rc);
        String territory = rc.queryParams().get("territoryId");
        if (territory != null && (territory.isBlank() || !v.inTerritory(territory))) {
            territory = null;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        String where = territory;
        // Decoding and re-encoding take a few hundred milliseconds: off the event loop.
        vertx.executeBlocking(() -> ImageIntake.take(type, bytes), false).compose(img -> {
            String id = LibraryApi.newId("img-");
            return store.insertImage(id, where, sha256(img.bytes()), img.mime(), img.width(), img.height(), img.bytes(), v.id(), Instant.now())
                    .map(x -> {
                        ObjectNode out = Json.MAPPER.createObjectNode();
                        out.put("id", id).put("url", "/media/" + id).put("width", img.width()).put("height", img.height())
                                .put("mime", img.mime());
                        return out;
                    });
        }).onSuccess(out -> {
            recorder.record(v.id(), "library.image", out.path("id").asText(), out.path("width").asInt() + "x" + out.path("height").asInt());
            LibraryApi.json(rc, 201, out);
        }).onFailure(e -> rc.fail(e instanceof ApiError ? e : ApiError.unavailable()));
    }

    private void serve(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (id == null || !ID.matcher(id).matches()) {
            notFound(rc);
            return;
        }
        store.image(id).onSuccess(img -> {
            if (img == null) {
                notFound(rc);
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, img.mime())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                    .putHeader(HttpHeaders.ETAG, "\"" + id + "\"")
                    .end(Buffer.buffer(img.bytes()));
        }).onFailure(e -> rc.response().setStatusCode(503).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end());
    }

    private static void notFound(RoutingContext rc) {
        rc.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("X-Content-Type-Options", "nosniff")
                .end("Image introuvable.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
