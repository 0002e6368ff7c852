package fr.atelier.server.workspace;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.Config;
import fr.atelier.server.Http;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 19, item 6: a whole run, from a first start that creates the coordinators' key to an archived
 * session, its synthesis, the coordinators' report and an administrator who sets a password and signs
 * in (once wrongly), with every log line at INFO or above captured: none holds a host token, a rejoin
 * token, the coordinators' key, a password, a one-time link's token or a nickname of the run.
 */
class NoSecretInLogsTest {
    static final List<String> NICKNAMES = List.of("Gwenaëlle", "Zéphirin", "Ysaline");
    static final String PASSWORD = "Un-mot-de-passe-assez-long-42";

    @Test
    void noLogLineAtInfoOrAboveHoldsASecretOrANickname() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>(NICKNAMES);
        secrets.add(PASSWORD);
        Path dataDir = TestConfig.newDataDir();
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", dataDir.toString());
        // No ATELIER_COORDINATOR_KEY: the first start creates one, as a new installation does.
        Config config = Config.from(env);
        try (TestNode node = TestNode.start(config)) {
            Http http = node.http();
            String key = createdKey(dataDir);
            secrets.add(key);

            JsonNode created = http.createSession("poll", "Atelier de Dreux");
            String code = created.get("code").asText();
            String host = created.get("hostToken").asText();
            secrets.add(host);
            WsClient console = node.connect();
            console.hello(code, "facilitator", host);
            List<WsClient> phones = new ArrayList<>();
            for (String nickname : NICKNAMES) {
                JsonNode joined = http.join(code, nickname);
                secrets.add(joined.get("rejoinToken").asText());
                WsClient phone = node.connect();
                phone.hello(code, "participant", joined.get("rejoinToken").asText());
                phones.add(phone);
            }
            assertThat(node.connect().hello(code, "facilitator", "not-the-token").path("type").asText()).isEqualTo("error");
            console.command(cmd("session.start"));
            ObjectNode ask = cmd("poll.ask").put("text", "Quel site pour les fiches métiers ?").put("correct", 1);
            ask.withArray("options").add("France Travail").add("Onisep");
            console.command(ask);
            for (WsClient phone : phones) {
                phone.awaitView(v -> v.path("activity").path("question").path("status").asText().equals("OPEN"));
                phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 1));
            }
            console.command(cmd("poll.reveal").put("questionId", "q1"));
            console.command(cmd("session.openSatisfaction"));
            phones.get(0).command(cmd("session.rate").put("score", 5).put("comment", "Merci " + NICKNAMES.get(1)));
            console.command(cmd("session.end"));
            phones.get(0).awaitView(v -> v.path("session").path("phase").asText().equals("ENDED"));
            awaitLog(captured, "session archived");
            assertThat(http.get("/api/sessions/" + code + "/synthesis", host).status()).isEqualTo(200);
            assertThat(http.get("/api/sessions/" + code + "/export.csv", host).status()).isEqualTo(200);
            assertThat(http.get("/api/sessions/" + code + "/synthesis", "wrong-token").status()).isEqualTo(401);
            assertThat(http.get("/api/coordination/report", key).status()).isEqualTo(200);
            phones.forEach(WsClient::close);
            console.close();

            // An administrator: an invitation link, a password, a wrong then a right sign-in.
            String email = "admin-logs@cio-dreux.fr";
            String link = AdminCli.invite(config.adminTarget(), email, Role.ADMIN);
            String token = link.substring(link.indexOf("#t=") + 3).trim();
            secrets.add(token);
            Browser admin = new Browser(node.port());
            assertThat(admin.post("/api/auth/set-password", "{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD
                    + "\",\"displayName\":\"Claire Région\"}").status()).isEqualTo(200);
            Browser again = new Browser(node.port());
            assertThat(again.signIn(email, PASSWORD + "-faux").status()).isEqualTo(401);
            assertThat(again.signIn(email, PASSWORD).status()).isEqualTo(200);
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(NoSecretInLogsTest::line).toList();
        assertThat(lines).as("the run logged").hasSizeGreaterThan(5).anyMatch(l -> l.contains("session archived"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines holding \"" + secret + "\"").noneMatch(l -> l.contains(secret));
        }
        assertThat(lines).as("log lines with a secret link").noneMatch(l -> l.matches("(?s).*#(k|t|jury)=\\S.*"));
    }

    /** The coordinators' key a first start created: where the server put it for the operator. */
    static String createdKey(Path dataDir) throws Exception {
        Path file = dataDir.resolve("coordination-key.txt");
        assertThat(file).as("the new key is handed to the operator in a file").exists();
        String link = Files.readString(file).lines().filter(l -> l.contains("#k=")).findFirst().orElseThrow();
        return link.substring(link.indexOf("#k=") + 3).trim();
    }

    private static void awaitLog(ListAppender<ILoggingEvent> captured, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            synchronized (captured.list) {
                if (captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never logged: " + text);
    }

    /** The line as an appender writes it: message, key/value pairs, the cause's messages. */
    static String line(ILoggingEvent e) {
        String pairs = e.getKeyValuePairs() == null ? ""
                : e.getKeyValuePairs().stream().map(p -> p.key + "=" + p.value).collect(Collectors.joining(" "));
        StringBuilder cause = new StringBuilder();
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            cause.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return e.getLevel() + " " + e.getLoggerName() + " " + pairs + " - " + e.getFormattedMessage() + cause;
    }
}
