package fr.atelier.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Config;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.AuthApi;
import fr.atelier.server.workspace.accounts.Role;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The accounts' flows over HTTP on real Redis and PostgreSQL: the first administrator from the
 * command line, one-time links (used, reused, expired), the administration API and its role
 * checks, the coordinators' key retired, sign-in limits, a web session served by a second node
 * (which also sends e-mails through a real SMTP server and refuses anonymous sessions).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountFlowsTest {
    static final String ADMIN_PASSWORD = "Region-Centre-Val-2026!";
    private static AtelierServer a;
    private static AtelierServer b;
    private static Config configA;
    private static Pg pg;
    private static GreenMail smtp;
    private static Browser admin;

    @BeforeAll
    static void start() throws Exception {
        configA = TestConfig.external();
        a = AtelierServer.start(configA);
        pg = new Pg(a.databaseUrl());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", TestConfig.newDataDir().toString());
        env.put("ATELIER_NODE_ID", "node-b");
        env.put("ATELIER_REDIS_URL", a.redisUrl());
        env.put("ATELIER_DATABASE_URL", a.databaseUrl());
        env.put("ATELIER_CLUSTER_NAME", configA.clusterName());
        env.put("ATELIER_ANONYMOUS_SESSIONS", "false");
        env.put("ATELIER_SMTP_HOST", "127.0.0.1");
        env.put("ATELIER_SMTP_PORT", Integer.toString(port));
        env.put("ATELIER_SMTP_TLS", "none");
        env.put("ATELIER_SMTP_FROM", "atelier@region.example");
        b = AtelierServer.start(Config.from(env));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static String token(String link) {
        return link.substring(link.indexOf("#t=") + 3).trim();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@cio-dreux.fr";
    }

    @Test
    @Order(1)
    void firstAdministratorFromTheCommandLineRetiresTheCoordinatorsKey() {
        Http http = new Http(a.port());
        assertThat(http.get("/api/coordination/report", TestConfig.COORDINATOR_KEY).status()).isEqualTo(200);

        String email = email("admin");
        String link = AdminCli.invite(configA.adminTarget(), email, Role.ADMIN);
        assertThat(link).startsWith("http://localhost:").contains("/mot-de-passe#t=");
        String token = token(link);
        admin = new Browser(a.port());
        Http.Response described = admin.post("/api/auth/link", "{\"token\":\"" + token + "\"}");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.json().get("kind").asText()).isEqualTo("invite");
        assertThat(described.json().get("role").asText()).isEqualTo("admin");

        Http.Response weak = admin.post("/api/auth/set-password", "{\"token\":\"" + token + "\",\"password\":\"motdepasse\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("error").get("message").asText()).contains("12 caractères");

        Http.Response set = admin.post("/api/auth/set-password",
                "{\"token\":\"" + token + "\",\"password\":\"" + ADMIN_PASSWORD + "\",\"displayName\":\"Claire Région\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("account").get("role").asText()).isEqualTo("admin");
        admin.csrf = set.json().get("csrfToken").asText();
        assertThat(admin.get("/api/me").json().get("account").get("displayName").asText()).isEqualTo("Claire Région");

        Http.Response reused = new Browser(a.port()).post("/api/auth/set-password",
                "{\"token\":\"" + token + "\",\"password\":\"" + ADMIN_PASSWORD + "x\"}");
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.json().get("error").get("code").asText()).isEqualTo("used_link");
        assertThat(reused.json().get("error").get("message").asText()).contains("déjà servi");

        Http.Response key = http.get("/api/coordination/report", TestConfig.COORDINATOR_KEY);
        assertThat(key.status()).isEqualTo(410);
        assertThat(key.json().get("error").get("message").asText()).contains("les comptes l'ont remplacée");
        // The stored hash is a PHC Argon2id string; the link's token is nowhere in the database.
        assertThat((String) pg.value("select password_hash from account where email = ?", email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(pg.value("select count(*) from invitation where token_hash = ?", token)).isEqualTo(0L);
        assertThat(pg.value("select count(*) from audit_event where detail like ?", "%" + token + "%")).isEqualTo(0L);
    }

    @Test
    @Order(2)
    void administratorsManageTerritoriesAndInvitePeopleWithCopyableLinks() {
        Http.Response t = admin.post("/api/admin/territories", "{\"name\":\"Dreux " + UUID.randomUUID().toString().substring(0, 4)
                + "\",\"domains\":[\"cio-dreux.fr\",\"@Mairie-Dreux.fr\"]}");
        assertThat(t.status()).isEqualTo(201);
        assertThat(t.json().get("domains").toString()).isEqualTo("[\"cio-dreux.fr\",\"mairie-dreux.fr\"]");
        String territory = t.json().get("id").asText();
        assertThat(admin.post("/api/admin/territories", "{\"name\":\"Chartres\",\"domains\":[\"cio-dreux.fr\"]}").status()).isEqualTo(409);
        assertThat(admin.post("/api/admin/territories", "{\"name\":\"Blois\",\"domains\":[\"pas un domaine\"]}").status()).isEqualTo(400);

        String email = email("anim");
        Http.Response inv = admin.post("/api/admin/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"facilitator\",\"territoryIds\":[\"" + territory + "\"]}");
        assertThat(inv.status()).isEqualTo(201);
        assertThat(inv.json().get("sent").asBoolean()).isFalse();
        String link = inv.json().get("link").asText();
        assertThat(link).startsWith("http://127.0.0.1:" + a.port() + "/mot-de-passe#t=");

        Browser anim = new Browser(a.port());
        Http.Response set = anim.post("/api/auth/set-password", "{\"token\":\"" + token(link) + "\",\"password\":\"quatre mots pour une phrase\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("account").get("territoryIds").toString()).isEqualTo("[\"" + territory + "\"]");
        anim.csrf = set.json().get("csrfToken").asText();

        // Role checks: a facilitator and a stranger get French refusals; nothing changes.
        Http.Response forbidden = anim.post("/api/admin/territories", "{\"name\":\"Pirate\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").get("message").asText()).isEqualTo("Votre rôle ne permet pas cette action.");
        assertThat(new Browser(a.port()).get("/api/admin/people").status()).isEqualTo(401);
        assertThat(pg.value("select count(*) from territory where name = 'Pirate'")).isEqualTo(0L);

        String animId = set.json().get("account").get("id").asText();
        assertThat(admin.post("/api/admin/people/" + animId + "/disable", "{}").status()).isEqualTo(200);
        assertThat(anim.get("/api/me").json().get("account").isNull()).isTrue();
        assertThat(anim.signIn(email, "quatre mots pour une phrase").status()).isEqualTo(401);
        assertThat(pg.value("select count(*) from audit_event where action in ('territory.created', 'account.invited', 'account.disabled')"
                + " and account_id = ?", admin.get("/api/me").json().get("account").get("id").asText())).isEqualTo(3L);
    }

    @Test
    @Order(3)
    void expiredLinksAndResetsByTheAdministrator() {
        String email = email("coord");
        Http.Response inv = admin.post("/api/admin/invitations", "{\"email\":\"" + email + "\",\"role\":\"coordinator\",\"territoryIds\":[\""
                + pg.value("select id from territory limit 1") + "\"]}");
        String token = token(inv.json().get("link").asText());
        pg.rows("update invitation set expires_at = now() - interval '1 minute' where email = ? returning email", email);
        Http.Response expired = new Browser(a.port()).post("/api/auth/set-password", "{\"token\":\"" + token + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("error").get("code").asText()).isEqualTo("expired_link");
        assertThat(expired.json().get("error").get("message").asText()).contains("a expiré");
        assertThat(pg.value("select count(*) from account where email = ?", email)).isEqualTo(0L);

        // A new invitation, then a reset link from the administrator: the new password replaces the old.
        String again = token(admin.post("/api/admin/invitations", "{\"email\":\"" + email + "\",\"role\":\"coordinator\",\"territoryIds\":[\""
                + pg.value("select id from territory limit 1") + "\"]}").json().get("link").asText());
        Browser coord = new Browser(a.port());
        String id = coord.post("/api/auth/set-password", "{\"token\":\"" + again + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .json().get("account").get("id").asText();
        Http.Response reset = admin.post("/api/admin/people/" + id + "/reset", "{}");
        assertThat(reset.status()).isEqualTo(201);
        String resetToken = token(reset.json().get("link").asText());
        assertThat(new Browser(a.port()).post("/api/auth/link", "{\"token\":\"" + resetToken + "\"}").json().get("kind").asText()).isEqualTo("reset");
        assertThat(new Browser(a.port()).post("/api/auth/set-password", "{\"token\":\"" + resetToken + "\",\"password\":\"Nouveau-Mot-2026#\"}").status())
                .isEqualTo(200);
        assertThat(new Browser(a.port()).signIn(email, ADMIN_PASSWORD).status()).isEqualTo(401);
        assertThat(new Browser(a.port()).signIn(email, "Nouveau-Mot-2026#").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void failedSignInsAreLimitedPerAddressTypedEvenWhenNoAccountHasIt() {
        String email = email("limite");
        String unknown = email("inconnu");
        Http.Response inv = admin.post("/api/admin/invitations", "{\"email\":\"" + email + "\",\"role\":\"admin\"}");
        new Browser(a.port()).post("/api/auth/set-password", "{\"token\":\"" + token(inv.json().get("link").asText()) + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        Browser b1 = new Browser(a.port());
        b1.forwardedFor = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < AuthApi.FAILURES_PER_EMAIL; i++) {
            assertThat(b1.signIn(email, "mauvais" + i).status()).isEqualTo(401);
            assertThat(b1.signIn(unknown, "mauvais" + i).status()).isEqualTo(401);
        }
        Http.Response limited = b1.signIn(email, ADMIN_PASSWORD);
        Http.Response limitedUnknown = b1.signIn(unknown, ADMIN_PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo(limitedUnknown.body());
        assertThat(limited.json().get("error").get("message").asText()).contains("Trop de tentatives");
    }

    @Test
    @Order(5)
    void aSecondNodeServesTheWebSessionSendsLinksByMailAndRefusesAnonymousSessions() throws Exception {
        Browser onB = admin.on(b.port());
        assertThat(onB.get("/api/me").json().get("account").get("role").asText()).isEqualTo("admin");
        assertThat(onB.get("/api/me").json().get("anonymousSessions").asBoolean()).isFalse();

        Http.Response anonymous = new Http(b.port()).post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Sans compte\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").get("message").asText()).contains("seules les personnes connectées");
        assertThat(onB.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Avec compte\"}").status()).isEqualTo(201);
        assertThat(onB.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Forgé\"}", "faux").status()).isEqualTo(403);

        String email = email("courriel");
        Http.Response inv = onB.post("/api/admin/invitations", "{\"email\":\"" + email + "\",\"role\":\"admin\"}");
        assertThat(inv.status()).isEqualTo(201);
        assertThat(inv.json().get("sent").asBoolean()).isTrue();
        assertThat(inv.json().has("link")).isFalse();
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
        String text = m.getContent().toString();
        assertThat(text).contains("Vous êtes invité·e sur Atelier");
        String link = text.lines().filter(l -> l.contains("#t=")).findFirst().orElseThrow();
        Http.Response set = new Browser(b.port()).post("/api/auth/set-password", "{\"token\":\"" + token(link) + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(set.status()).isEqualTo(200);

        // Forgotten password, by e-mail: the same answer for an address without an account.
        Http.Response known = new Browser(b.port()).post("/api/auth/reset-request", "{\"email\":\"" + email + "\"}");
        Http.Response unknown = new Browser(b.port()).post("/api/auth/reset-request", "{\"email\":\"" + email("personne") + "\"}");
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }
}
