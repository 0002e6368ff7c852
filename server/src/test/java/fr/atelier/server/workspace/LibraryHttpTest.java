package fr.atelier.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.workshops.core.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content library's API (issue 16) against real PostgreSQL, through signed-in browsers: create,
 * save, stale save, territories, copy of a regional item, import reports, images.
 */
class LibraryHttpTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static AtelierServer server;
    private static Pg pg;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(TestConfig.external());
        pg = new Pg(server.databaseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String territory(String name) {
        String id = "t_" + UUID.randomUUID().toString().substring(0, 8);
        pg.rows("insert into territory (id, name, created_at) values (?, ?, ?) returning id", id, name + " " + id, OffsetDateTime.now());
        return id;
    }

    private static Browser member(String role, String territory) {
        String email = role + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String id = SignInTest.account(pg, email, role, SignInTest.PASSWORD);
        if (territory != null) {
            pg.rows("insert into account_territory values (?, ?) returning account_id", id, territory);
        }
        Browser b = new Browser(server.port());
        assertThat(b.signIn(email, SignInTest.PASSWORD).status()).isEqualTo(200);
        return b;
    }

    static ObjectNode bank(int questions) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("title", "Les partenaires de Dreux");
        ArrayNode qs = b.putArray("questions");
        for (int i = 1; i <= questions; i++) {
            ObjectNode q = qs.addObject();
            q.put("id", "q" + i).put("type", "truefalse").put("text", "Le CEP est gratuit (" + i + ").").put("answer", true);
            q.putObject("source").put("name", "Mon CEP").put("url", "https://www.mon-cep.org");
        }
        return b;
    }

    private static String create(String kind, String territory, String title, JsonNode content) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", kind).put("territoryId", territory).put("title", title);
        body.set("content", content);
        return body.toString();
    }

    private static String save(int version, String title, JsonNode content) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("version", version).put("title", title);
        body.set("content", content);
        return body.toString();
    }

    @Test
    void createSaveStaleSaveAndTerritories() {
        String dreux = territory("Dreux");
        String blois = territory("Blois");
        Browser ana = member("facilitator", dreux);
        Browser coordinator = member("coordinator", dreux);
        Browser elsewhere = member("facilitator", blois);

        assertThat(new Browser(server.port()).get("/api/library").status()).isEqualTo(401);
        Http.Response created = ana.post("/api/library", create("quiz", dreux, "Quiz de Dreux", bank(3)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("size").asInt()).isEqualTo(3);
        assertThat(created.json().path("editable").asBoolean()).isTrue();
        assertThat(created.json().path("content").path("id").asText()).as("a new bank gets the item's id").isEqualTo(id);

        // The coordinator of the territory edits it; the facilitator then saves an older version: 409, nothing overwritten.
        JsonNode content = created.json().path("content");
        ObjectNode edited = content.deepCopy();
        ((ObjectNode) edited.path("questions").get(0)).put("text", "Le conseil en évolution professionnelle est gratuit.");
        Http.Response saved = send(coordinator, "PUT", "/api/library/" + id, save(1, "Quiz de Dreux", edited));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("version").asInt()).isEqualTo(2);
        Http.Response stale = send(ana, "PUT", "/api/library/" + id, save(1, "Mon titre", content));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asText()).isEqualTo("stale");
        assertThat(stale.json().path("current").path("version").asInt()).isEqualTo(2);
        assertThat(stale.json().path("current").path("content").path("questions").get(0).path("text").asText()).startsWith("Le conseil");
        JsonNode now = ana.get("/api/library/" + id).json();
        assertThat(now.path("title").asText()).isEqualTo("Quiz de Dreux");
        assertThat(now.path("version").asInt()).isEqualTo(2);
        assertThat(now.path("editedBy").asText()).isNotBlank();

        // Invalid content: 422 with the path of each problem, nothing saved.
        ObjectNode broken = edited.deepCopy();
        ((ObjectNode) broken.path("questions").get(1)).put("answer", "peut-être");
        ((ObjectNode) broken.path("questions").get(2)).putObject("image").put("src", "/media/img-0123456789abcdef01234567");
        Http.Response invalid = send(ana, "PUT", "/api/library/" + id, save(2, "Quiz de Dreux", broken));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.json().path("code").asText()).isEqualTo("invalid");
        assertThat(invalid.json().path("problems").findValuesAsText("path")).contains("questions/1/answer", "questions/2/image");
        assertThat(invalid.json().path("problems").findValuesAsText("message")).anyMatch(m -> m.contains("Décrivez l'image"));
        assertThat(ana.get("/api/library/" + id).json().path("version").asInt()).isEqualTo(2);

        // Outside the territory: neither read nor written, in French, nothing changed.
        Http.Response foreign = send(elsewhere, "PUT", "/api/library/" + id, save(2, "Piraté", edited));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("error").path("message").asText()).contains("autre territoire");
        assertThat(elsewhere.get("/api/library/" + id).status()).isEqualTo(403);
        assertThat(elsewhere.post("/api/library", create("quiz", dreux, "Intrus", bank(1))).status()).isEqualTo(403);
        assertThat(elsewhere.get("/api/library?kind=quiz").json().path("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(pg.value("select title from library_item where id = ?", id)).isEqualTo("Quiz de Dreux");

        assertThat(ana.get("/api/library?kind=quiz").json().path("items").findValuesAsText("id")).contains(id);
        assertThat(send(ana, "DELETE", "/api/library/" + id, null).status()).isEqualTo(204);
        assertThat(ana.get("/api/library/" + id).status()).isEqualTo(404);
        assertThat(pg.await(n -> ((Number) n).longValue() >= 3L,
                "select count(*) from audit_event where target = ? and action like 'library.%'", id)).isEqualTo(3L);
    }

    @Test
    void theRegionalShelfIsSeededAndCopiedToBeAdapted() {
        String dreux = territory("Dreux");
        Browser ana = member("facilitator", dreux);
        JsonNode shelf = ana.get("/api/library?kind=quiz").json().path("items");
        assertThat(shelf.findValuesAsText("id")).contains("regional-quiz-partenaires-orientation");
        JsonNode regional = ana.get("/api/library/regional-quiz-partenaires-orientation").json();
        assertThat(regional.path("territoryId").isNull()).isTrue();
        assertThat(regional.path("editable").asBoolean()).isFalse();
        Http.Response refused = send(ana, "PUT", "/api/library/regional-quiz-partenaires-orientation",
                save(regional.path("version").asInt(), "Le mien", regional.path("content")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("message").asText()).contains("copiez");
        assertThat(ana.get("/api/library?kind=cards").json().path("items").findValuesAsText("id")).contains("regional-cards-spro");

        Http.Response copy = ana.post("/api/library/regional-quiz-partenaires-orientation/copy", "{\"territoryId\":\"" + dreux + "\"}");
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.json().path("sourceId").asText()).isEqualTo("regional-quiz-partenaires-orientation");
        assertThat(copy.json().path("version").asInt()).isEqualTo(1);
        assertThat(copy.json().path("territoryId").asText()).isEqualTo(dreux);
        assertThat(copy.json().path("editable").asBoolean()).isTrue();
        assertThat(copy.json().path("size").asInt()).isEqualTo(regional.path("size").asInt());
        Http.Response yaml = ana.get("/api/library/" + copy.json().path("id").asText() + "/export?as=csv");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("content-disposition").orElse("")).contains("attachment").contains(".csv");
        // Seeding again (another node starting) changes nothing.
        assertThat(pg.value("select count(*) from library_item where id = 'regional-quiz-partenaires-orientation'")).isEqualTo(1L);
    }

    @Test
    void importsReportTheirLinesAndRefuseHugeBanks() {
        String dreux = territory("Dreux");
        Browser ana = member("facilitator", dreux);
        String csv = "id;type;question;reponse\nq1;vrai-faux;Le CEP est gratuit.;vrai\nq2;nombre;Combien de départements ?;six\n";
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "quiz").put("territoryId", dreux).put("title", "Import").put("format", "csv").put("text", csv);
        Http.Response bad = ana.post("/api/library/import", body.toString());
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().path("problems").get(0).path("line").asInt()).isEqualTo(3);
        long before = (Long) pg.value("select count(*) from library_item where territory_id = ?", dreux);

        body.put("text", csv.replace("six", "6"));
        Http.Response ok = ana.post("/api/library/import", body.toString());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("size").asInt()).isEqualTo(2);

        StringBuilder huge = new StringBuilder("type;question;reponse\n");
        for (int i = 0; i < 10_000; i++) {
            huge.append("vrai-faux;Q").append(i).append(";vrai\n");
        }
        body.put("text", huge.toString());
        Http.Response refused = ana.post("/api/library/import", body.toString());
        assertThat(refused.status()).isIn(413, 422);
        assertThat(refused.body()).contains("200 questions");
        assertThat(pg.value("select count(*) from library_item where territory_id = ?", dreux)).isEqualTo(before + 1);
    }

    @Test
    void imagesAreCheckedReencodedAndServedWithCaching() throws IOException {
        String dreux = territory("Dreux");
        Browser ana = member("facilitator", dreux);
        byte[] photo = jpeg(2000, 1000);
        Http.Response up = upload(ana, "image/jpeg", photo);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().path("width").asInt()).isEqualTo(1280);
        assertThat(up.json().path("height").asInt()).isEqualTo(640);
        String url = up.json().path("url").asText();
        assertThat(url).startsWith("/media/img-");

        HttpResponse<byte[]> served = raw("GET", url, null, null, null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("cache-control").orElse("")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(served.headers().firstValue("x-content-type-options").orElse("")).isEqualTo("nosniff");
        assertThat(served.headers().firstValue("content-type").orElse("")).isEqualTo("image/jpeg");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(back.getWidth()).isEqualTo(1280);
        assertThat(raw("GET", "/media/img-000000000000000000000000", null, null, null, null).statusCode()).isEqualTo(404);
        // The pages that show it (the phone's and the projector's) allow images from our own origin.
        assertThat(ana.get("/seances").headers().firstValue("content-security-policy").orElse("")).contains("img-src 'self'");

        Http.Response html = upload(ana, "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().path("error").path("message").asText()).contains("ne correspond pas");
        Http.Response lie = upload(ana, "image/png", photo);
        assertThat(lie.status()).isEqualTo(415);
        Http.Response svg = upload(ana, "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.json().path("error").path("message").asText()).contains("SVG");
        Http.Response bomb = upload(ana, "image/png", pngClaiming(100_000, 100_000));
        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.json().path("error").path("message").asText()).contains("mégapixels");
        // A declared length over the limit is refused before a byte of the body is read.
        String big = headersOnly(ana, "POST /api/library/images", "image/png", 6 * 1024 * 1024);
        assertThat(big).startsWith("HTTP/1.1 413").contains("5 Mo");
        assertThat(upload(new Browser(server.port()), "image/png", photo).status()).isIn(401, 403);
        assertThat(pg.value("select count(*) from library_image where created_by = (select account_id from account_territory where territory_id = ?)",
                dreux)).isEqualTo(1L);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.ORANGE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** A small real PNG whose header claims another size (a decompression bomb's header). */
    static byte[] pngClaiming(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] b = out.toByteArray();
        // IHDR data starts at 16: width, height (big-endian); its CRC covers "IHDR" and 13 data bytes.
        java.nio.ByteBuffer.wrap(b, 16, 8).putInt(w).putInt(h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        java.nio.ByteBuffer.wrap(b, 29, 4).putInt((int) crc.getValue());
        return b;
    }

    /** Sends only the request's headers (the JDK 17 client hangs on a refused "Expect: 100-continue") and reads the answer. */
    private static String headersOnly(Browser b, String requestLine, String type, int length) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: atelier_sid=" + b.cookie + "\r\nX-CSRF-Token: " + b.csrf
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (out.toString(StandardCharsets.UTF_8).contains("}}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came is the answer
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Http.Response upload(Browser b, String type, byte[] bytes) {
        HttpResponse<byte[]> r = raw("POST", "/api/library/images", b.cookie, b.csrf, type, bytes, false);
        return new Http.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
    }

    private static Http.Response send(Browser b, String method, String path, String json) {
        HttpResponse<byte[]> r = raw(method, path, b.cookie, b.csrf, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        return new Http.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
    }

    private static HttpResponse<byte[]> raw(String method, String path, String cookie, String csrf, String type, byte[] body) {
        return raw(method, path, cookie, csrf, type, body, false);
    }

    private static HttpResponse<byte[]> raw(String method, String path, String cookie, String csrf, String type, byte[] body,
                                            boolean expectContinue) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).expectContinue(expectContinue)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            b.header("Cookie", "atelier_sid=" + cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
