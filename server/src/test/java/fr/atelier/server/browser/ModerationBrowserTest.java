package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import fr.atelier.workshops.core.NameFilter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Moderation in real browsers (issue 15, item 4): the nickname filter on the phone's join page, the
 * facilitator removing a participant (the phone says why), the approval queue of Dessine-moi (a held
 * contribution is not on the projector until approved), and the administrator's word list.
 */
class ModerationBrowserTest extends BrowserTestBase {

    private String create(WebDriver facilitator, String format, String title) {
        facilitator.get(base + "/");
        await(facilitator, "create-form");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue(format);
        type(facilitator, "create-title", title);
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        facilitator.get(consoleUrl);
        return consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
    }

    private WebDriver join(String code, String nickname) {
        WebDriver phone = phone();
        phone.get(base + "/j/" + code);
        type(phone, "nickname-input", nickname);
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains(nickname));
        return phone;
    }

    @Test
    void theJoinPageRefusesAnOffensiveNicknameWithANeutralMessage() {
        WebDriver facilitator = desktop();
        String code = create(facilitator, "poll", "Atelier découverte");
        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "qr");

        WebDriver phone = phone();
        phone.get(base + "/j/" + code);
        type(phone, "nickname-input", "Connard");
        click(phone, "join-button");
        assertThat(awaitText(phone, "join-error", t -> !t.isBlank())).isEqualTo(NameFilter.REFUSAL);
        shot(phone, "moderation-01-phone-nickname-refused");
        type(phone, "nickname-input", "C0nn4rd");
        click(phone, "join-button");
        awaitText(phone, "join-error", t -> t.equals(NameFilter.REFUSAL));
        type(phone, "nickname-input", "Conan");
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains("Conan"));
        awaitText(screen, "participant-count", t -> t.contains("1"));
        assertThat(screen.findElement(By.tagName("body")).getText()).doesNotContain("onnard").doesNotContain("C0nn4rd");
        shot(screen, "moderation-02-projector-lobby");
    }

    @Test
    void theFacilitatorRenamesThenRemovesAParticipantWhosePhoneSaysWhy() {
        WebDriver facilitator = desktop();
        String code = create(facilitator, "poll", "Atelier découverte");
        WebDriver lou = join(code, "Lou");
        WebDriver sami = join(code, "Sami");
        awaitText(facilitator, "participant-count", t -> t.contains("2"));

        // Rename, keyboard and all: the phone shows its new name.
        click(person(facilitator, "Lou"), "participant-rename");
        WebElement input = await(facilitator, "participant-rename-input");
        input.clear();
        input.sendKeys("Salope");
        click(facilitator, "participant-rename-save");
        assertThat(awaitText(facilitator, "participant-error", t -> !t.isBlank())).isEqualTo(NameFilter.REFUSAL);
        shot(facilitator, "moderation-03-console-rename-refused");
        input = await(facilitator, "participant-rename-input");
        input.clear();
        input.sendKeys("Louise");
        click(facilitator, "participant-rename-save");
        awaitText(lou, "lobby-welcome", t -> t.contains("Louise"));
        shot(lou, "moderation-04-phone-renamed");

        click(person(facilitator, "Louise"), "participant-remove");
        await(facilitator, "participant-remove-confirm");
        shot(facilitator, "moderation-05-console-remove-confirm");
        click(facilitator, "participant-remove-confirm");
        awaitText(facilitator, "participant-count", t -> t.contains("1"));
        WebElement why = new WebDriverWait(lou, WAIT).until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
        assertThat(why.getText()).contains("mis fin à votre participation");
        assertThat(await(lou, "back-home").getAttribute("href")).endsWith("/");
        shot(lou, "moderation-06-phone-removed");
        js(facilitator, "document.querySelector('[data-testid=participant-list]').scrollIntoView()");
        shot(facilitator, "moderation-07-console-after-removal");
        assertThat(sami.findElement(testId("lobby-welcome")).getText()).contains("Sami");

        // Reloading does not bring the phone back, and the name stays refused.
        lou.get(base + "/j/" + code);
        type(lou, "nickname-input", "Louise");
        click(lou, "join-button");
        assertThat(awaitText(lou, "join-error", t -> !t.isBlank())).isEqualTo(NameFilter.REFUSAL);
    }

    @Test
    void aHeldContributionIsNotOnTheProjectorUntilApproved() {
        WebDriver facilitator = desktop();
        String code = create(facilitator, "prioritisation", "Dessine-moi le travail");
        type(facilitator, "prio-project-sector", "Aide à domicile");
        type(facilitator, "prio-project-territory", "Dreux");
        type(facilitator, "prio-project-public", "Jeunes");
        click(facilitator, "prio-project-create");
        await(facilitator, "prio-project-panel");
        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "qr");
        WebDriver phone = join(code, "Camille");
        click(facilitator, "session-start");
        await(phone, "prio-profile");
        click(phone, "prio-profile-young");
        await(phone, "prio-form");
        for (String text : new String[] {"c nul ce truc lol", "Les horaires du week-end font peur"}) {
            click(phone, "prio-kind-difficulty");
            type(phone, "prio-text", text);
            click(phone, "prio-category-conditions");
            click(phone, "prio-send");
            awaitText(phone, "prio-mine", t -> t.contains(text));
        }
        awaitText(phone, "prio-mine", t -> t.contains("en attente de validation"));
        shot(phone, "moderation-08-phone-pending");
        new WebDriverWait(facilitator, WAIT).until(d -> "2".equals(d.findElement(testId("approval-queue")).getAttribute("data-count")));
        js(facilitator, "document.querySelector('[data-testid=approval-queue]').scrollIntoView()");
        shot(facilitator, "moderation-09-console-queue");
        await(screen, "prio-wall-empty");
        assertThat(screen.findElement(By.tagName("body")).getText()).doesNotContain("c nul ce truc").doesNotContain("horaires du week-end");
        shot(screen, "moderation-10-projector-nothing-held");

        // Keyboard: Enter on the focused "Valider" of the second item, "Masquer" on the first.
        WebElement second = queueItem(facilitator, "horaires du week-end");
        second.findElement(testId("queue-approve")).sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(screen, WAIT).until(d -> "1".equals(d.findElement(testId("prio-wall")).getAttribute("data-total")));
        queueItem(facilitator, "c nul ce truc").findElement(testId("queue-hide")).click();
        await(facilitator, "queue-empty");
        assertThat(screen.findElement(testId("prio-wall")).getText()).contains("horaires du week-end").doesNotContain("c nul ce truc");
        shot(screen, "moderation-11-projector-approved");
        js(facilitator, "document.querySelector('[data-testid=approval-queue]').scrollIntoView()");
        shot(facilitator, "moderation-12-console-queue-empty");
        awaitText(phone, "prio-mine", t -> t.contains("masquée"));
    }

    @Test
    void theAdministratorAddsAWordAndTheJoinPageRefusesIt() {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@region.example";
        String link = AdminCli.invite(node.config().adminTarget(), email, Role.ADMIN);
        WebDriver admin = desktop();
        admin.get(base + "/mot-de-passe#t=" + link.substring(link.indexOf("#t=") + 3));
        type(admin, "set-name", "Claire Région");
        type(admin, "set-password", "Orientation-Centre-2026!");
        type(admin, "set-confirm", "Orientation-Centre-2026!");
        click(admin, "set-submit");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        await(admin, "admin-words");
        String word = "Gribouille" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "z");
        type(admin, "words-input", word);
        click(admin, "words-refuse");
        awaitText(admin, "words-refuse", t -> t.contains(word.toLowerCase()));
        type(admin, "words-try", "Super " + word);
        click(admin, "words-try-button");
        new WebDriverWait(admin, WAIT).until(d -> "true".equals(d.findElement(testId("words-try-result")).getAttribute("data-refused")));
        shot(admin, "moderation-13-admin-words");
        try {
            WebDriver facilitator = desktop();
            String code = create(facilitator, "poll", "Atelier");
            WebDriver phone = phone();
            phone.get(base + "/j/" + code);
            type(phone, "nickname-input", word);
            click(phone, "join-button");
            assertThat(awaitText(phone, "join-error", t -> !t.isBlank())).isEqualTo(NameFilter.REFUSAL);
        } finally {
            admin.findElement(By.cssSelector("[data-testid=words-refuse] [data-testid=words-remove]")).click();
            awaitText(admin, "words-status", t -> t.contains("retiré"));
        }
    }

    private static WebElement person(WebDriver b, String nickname) {
        By by = By.xpath("//li[@data-testid='participant'][.//span[@data-testid='participant-name' and normalize-space(.)='" + nickname + "']]");
        return new WebDriverWait(b, WAIT).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private static WebElement queueItem(WebDriver b, String text) {
        By by = By.xpath("//li[@data-testid='queue-item'][.//p[contains(., \"" + text + "\")]]");
        return new WebDriverWait(b, WAIT).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private static void click(WebElement scope, String testId) {
        scope.findElement(testId(testId)).click();
    }
}
