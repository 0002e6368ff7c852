package fr.atelier.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.AtelierServer;
import fr.atelier.server.Config;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestServers;
import fr.atelier.server.workspace.accounts.PasswordHash;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out and CSRF over HTTP, on this machine's Redis and PostgreSQL. */
class SignInTest {
    static final String PASSWORD = "Cafe-Orientation-2026";
    private static AtelierServer server;
    private static Pg pg;

    @BeforeAll
    static void start() {
        Config config = TestServers.external();
        server = AtelierServer.start(config);
        pg = new Pg(server.databaseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An account with a password, inserted as the command line or an invitation would leave it. */
    static String account(Pg pg, String email, String role, String password) {
        String id = "a_" + UUID.randomUUID().toString().substring(0, 12);
        pg.rows("insert into account (id, email, display_name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?) returning id",
                id, email, "Personne " + email, role, password == null ? null : PasswordHash.hash(password), OffsetDateTime.now());
        return id;
    }

    private static String email() {
        return "p" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    @Test
    void signInRenewsTheSessionAndSignOutNeedsTheCsrfToken() {
        String email = email();
        String id = account(pg, email, "facilitator", PASSWORD);
        Browser b = new Browser(server.port());
        assertThat(b.get("/api/me").json().get("account").isNull()).isTrue();

        Http.Response in = b.signIn(email.toUpperCase(), PASSWORD);
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().get("account").get("id").asText()).isEqualTo(id);
        String cookie = Browser.setCookies(in).stream().filter(c -> c.startsWith("atelier_sid=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase()).contains("httponly").contains("samesite=lax").contains("path=/").doesNotContain("secure");
        String first = b.cookie;

        var me = b.get("/api/me").json();
        assertThat(me.get("account").get("email").asText()).isEqualTo(email);
        assertThat(me.get("csrfToken").asText()).isEqualTo(b.csrf);

        // Signing in again from the same browser gives a new session id; the old one is ended.
        assertThat(b.signIn(email, PASSWORD).status()).isEqualTo(200);
        assertThat(b.cookie).isNotEqualTo(first);
        Browser old = new Browser(server.port());
        old.cookie = first;
        assertThat(old.get("/api/me").json().get("account").isNull()).isTrue();

        // A forged request (no token, or another one) changes nothing.
        Http.Response forged = b.post("/api/auth/sign-out", "{}", null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("error").get("code").asText()).isEqualTo("csrf");
        assertThat(b.post("/api/auth/sign-out", "{}", "not-the-token").status()).isEqualTo(403);
        assertThat(b.get("/api/me").json().get("account").get("id").asText()).isEqualTo(id);

        String sid = b.cookie;
        assertThat(b.post("/api/auth/sign-out", "{}").status()).isEqualTo(200);
        assertThat(b.cookie).isNull();
        Browser replay = new Browser(server.port());
        replay.cookie = sid;
        assertThat(replay.get("/api/me").json().get("account").isNull()).isTrue();
        assertThat(pg.value("select count(*) from audit_event where account_id = ? and action = 'auth.sign_in'", id)).isEqualTo(2L);
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
        String email = email();
        account(pg, email, "coordinator", PASSWORD);
        Browser b = new Browser(server.port());
        b.forwardedFor = "198.51.100.7";
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Http.Response wrong;
        Http.Response unknown;
        Http.Response link;
        try {
            wrong = b.signIn(email, PASSWORD + "x");
            unknown = b.signIn(email(), PASSWORD);
            link = b.post("/api/auth/set-password", "{\"token\":\"jeton-secret-invente-0123456789\",\"password\":\"" + PASSWORD + "\"}");
        } finally {
            root.detachAppender(logs);
        }
        assertThat(link.status()).isEqualTo(404);
        // Failed attempts are logged, never with what was typed as a secret.
        String logged = logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()).reduce("", String::concat);
        assertThat(logged).contains("sign-in refused").contains("one-time link refused").contains("127.0.0.1")
                .doesNotContain(PASSWORD).doesNotContain("jeton-secret-invente");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(b.cookie).isNull();
    }

    @Test
    void quickSessionsNeedNoCsrfWithoutAWebSession() {
        Http http = new Http(server.port());
        assertThat(http.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Rapide\"}").status()).isEqualTo(201);
    }
}
