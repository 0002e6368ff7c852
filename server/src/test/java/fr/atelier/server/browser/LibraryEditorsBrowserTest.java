package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.accounts.PasswordHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The library's challenge-kit and Dessine-moi vocabulary editors (issue 16) in a real browser: a
 * facilitator copies the regional items into their territory, edits them (saved automatically),
 * sees a refused value explained beside its field, and creates a new kit from the starter. Every
 * state passes axe-core. Screenshots: target/screenshots/library-editor-*.
 */
class LibraryEditorsBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    private static String facilitator(String territoryId) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "anim-" + suffix + "@exemple.fr";
        Database.JdbcTarget t = Database.JdbcTarget.parse(node.server().databaseUrl());
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password())) {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("insert into territory (id, name, created_at) values (?, ?, ?)")) {
                s.setString(1, territoryId);
                s.setString(2, "Perche " + suffix);
                s.setTimestamp(3, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into account (id, email, display_name, role, password_hash, created_at)"
                    + " values (?, ?, 'Léa Animatrice', 'facilitator', ?, ?)")) {
                s.setString(1, "a_" + suffix);
                s.setString(2, email);
                s.setString(3, PasswordHash.hash(PASSWORD));
                s.setTimestamp(4, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into account_territory (account_id, territory_id) values (?, ?)")) {
                s.setString(1, "a_" + suffix);
                s.setString(2, territoryId);
                s.executeUpdate();
            }
        }
        return email;
    }

    private static void awaitState(WebDriver b, String state) {
        waiting(b).until(d -> state.equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
    }

    /** Copies a regional item into the territory from the shelf; returns the copy's page. */
    private static void copyAndOpen(WebDriver b, String kind, String regionalId, String territory) {
        openShelf(b, kind);
        click(b, "lib-copy-" + regionalId);
        WebElement go = b.findElements(testId("lib-copy-go-" + regionalId)).stream().findFirst().orElse(null);
        if (go != null) {
            new org.openqa.selenium.support.ui.Select(await(b, "lib-copy-to-" + regionalId)).selectByValue(territory);
            go.click();
        }
        WebElement open = waiting(b).until(d -> d.findElements(org.openqa.selenium.By.cssSelector("[data-testid^='lib-open-lib-']"))
                .stream().findFirst().orElse(null));
        open.click();
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().matches(".*/bibliotheque/lib-.*"));
    }

    /** The library page on a kind's shelf (loaded again once if the first answer was slow to come: a loaded machine). */
    private static void openShelf(WebDriver b, String kind) {
        for (int attempt = 0; ; attempt++) {
            b.get(base + "/bibliotheque?type=" + kind);
            try {
                click(b, "lib-kind-" + kind);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private static void retype(WebDriver b, String id, String text) {
        WebElement field = await(b, org.openqa.selenium.By.id(id));
        field.clear();
        field.sendKeys(text, Keys.TAB);
    }

    @Test
    void aFacilitatorAdaptsAChallengeKitAndAVocabulary() throws Exception {
        requireChromium();
        String territory = "t_ed_" + UUID.randomUUID().toString().substring(0, 6);
        String email = facilitator(territory);
        WebDriver laptop = desktop();
        laptop.get(base + "/connexion?retour=/bibliotheque");
        type(laptop, "sign-in-email", email);
        type(laptop, "sign-in-password", PASSWORD);
        click(laptop, "sign-in-submit");
        new WebDriverWait(laptop, WAIT).until(d -> d.getCurrentUrl().endsWith("/bibliotheque"));

        // The challenge kit: copied from the regional shelf, a challenge renamed and saved.
        copyAndOpen(laptop, "hackathon", "regional-hackathon-hack-ton-orientation", territory);
        await(laptop, "hackathon-editor");
        retype(laptop, "hke-c0-title", "La relation école–entreprise dans le Perche");
        awaitState(laptop, "saved");
        shot(laptop, "library-editor-hackathon");
        // A weight out of range: refused by the server, explained beside the criterion, nothing saved.
        retype(laptop, "hke-r0-weight", "40");
        WebElement problems = await(laptop, org.openqa.selenium.By.id("hke-r0-problems"));
        assertThat(problems.getText()).contains("poids");
        shot(laptop, "library-editor-hackathon-refused");
        retype(laptop, "hke-r0-weight", "3");
        awaitState(laptop, "saved");

        // The vocabulary: a category relabelled for the territory.
        copyAndOpen(laptop, "prioritisation", "regional-prioritisation-vocabulaire-spro", territory);
        await(laptop, "prioritisation-editor");
        retype(laptop, "pe-categories-1-label", "Difficultés à recruter");
        awaitState(laptop, "saved");
        shot(laptop, "library-editor-prioritisation");

        // A new kit from the starter, straight into the editor.
        openShelf(laptop, "hackathon");
        click(laptop, "lib-create");
        type(laptop, "lib-new-title", "Défis du Perche");
        click(laptop, "lib-create-submit");
        new WebDriverWait(laptop, WAIT).until(d -> d.getCurrentUrl().matches(".*/bibliotheque/lib-.*"));
        await(laptop, "hackathon-editor");
        assertThat(await(laptop, org.openqa.selenium.By.id("hke-c0-title")).getAttribute("value")).isEqualTo("Premier défi");
        shot(laptop, "library-editor-hackathon-new");
    }
}
