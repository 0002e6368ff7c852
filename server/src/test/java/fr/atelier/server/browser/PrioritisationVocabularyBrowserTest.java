package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.accounts.PasswordHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, item 3 for Dessine-moi: a territory's vocabulary in the library is picked in the
 * preparation form; the prepared session carries its copy, and a phone shows the territory's words
 * for the profiles and the categories. Screenshots: target/screenshots/vocab-*.
 */
class PrioritisationVocabularyBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    /** A territory and a facilitator of it, straight into the database; returns the e-mail. */
    private static String facilitator(String territoryId, String territoryName, String name) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "anim-" + suffix + "@exemple.fr";
        Database.JdbcTarget t = Database.JdbcTarget.parse(node.server().databaseUrl());
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password())) {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("insert into territory (id, name, created_at) values (?, ?, ?) on conflict do nothing")) {
                s.setString(1, territoryId);
                s.setString(2, territoryName);
                s.setTimestamp(3, now);
                s.executeUpdate();
            }
            String account = "a_" + suffix;
            try (PreparedStatement s = c.prepareStatement("insert into account (id, email, display_name, role, password_hash, created_at)"
                    + " values (?, ?, ?, 'facilitator', ?, ?)")) {
                s.setString(1, account);
                s.setString(2, email);
                s.setString(3, name);
                s.setString(4, PasswordHash.hash(PASSWORD));
                s.setTimestamp(5, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into account_territory (account_id, territory_id) values (?, ?)")) {
                s.setString(1, account);
                s.setString(2, territoryId);
                s.executeUpdate();
            }
        }
        return email;
    }

    private static void signIn(WebDriver b, String email, String back) {
        b.get(base + "/connexion?retour=" + back);
        type(b, "sign-in-email", email);
        type(b, "sign-in-password", PASSWORD);
        click(b, "sign-in-submit");
        new WebDriverWait(b, WAIT).until(d -> !d.getCurrentUrl().contains("/connexion") && d.getCurrentUrl().endsWith(back));
    }

    @Test
    void aTerritorysVocabularyIsPickedWhenPreparingAndThePhoneUsesIt() {
        requireChromium();
        String email;
        try {
            email = facilitator("t-cleor", "Cléor", "Inès Animatrice");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WebDriver laptop = desktop();
        signIn(laptop, email, "/seances");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((JavascriptExecutor) laptop).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; import('/app/workspace/library/http.js').then((m) => m.library.create({"
                + " kind: 'prioritisation', territoryId: 't-cleor', title: 'Vocabulaire de Cléor', content: {id: 'vocab-cleor',"
                + " title: 'Vocabulaire de Cléor', profiles: [{id: 'young', label: 'Élève ou apprenti·e', hint: 'Collège, lycée, CFA.'},"
                + " {id: 'employer', label: 'Artisan·e ou patron·ne'}], categories: [{id: 'recruitment', label: 'Trouver du monde',"
                + " hint: 'Embaucher, se faire embaucher.'}, {id: 'conditions', label: 'Le quotidien du métier'}]}}))"
                + ".then((i) => done({id: i.id}), (e) => done({error: String(e.message || e)}));");
        assertThat(item).doesNotContainKey("error");
        String id = (String) item.get("id");

        laptop.get(base + "/seances");
        click(laptop, "pl-prepare");
        await(laptop, "pf-form");
        new Select(await(laptop, "pf-format")).selectByValue("prioritisation");
        waiting(laptop).until(d -> new Select(d.findElement(testId("pf-content"))).getOptions().stream()
                .anyMatch(o -> id.equals(o.getAttribute("value"))));
        type(laptop, "pf-title", "Dessine-moi le travail à Cléor");
        String nextWeek = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(7).withHour(14).withMinute(0).toString().substring(0, 16);
        js(laptop, "const e = document.querySelector('[data-testid=pf-when]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", nextWeek);
        new Select(await(laptop, "pf-content")).selectByValue(id);
        awaitText(laptop, "pf-vocabulary-preview", t -> t.contains("Trouver du monde"));
        shot(laptop, "vocab-01-prepare-form");
        click(laptop, "pf-submit");
        waiting(laptop).until(d -> !d.findElements(testId("pl-notice")).isEmpty() || !d.findElements(testId("pf-error")).isEmpty());
        assertThat(laptop.findElements(testId("pf-error"))).as("no error on submit").isEmpty();
        String notice = awaitText(laptop, "pl-notice", t -> t.contains("code"));
        String code = notice.replaceAll(".*code ([A-Z0-9]{6}).*", "$1");

        laptop.get(base + "/seances");
        click(laptop, "pl-open-" + code);
        awaitText(laptop, "session-code", t -> t.equals(code));
        WebDriver phone = phone();
        phone.get(base + "/j/" + code + "?lang=fr");
        type(phone, "nickname-input", "Camille");
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains("Camille"));
        click(laptop, "session-start");
        assertThat(awaitText(phone, "prio-profile-young", t -> t.contains("Élève"))).contains("Collège, lycée, CFA.");
        assertThat(await(phone, "prio-profile-partner").getText()).isEqualTo("Professionnel·le partenaire");
        shot(phone, "vocab-02-phone-profiles");
        click(phone, "prio-profile-employer");
        assertThat(awaitText(phone, "prio-category-recruitment", t -> t.contains("Trouver du monde"))).contains("Embaucher");
        new WebDriverWait(phone, WAIT).until(d -> d.findElement(testId("prio-my-profile")).getText().contains("Artisan·e ou patron·ne"));
        js(phone, "document.querySelector('[data-testid=prio-category-recruitment]').scrollIntoView({block: 'center'});");
        shot(phone, "vocab-03-phone-categories");
    }
}
