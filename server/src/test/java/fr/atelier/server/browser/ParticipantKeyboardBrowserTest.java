package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, item 6: in each format, a participant who uses only a keyboard (Tab, Shift+Tab, Enter,
 * Space, arrows: no click, no script) and hears only what a screen reader would (Chromium's
 * accessibility tree, read through DevTools' Accessibility.getFullAXTree) joins and takes part in
 * the format's main action. Every control they reach has a role and a name in that tree. Their phone
 * is 320 CSS pixels wide (WCAG's reflow width: a 1,280-pixel screen at 400 %, a 640-pixel one at
 * 200 %): no state scrolls sideways and axe-core (colour contrast included) passes on each. The
 * facilitator's side is driven by clicks: it is not the subject. Screenshots: target/screenshots/keyboard-*.
 */
class ParticipantKeyboardBrowserTest extends BrowserTestBase {
    /** What the participant's keyboard reached: test id, role and accessible name. */
    record Reached(String testId, String role, String name) {}

    private final List<Reached> reached = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"poll", "cards", "quiz", "hackathon", "prioritisation"})
    void aKeyboardAndScreenReaderUserTakesPart(String format) {
        WebDriver console = desktop();
        console.get(base + "/?lang=fr");
        new WebDriverWait(console, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(console, "create-format")).selectByValue(format);
        type(console, "create-title", "Atelier au clavier — " + format);
        click(console, "create-submit");
        String consoleUrl = await(console, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        console.get(consoleUrl.replace("#", "?lang=fr#"));
        await(console, "session-start");
        prepare(format, console);

        WebDriver phone = browser(320, 640, true);
        phone.get(base + "/j/" + code + "?lang=fr");
        await(phone, "nickname-input");
        String p = "keyboard-" + format + "-";
        Reached field = tabTo(phone, "nickname-input");
        assertThat(field.role()).isEqualTo("textbox");
        assertThat(field.name()).contains("pseudo");
        keys(phone, "Camille");
        tabTo(phone, "join-button");
        new Actions(phone).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(focusedTestId(phone)).as("Shift+Tab goes back to the field").isEqualTo("nickname-input");
        tabTo(phone, "join-button");
        reflows(phone, p + "01-join");
        keys(phone, Keys.ENTER);
        awaitText(phone, "lobby-welcome", t -> t.contains("Camille"));
        assertThat(screenReaderText(phone)).contains("Camille");
        reflows(phone, p + "02-lobby");

        click(console, "session-start");
        takePart(format, console, phone, p);
        assertThat(reached).isNotEmpty().allSatisfy(r -> {
            assertThat(r.name()).as(r.testId() + " has an accessible name").isNotBlank();
            assertThat(r.role()).as(r.testId() + " has a role").isNotIn("generic", "none", "");
        });
        System.out.println("[keyboard " + format + "] " + reached);
    }

    /** The facilitator's preparation before the session starts. */
    private static void prepare(String format, WebDriver console) {
        switch (format) {
            case "cards" -> {
                new WebDriverWait(console, WAIT).until(d -> !new Select(d.findElement(testId("cards-deck-select"))).getOptions().isEmpty());
                click(console, "cards-use-deck");
                await(console, "cards-deck-chosen");
            }
            case "hackathon" -> {
                await(console, "hk-setup");
                new WebDriverWait(console, WAIT).until(d -> d.findElement(testId("hk-kit-load")).isEnabled());
                click(console, "hk-kit-load");
                await(console, "hk-editor");
                click(console, "hk-setup-save");
                await(console, "hk-kit-chosen");
            }
            case "prioritisation" -> {
                type(console, "prio-project-sector", "Aide à domicile");
                type(console, "prio-project-territory", "Dreux");
                type(console, "prio-project-public", "Jeunes de 16 à 25 ans");
                click(console, "prio-project-create");
                awaitText(console, "prio-project-header", t -> t.contains("Aide à domicile"));
            }
            default -> {
                // poll and quiz are prepared once started
            }
        }
    }

    /** The format's main action, the participant by keyboard, the facilitator by clicks. */
    private void takePart(String format, WebDriver console, WebDriver phone, String p) {
        switch (format) {
            case "poll" -> {
                type(console, "poll-text", "Quel site présente les fiches métiers ?");
                type(console, "poll-option-0", "France Travail");
                type(console, "poll-option-1", "Onisep");
                click(console, "poll-ask");
                awaitText(phone, "question-text", t -> t.contains("fiches métiers"));
                assertThat(screenReaderText(phone)).contains("Quel site présente les fiches métiers ?", "France Travail", "Onisep");
                press(phone, "option-1", Keys.SPACE);
                awaitText(phone, "answer-status", t -> !t.isBlank());
                assertThat(await(phone, "option-1").getAttribute("aria-pressed")).isEqualTo("true");
                reflows(phone, p + "03-answered");
            }
            case "cards" -> {
                await(phone, "cards-hand-toggle");
                reflows(phone, p + "03-activity");
                press(phone, "cards-hand-toggle", Keys.ENTER);
                new WebDriverWait(phone, WAIT).until(d -> d.findElement(testId("cards-hand-toggle")).getText().length() > 0
                        && console.findElement(testId("cards-volunteers")).getText().contains("Camille"));
                reflows(phone, p + "04-hand-raised");
            }
            case "quiz" -> {
                click(console, "quiz-use-decouverte-5");
                awaitText(console, "quiz-chosen-bank", t -> t.contains("Découverte"));
                type(console, "quiz-seconds", "120");
                click(console, "quiz-save-settings");
                type(console, "quiz-console-team-name", "Les Orienteurs");
                click(console, "quiz-console-create-team-button");
                await(phone, "quiz-join-t1");
                reflows(phone, p + "03-teams");
                press(phone, "quiz-join-t1", Keys.ENTER);
                awaitText(phone, "quiz-my-team-name", t -> t.contains("Les Orienteurs"));
                // The console's one next step starts the quiz and shows its first question.
                click(console, "next-step");
                await(phone, "quiz-question");
                await(phone, "quiz-choice-a");
                new WebDriverWait(phone, WAIT).until(d -> d.findElement(testId("quiz-choice-a")).isEnabled());
                press(phone, "quiz-choice-a", Keys.ENTER);
                awaitText(phone, "quiz-team-answer-label", t -> t.contains("A."));
                reflows(phone, p + "04-answered");
            }
            case "hackathon" -> {
                await(phone, "hk-team-name");
                tabTo(phone, "hk-team-name");
                keys(phone, "Les Défricheurs");
                press(phone, "hk-create-team", Keys.ENTER);
                awaitText(phone, "hk-my-team-name", t -> t.contains("Les Défricheurs"));
                reflows(phone, p + "03-team");
                assertThat(press(phone, "hk-choose-ecole-entreprise", Keys.SPACE).name()).contains("La relation école–entreprise");
                new WebDriverWait(console, WAIT).until(d -> "ecole-entreprise".equals(
                        d.findElement(testId("hk-console-challenge-t1")).getDomProperty("value")));
                reflows(phone, p + "04-challenge");
            }
            case "prioritisation" -> {
                await(phone, "prio-profile");
                reflows(phone, p + "03-profile");
                press(phone, "prio-profile-young", Keys.ENTER);
                await(phone, "prio-form");
                press(phone, "prio-kind-difficulty", Keys.SPACE);
                tabTo(phone, "prio-text");
                keys(phone, "Les horaires du week-end font peur");
                press(phone, "prio-category-conditions", Keys.SPACE);
                reflows(phone, p + "04-form");
                press(phone, "prio-send", Keys.ENTER);
                awaitText(phone, "prio-mine", t -> t.contains("Les horaires du week-end"));
                reflows(phone, p + "05-sent");
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    /** Tabs to the control, then presses the key on it. */
    private Reached press(WebDriver b, String testId, CharSequence key) {
        Reached r = tabTo(b, testId);
        keys(b, key);
        return r;
    }

    private static void keys(WebDriver b, CharSequence... keys) {
        new Actions(b).sendKeys(keys).perform();
    }

    /**
     * Moves the focus with Tab (arrows inside a radio group) until the control with this test id has
     * it; records its role and name as the accessibility tree gives them.
     */
    private Reached tabTo(WebDriver b, String testId) {
        await(b, testId);
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String focused = focusedTestId(b);
            if (testId.equals(focused)) {
                Map<String, String> node = focusedNode(b);
                Reached r = new Reached(testId, node.get("role"), node.get("name"));
                // A button's name tells it from the others: "Choisir ce défi" five times says nothing.
                assertThat(axNodes(b).stream().filter(n -> !Boolean.TRUE.equals(n.get("ignored"))
                        && r.role().equals(value(n.get("role"))) && r.name().equals(value(n.get("name")))).count())
                        .as("controls named \"" + r.name() + "\" (" + r.role() + ")").isEqualTo(1);
                reached.add(r);
                return r;
            }
            path.add(String.valueOf(focused));
            boolean sameRadioGroup = Boolean.TRUE.equals(js(b, "const a = document.activeElement, t = document.querySelector(arguments[0]);"
                    + " return !!(a && t && a.type === 'radio' && t.type === 'radio' && a.name === t.name);",
                    "[data-testid=\"" + testId + "\"]"));
            keys(b, sameRadioGroup ? Keys.ARROW_DOWN : Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached " + testId + "; focus went " + path);
    }

    private static String focusedTestId(WebDriver b) {
        return (String) js(b, "const a = document.activeElement; return a && a.dataset ? a.dataset.testid || a.tagName : null;");
    }

    /** The focused node of the accessibility tree: its role and name, as a screen reader gets them. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> focusedNode(WebDriver b) {
        for (Map<String, Object> node : axNodes(b)) {
            if (Boolean.TRUE.equals(node.get("ignored"))) {
                continue;
            }
            String role = value(node.get("role"));
            if ("RootWebArea".equals(role)) {
                continue;
            }
            List<Map<String, Object>> properties = (List<Map<String, Object>>) node.getOrDefault("properties", List.of());
            boolean focused = properties.stream().anyMatch(pr -> "focused".equals(pr.get("name"))
                    && "true".equals(value(pr.get("value"))));
            if (focused) {
                return Map.of("role", role, "name", value(node.get("name")));
            }
        }
        throw new AssertionError("no focused node in the accessibility tree");
    }

    /** Everything the accessibility tree names, in order: what a screen reader can read out. */
    static String screenReaderText(WebDriver b) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> node : axNodes(b)) {
            if (!Boolean.TRUE.equals(node.get("ignored"))) {
                text.append(value(node.get("name"))).append('\n');
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> axNodes(WebDriver b) {
        Map<String, Object> tree = ((ChromeDriver) b).executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        return (List<Map<String, Object>>) tree.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static String value(Object property) {
        if (!(property instanceof Map<?, ?> map)) {
            return "";
        }
        Object v = ((Map<String, Object>) map).get("value");
        return v == null ? "" : String.valueOf(v);
    }

    /** At 320 pixels nothing scrolls sideways; then the screenshot and axe-core (contrast included). */
    private static void reflows(WebDriver b, String name) {
        Object widths = js(b, "const e = document.documentElement; return [e.scrollWidth, e.clientWidth, window.innerWidth];");
        assertThat(js(b, "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as(name + ": no horizontal scrolling at 320 px " + widths).isEqualTo(true);
        assertThat(js(b, "return window.innerWidth")).as("the phone is 320 px wide").isEqualTo(320L);
        shot(b, name);
    }

}
