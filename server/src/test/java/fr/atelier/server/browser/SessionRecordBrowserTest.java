package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Config;
import fr.atelier.server.Pg;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18 in real browsers: the administrator adds a territory's partner structures and an impact
 * question; a facilitator prepares a professionals' session with publics and a structure ticked; a
 * phone joins, picks its structure and team size and answers the question before, then after; the
 * archive holds them. Every state passes axe-core. Screenshots: target/screenshots/bilan-*.
 */
class SessionRecordBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    private static void setPassword(WebDriver b, String link, String displayName) {
        b.get(link);
        await(b, "set-password-form");
        type(b, "set-name", displayName);
        type(b, "set-password", PASSWORD);
        type(b, "set-confirm", PASSWORD);
        click(b, "set-submit");
        new WebDriverWait(b, WAIT).until(d -> !d.getCurrentUrl().contains("/mot-de-passe"));
    }

    @Test
    void aProfessionalsSessionRecordsPublicsStructuresAndImpactAnswers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        WebDriver admin = desktop();
        setPassword(admin, AdminCli.invite(Config.from(env).adminTarget(), "admin" + suffix + "@region.fr", Role.ADMIN), "Claire Région");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        String territory = "Dreux " + suffix;
        type(admin, "territory-name", territory);
        click(admin, "territory-submit");
        awaitText(admin, "territories", t -> t.contains(territory));

        // The territory's lists: two structures and one impact question.
        admin.navigate().refresh();
        await(admin, "territory-lists");
        for (String[] s : new String[][] {{"Mission locale de Dreux", "Mission locale"}, {"CIO de Chartres", "CIO"}}) {
            type(admin, "tl-name", s[0]);
            type(admin, "tl-kind", s[1]);
            click(admin, "tl-structure-add");
            awaitText(admin, "tl-structures", t -> t.contains(s[0]));
        }
        type(admin, "tl-text", "Connaissez-vous mieux les structures présentes ?");
        new Select(await(admin, "tl-moments")).selectByValue("both");
        click(admin, "tl-question-add");
        awaitText(admin, "tl-questions", t -> t.contains("structures présentes"));
        ((org.openqa.selenium.JavascriptExecutor) admin).executeScript(
                "document.querySelector('[data-testid=territory-lists]').scrollIntoView()");
        shot(admin, "bilan-01-listes-du-territoire");

        // A facilitator of the territory.
        type(admin, "invite-email", "anim" + suffix + "@exemple.fr");
        new Select(await(admin, "invite-role")).selectByValue("facilitator");
        for (WebElement box : admin.findElements(testId("invite-territory"))) {
            if (box.findElement(By.xpath("..")).getText().trim().equals(territory) != box.isSelected()) {
                box.click();
            }
        }
        click(admin, "invite-submit");
        await(admin, "invite-link");
        String anaLink = admin.findElements(testId("invite-link")).get(0).getDomProperty("value");
        WebDriver laptop = desktop();
        setPassword(laptop, anaLink, "Ana Animatrice");
        laptop.get(base + "/seances");
        click(laptop, "pl-prepare");
        await(laptop, "pf-form");
        new Select(await(laptop, "pf-format")).selectByValue("poll");
        type(laptop, "pf-title", "Rencontre des professionnel·les");
        String today = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusHours(1).withSecond(0).withNano(0).toString().substring(0, 16);
        js(laptop, "const e = document.querySelector('[data-testid=pf-when]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", today);
        type(laptop, "pf-place", "Dreux");
        click(laptop, "pf-public-professionnels");
        click(laptop, "pf-public-demandeurs_emploi");
        WebElement structure = await(laptop, By.cssSelector("[data-testid^='pf-structure-']"));
        assertThat(laptop.findElements(By.cssSelector("[data-testid^='pf-structure-']"))).hasSize(2);
        structure.click();
        shot(laptop, "bilan-02-preparer-publics-structures");
        click(laptop, "pf-submit");
        String notice = awaitText(laptop, "pl-notice", t -> t.contains("code"));
        String code = notice.replaceAll(".*code ([A-Z0-9]{6}).*", "$1");
        click(laptop, "pl-open-" + code);
        awaitText(laptop, "session-code", t -> t.equals(code));

        // A phone joins, names its structure and team size, answers before.
        WebDriver phone = phone();
        phone.get(base + "/j/" + code + "?lang=fr");
        type(phone, "nickname-input", "Zoé");
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains("Zoé"));
        Select pick = new Select(await(phone, "bilan-structure"));
        assertThat(pick.getOptions()).extracting(WebElement::getText)
                .containsExactly("Je préfère ne pas le dire", "CIO de Chartres", "Mission locale de Dreux");
        shot(phone, "bilan-03-telephone-structure");
        pick.selectByVisibleText("CIO de Chartres");
        type(phone, "bilan-size", "3");
        click(phone, "bilan-declare-save");
        awaitText(phone, "bilan-declare-status", t -> t.contains("Enregistré"));
        WebElement before = await(phone, By.cssSelector("[data-testid^='impact-'][data-testid$='-2']"));
        before.click();
        new WebDriverWait(phone, WAIT).until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid^='impact-'][data-testid$='-2']"))
                .getDomAttribute("aria-pressed")));
        shot(phone, "bilan-04-telephone-question-avant");

        // After: the question comes back with the satisfaction questionnaire.
        click(laptop, "session-start");
        click(laptop, "open-satisfaction");
        await(phone, "satisfaction-form");
        WebElement after = await(phone, By.cssSelector("[data-testid^='impact-'][data-testid$='-4']"));
        after.click();
        new WebDriverWait(phone, WAIT).until(d -> "true".equals(d.findElement(By.cssSelector("[data-testid^='impact-'][data-testid$='-4']"))
                .getDomAttribute("aria-pressed")));
        click(phone, "rating-5");
        click(phone, "satisfaction-send");
        await(phone, "satisfaction-thanks");
        shot(phone, "bilan-05-telephone-question-apres");
        String row = awaitText(laptop, "impact-summary", x -> x.contains("4,0 sur 5"));
        assertThat(row).contains("Connaissez-vous mieux les structures présentes").contains("2,0 sur 5");
        ((org.openqa.selenium.JavascriptExecutor) laptop).executeScript(
                "document.querySelector('[data-testid=impact-summary]').scrollIntoView()");
        shot(laptop, "bilan-06-console-avant-apres");

        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select session_id from planned_session where code = ?", code);
        node.server().registry().byId(sessionId).compose(h -> h.submit(fr.atelier.workshops.core.Actor.FACILITATOR, "end",
                new fr.atelier.workshops.core.PlatformCommand.End())).await();
        pg.await("facilitator"::equals, "select closed_by from session where id = ?", sessionId);
        assertThat(pg.rows("select public_code from session_public where session_id = ? order by 1", sessionId))
                .containsExactly(List.of("demandeurs_emploi"), List.of("professionnels"));
        assertThat(pg.rows("select p.declared_size, s.name from participant p join territory_structure s on s.id = p.structure_id"
                + " where p.session_id = ?", sessionId)).containsExactly(List.of(3, "CIO de Chartres"));
        assertThat(pg.rows("select moment, score from impact_answer where session_id = ? order by moment desc", sessionId))
                .containsExactly(List.of("before", 2), List.of("after", 4));
        assertThat(pg.value("select people_count from session where id = ?", sessionId)).isEqualTo(3);
    }
}
