package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.formats.FormatModule;
import fr.atelier.server.formats.FormatModules;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformCommand;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What docs/protocol.md promises about commands, over real WebSockets (issue 11): every command gets
 * exactly one answer carrying its id; numbers are what they say; documented errors and close codes;
 * phones see no answer count before the reveal; a wrong project key is refused at once.
 */
class ProtocolPromisesTest {
    /** The rejection codes docs/protocol.md lists. */
    static final Set<String> REJECTION_CODES = Set.of("forbidden", "wrong_phase", "invalid", "not_found", "conflict",
            "session_ended", "unavailable", "bad_message", "rate_limited", "too_long", "limit_reached", "already_voted", "text_refused");

    static TestNode node;
    static WebSocketClient bigFrames;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.fastest();
        // A browser sends a message as one frame, whatever its size.
        bigFrames = node.server().vertx().createWebSocketClient(new WebSocketClientOptions().setMaxConnections(10)
                .setMaxFrameSize(1024 * 1024).setMaxMessageSize(1024 * 1024));
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private record Room(String code, String host, WsClient console) {}

    private Room room(String format) {
        JsonNode created = http.createSession(format, "Promesses du protocole");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        assertThat(console.hello(code, "facilitator", created.get("hostToken").asText()).path("type").asText()).isEqualTo("welcome");
        return new Room(code, created.get("hostToken").asText(), console);
    }

    private WsClient phone(String code, String nickname) {
        JsonNode joined = http.join(code, nickname);
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        return phone;
    }

    /** The session's sequence number as a new screen is welcomed with it. */
    private long seq(String code) {
        WsClient screen = node.connect();
        long seq = screen.hello(code, "screen", null).path("seq").asLong();
        screen.close();
        return seq;
    }

    private static ObjectNode frame(String id, JsonNode command) {
        ObjectNode message = Json.MAPPER.createObjectNode().put("type", "command").put("id", id);
        message.set("command", command);
        return message;
    }

    /** The ack or rejection of one command, whatever order answers came in. */
    private static JsonNode answerTo(WsClient client, String id) {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : client.all()) {
                if (id.equals(m.path("id").asText()) && m.path("type").asText().matches("ack|rejected")) {
                    return m;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no answer to " + id + "; received " + client.all());
    }

    @Test
    void aBurstOfSixtyCommandsGetsSixtyAnswersEachWithItsId() {
        Room r = room("poll");
        r.console.command(cmd("session.start"));
        ObjectNode ask = cmd("poll.ask").put("text", "Quel site pour s'informer ?");
        ask.putArray("options").add("Onisep").add("France Travail");
        assertThat(r.console.command(ask).path("type").asText()).isEqualTo("ack");
        WsClient phone = phone(r.code, "Rafale");
        String questionId = phone.awaitView(v -> v.path("activity").path("question").has("id"))
                .path("activity").path("question").path("id").asText();

        List<String> ids = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = "rafale-" + i;
            ids.add(id);
            frames.add(frame(id, cmd("poll.answer").put("questionId", questionId).put("option", i % 2)).toString());
        }
        phone.sendBurst(frames);
        int acks = 0;
        int limited = 0;
        for (String id : ids) {
            JsonNode answer = answerTo(phone, id);
            if (answer.path("type").asText().equals("ack")) {
                acks++;
            } else {
                assertThat(answer.path("code").asText()).as("%s", answer).isEqualTo("rate_limited");
                assertThat(answer.path("message").asText()).contains("ralentissez");
                limited++;
            }
        }
        assertThat(acks + limited).isEqualTo(60);
        assertThat(limited).as("the limiter was reached").isPositive();
        assertThat(phone.all()).as("no answer without an id").noneMatch(m -> m.path("type").asText().equals("error"));

        // A client that keeps going is cut off with 4429, as documented.
        for (int i = 0; i < 400 && !phone.isClosed(); i++) {
            try {
                phone.sendRaw(frame("abus-" + i, cmd("poll.answer").put("questionId", questionId).put("option", 0)).toString());
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        assertThat(phone.awaitClose()).isEqualTo((short) 4429);
    }

    /** Each integer field of each format's commands, as a non-integer and out of range: refused with invalid, nothing changed. */
    @Test
    void everyIntegerFieldOfEveryFormatRefusesNonIntegersAndOutOfRangeValues() throws Exception {
        int checked = 0;
        for (FormatModule module : FormatModules.all()) {
            Room r = room(module.format().id());
            long before = seq(r.code);
            List<IntegerFields.Case> cases = new ArrayList<>(IntegerFields.of(PlatformCommand.class, t -> DoubleNode.valueOf(2.5)));
            cases.addAll(IntegerFields.of(module.format().commandType(), t -> DoubleNode.valueOf(1.5)));
            cases.addAll(IntegerFields.of(module.format().commandType(), t -> t == long.class || t == Long.class
                    ? DecimalNode.valueOf(new BigDecimal("100000000000000000000")) : DecimalNode.valueOf(new BigDecimal("3000000000"))));
            assertThat(cases).as("%s has integer fields", module.format().id()).isNotEmpty();
            WsClient console = r.console;
            int sent = 0;
            for (IntegerFields.Case c : cases) {
                if (++sent % 30 == 0) {
                    // Stay under the per-connection rate limit: a fresh console connection.
                    console.close();
                    console = node.connect();
                    console.hello(r.code, "facilitator", r.host);
                }
                JsonNode answer = console.command(c.command());
                assertThat(answer.path("type").asText()).as("%s → %s", c.command(), answer).isEqualTo("rejected");
                assertThat(answer.path("code").asText()).as("%s → %s", c.command(), answer).isEqualTo("invalid");
                String message = answer.path("message").asText();
                // A number out of range in a map (hackathon scores) is named by the map: « scores ».
                String named = c.path().endsWith(".k") && message.contains("hors des limites") ? c.path().substring(0, c.path().length() - 2) : c.path();
                assertThat(message).as("%s → %s", c.command(), answer).contains("« " + named + " »");
                assertThat(message).doesNotContainIgnoringCase("java").doesNotContain("`").doesNotContain("Cannot")
                        .doesNotContain("Integer").doesNotContain("Long").doesNotContainIgnoringCase("coerc")
                        .doesNotContainIgnoringCase("exception").doesNotContain("Numeric value");
                checked++;
            }
            assertThat(seq(r.code)).as("%s: nothing changed", module.format().id()).isEqualTo(before);
            System.out.println(module.format().id() + ": " + cases.size() + " integer-field cases refused with invalid");
            console.close();
        }
        // Poll 3, quiz, cards, prioritisation and hackathon fields, each twice, plus session.rate per format.
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void everyRejectionCodeIsADocumentedOne() {
        Room r = room("poll");
        WsClient phone = phone(r.code, "Codes");
        List<JsonNode> answers = new ArrayList<>();
        answers.add(phone.command(cmd("poll.explode")));
        answers.add(phone.command(cmd("session.rate").put("score", 4).put("email", "x@y.fr")));
        answers.add(phone.command(cmd("poll.answer").put("questionId", "q1").put("option", "deux")));
        answers.add(phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 1.5)));
        answers.add(phone.command(cmd("session.start")));
        answers.add(phone.command(cmd("session.rate").put("score", 5)));
        answers.add(phone.command(cmd("poll.answer").put("questionId", "q9").put("option", 0)));
        for (JsonNode a : answers) {
            assertThat(a.path("type").asText()).isEqualTo("rejected");
            assertThat(REJECTION_CODES).as("%s", a).contains(a.path("code").asText());
            assertThat(a.path("message").asText()).doesNotContain("`").doesNotContainIgnoringCase("java");
        }
        assertThat(answers.get(2).path("code").asText()).isEqualTo("invalid");
        assertThat(answers.get(3).path("code").asText()).isEqualTo("invalid");
    }

    /**
     * The rejection codes the code can produce are the ones docs/protocol.md lists. Codes of the join
     * decision (nickname_invalid, nickname_taken, joining_closed) only ever reach clients as HTTP
     * errors: joining over the WebSocket is refused before decoding.
     */
    @Test
    void theCodeRejectsOnlyWithDocumentedCodes() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        String doc = java.nio.file.Files.readString(root.resolve("docs/protocol.md"));
        int at = doc.indexOf("Rejection codes");
        assertThat(at).as("protocol.md lists the rejection codes").isPositive();
        String paragraph = doc.substring(at, doc.indexOf("\n\n", at));
        Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z_]+)`").matcher(paragraph);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(new java.util.TreeSet<>(REJECTION_CODES));
        Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Pattern reject = java.util.regex.Pattern.compile("reject\\(\\s*\"([a-z_]+)\"");
        for (String dir : List.of("workshops/src/main/java", "server/src/main/java")) {
            try (var files = java.nio.file.Files.walk(root.resolve(dir))) {
                for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    java.util.regex.Matcher r = reject.matcher(java.nio.file.Files.readString(f));
                    while (r.find()) {
                        used.add(r.group(1));
                    }
                }
            }
        }
        used.removeAll(Set.of("nickname_invalid", "nickname_taken", "joining_closed"));
        assertThat(used).isNotEmpty();
        assertThat(documented).as("every code the code uses is documented").containsAll(used);
    }

    @Test
    void aCommandBeforeHelloGetsTheDocumentedError() {
        Room r = room("poll");
        WsClient early = node.connect();
        String id = UUID.randomUUID().toString();
        early.send(frame(id, cmd("session.end")));
        JsonNode error = early.next(m -> m.path("type").asText().matches("error|rejected|ack"));
        assertThat(error.path("type").asText()).as("%s", error).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("bad_message");
        assertThat(error.path("message").asText()).contains("hello");
        // Nothing changed and the connection stays usable: the hello still works.
        assertThat(early.hello(r.code, "screen", null).path("type").asText()).isEqualTo("welcome");
        assertThat(early.awaitView(v -> true).path("session").path("phase").asText()).isEqualTo("LOBBY");
    }

    @Test
    void aFacilitatorFrameOver256KiBGetsTooLargeAndClose1009() {
        Room r = room("poll");
        // Below the limit: a large but allowed frame is read (and refused for its content only).
        String allowed = frame("gros", cmd("poll.ask").put("text", "x".repeat(200 * 1024))).toString();
        r.console.sendRaw(allowed);
        assertThat(r.console.next(m -> "gros".equals(m.path("id").asText())).path("code").asText()).isEqualTo("invalid");

        for (boolean oneFrame : List.of(true, false)) {
            WsClient console = oneFrame ? WsClient.connect(bigFrames, node.port(), null) : node.connect();
            console.hello(r.code, "facilitator", r.host);
            console.sendRaw(frame("trop", cmd("poll.ask").put("text", "y".repeat(300 * 1024))).toString());
            JsonNode error = console.next(m -> m.path("type").asText().equals("error"));
            assertThat(error.path("code").asText()).isEqualTo("too_large");
            assertThat(error.path("message").asText()).contains("256");
            assertThat(console.awaitClose()).as(oneFrame ? "one frame" : "fragmented").isEqualTo((short) 1009);
        }
    }

    @Test
    void phonesGetNoAnswerCountBeforeTheReveal() {
        Room r = room("poll");
        WsClient lina = phone(r.code, "Lina");
        WsClient tom = phone(r.code, "Tom");
        r.console.command(cmd("session.start"));
        ObjectNode ask = cmd("poll.ask").put("text", "Combien de structures SPRO connaissez-vous ?").put("correct", 1);
        ask.putArray("options").add("Une").add("Plusieurs");
        r.console.command(ask);
        String questionId = lina.awaitView(v -> v.path("activity").path("question").has("id"))
                .path("activity").path("question").path("id").asText();
        assertThat(lina.command(cmd("poll.answer").put("questionId", questionId).put("option", 0)).path("type").asText()).isEqualTo("ack");
        assertThat(tom.command(cmd("poll.answer").put("questionId", questionId).put("option", 1)).path("type").asText()).isEqualTo("ack");
        r.console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 2);
        assertThat(r.console.command(cmd("poll.close").put("questionId", questionId)).path("type").asText()).isEqualTo("ack");
        lina.awaitView(v -> v.path("activity").path("question").path("status").asText().equals("CLOSED"));
        assertThat(r.console.command(cmd("poll.reveal").put("questionId", questionId)).path("type").asText()).isEqualTo("ack");
        JsonNode revealed = lina.awaitView(v -> v.path("activity").path("question").path("status").asText().equals("REVEALED"));
        assertThat(revealed.path("activity").path("question").path("answered").asInt()).isEqualTo(2);

        for (WsClient phone : List.of(lina, tom)) {
            for (JsonNode m : phone.all()) {
                JsonNode q = m.path("view").path("activity").path("question");
                if (m.path("type").asText().equals("view") && q.has("id") && !q.path("status").asText().equals("REVEALED")) {
                    assertThat(q.has("answered")).as("phone view before the reveal: %s", q).isFalse();
                    assertThat(q.has("distribution")).isFalse();
                }
            }
        }
    }

    @Test
    void aProjectClaimedWithAWrongKeyIsRefusedAtOnce() {
        Http.Response created = http.post("/api/projects", "{\"sector\":\"Logistique\",\"territory\":\"Chartres\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String projectId = created.json().get("projectId").asText();
        String key = created.json().get("projectKey").asText();
        JsonNode snapshot = http.get("/api/projects/" + projectId, key).json().get("project");

        Room r = room("prioritisation");
        long before = seq(r.code);
        ObjectNode forged = cmd("prioritisation.useProject").put("projectKey", "une-cle-inventee-0123456789").put("tag", "evil");
        forged.set("project", snapshot);
        JsonNode refused = r.console.command(forged);
        assertThat(refused.path("type").asText()).as("%s", refused).isEqualTo("rejected");
        assertThat(refused.path("code").asText()).isEqualTo("forbidden");
        assertThat(refused.path("message").asText()).contains("Clé de projet");

        ObjectNode unknown = cmd("prioritisation.useProject").put("projectKey", key).put("tag", "lost");
        unknown.set("project", ((ObjectNode) snapshot.deepCopy()).put("id", "pj_inconnu"));
        JsonNode missing = r.console.command(unknown);
        assertThat(missing.path("code").asText()).as("%s", missing).isEqualTo("not_found");
        assertThat(seq(r.code)).as("nothing recorded").isEqualTo(before);

        ObjectNode right = cmd("prioritisation.useProject").put("projectKey", key).put("tag", "good");
        right.set("project", snapshot);
        assertThat(r.console.command(right).path("type").asText()).isEqualTo("ack");
        r.console.awaitView(v -> v.path("activity").path("project").path("id").asText().equals(projectId));
    }
}
