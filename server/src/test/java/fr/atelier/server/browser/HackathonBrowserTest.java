package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Hack ton orientation" in real browsers: a facilitator, the projector, a jury member and two
 * teams of two phones go from team forming to the prizes: challenges loaded (after a broken import
 * shows its line-numbered report), a jury link, teams and challenges chosen from the phones, timed
 * phases, two phones writing in the same field (the conflict is merged, nothing lost), presence,
 * ideas and dots, pitches with their timer, jury and public votes, the prizes, and the printable
 * dossier. Screenshots in target/screenshots.
 */
class HackathonBrowserTest extends BrowserTestBase {

    static final String BROKEN = """
            challenges:
              - id: mobilite
                title: "Se déplacer pour se former"
              - id: Mobilité 2
                title: Deux
                statement: Texte
            rubric:
              - { id: impact, label: Impact, weight: 12 }
            """;

    private static Path yamlFile(String text) {
        try {
            Path file = Files.createTempFile("defis-", ".yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(WebDriver b, String testId) {
        return await(b, testId).getDomProperty("value");
    }

    private static void awaitValue(WebDriver b, String testId, java.util.function.Predicate<String> condition) {
        new WebDriverWait(b, WAIT).until(d -> {
            List<WebElement> found = d.findElements(testId(testId));
            return !found.isEmpty() && condition.test(found.get(0).getDomProperty("value"));
        });
    }

    private static void awaitStage(WebDriver b, String testId, String stage) {
        new WebDriverWait(b, WAIT).until(d -> {
            List<WebElement> found = d.findElements(testId(testId));
            return !found.isEmpty() && stage.equals(found.get(0).getAttribute("data-stage"));
        });
    }

    private static void advance(WebDriver facilitator, String to, WebDriver... watchers) {
        new WebDriverWait(facilitator, WAIT).until(d -> to.equals(d.findElement(testId("hk-advance")).getAttribute("data-next")));
        click(facilitator, "hk-advance");
        awaitStage(facilitator, "hk-console-stage", to);
        for (WebDriver w : watchers) {
            awaitStage(w, "hk-stage", to);
        }
    }

    /** Writes in a canvas field then leaves it (the blur saves at once). */
    private static void write(WebDriver phone, String field, String text) {
        WebElement area = await(phone, "hk-field-" + field);
        js(phone, "arguments[0].scrollIntoView({block:'center'})", area);
        area.click();
        area.sendKeys(text);
        area.sendKeys(Keys.TAB);
        new WebDriverWait(phone, WAIT).until(d -> "saved".equals(d.findElement(testId("hk-field-" + field + "-state")).getAttribute("data-state")));
    }

    private static void score(WebDriver phone, String team, Map<String, Integer> scores) {
        await(phone, "hk-score-" + team);
        for (Map.Entry<String, Integer> s : scores.entrySet()) {
            click(phone, "hk-score-" + team + "-" + s.getKey() + "-" + s.getValue());
        }
        click(phone, "hk-score-" + team + "-send");
        await(phone, "hk-score-" + team + "-saved");
    }

    private static Map<String, Integer> scores(int impact, int feasibility, int originality, int pitch) {
        return Map.of("impact", impact, "faisabilite", feasibility, "originalite", originality, "pitch", pitch);
    }

    /** A screenshot with the element of interest in view. */
    private static void shotAt(WebDriver b, String testId, String name) {
        js(b, "arguments[0].scrollIntoView({block:'center'})", await(b, testId));
        shot(b, name);
    }

    private WebDriver join(String url, String nickname) {
        WebDriver phone = phone();
        phone.get(url);
        type(phone, "nickname-input", nickname);
        click(phone, "join-button");
        return phone;
    }

    @Test
    void aDepartmentRunsItsHackathonFromTeamFormingToThePrizes() {
        // ---- the facilitator creates the session and prepares challenges, rubric and a jury link ----
        WebDriver facilitator = desktop();
        facilitator.get(base + "/");
        await(facilitator, "create-form");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("hackathon");
        type(facilitator, "create-title", "Hack ton orientation — Chartres");
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        facilitator.get(consoleUrl);
        await(facilitator, "hk-setup");

        await(facilitator, testId("hk-import")).sendKeys(yamlFile(BROKEN).toString());
        String report = awaitText(facilitator, "hk-import-problems", t -> t.contains("Ligne"));
        assertThat(report).contains("Ligne 2").contains("statement").contains("Ligne 4").contains("Ligne 8");
        shot(facilitator, "hackathon-01-console-import-report");

        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("hk-kit-load")).isEnabled());
        click(facilitator, "hk-kit-load");
        await(facilitator, "hk-editor");
        click(facilitator, "hk-setup-save");
        awaitText(facilitator, "hk-kit-chosen", t -> t.contains("4"));
        type(facilitator, "hk-jury-label", "Présidente du jury");
        click(facilitator, "hk-jury-create");
        String juryUrl = new WebDriverWait(facilitator, WAIT).until(d -> {
            List<WebElement> links = d.findElements(testId("hk-jury-link-j1"));
            return links.isEmpty() ? null : links.get(0).getDomProperty("value");
        });
        assertThat(juryUrl).startsWith(base + "/j/" + code + "#jury=");
        shot(facilitator, "hackathon-02-console-setup");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "join-code");
        click(facilitator, "session-start");
        await(screen, "hk-screen");

        // ---- two teams of two form from the phones; the juror arrives with the jury link ----
        WebDriver camille = join(base + "/j/" + code, "Camille");
        WebDriver lou = join(base + "/j/" + code, "Lou");
        WebDriver sami = join(base + "/j/" + code, "Sami");
        WebDriver nina = join(base + "/j/" + code, "Nina");
        WebDriver jules = join(juryUrl, "Jules");
        awaitText(jules, "hk-juror", t -> t.contains("Présidente du jury"));
        assertThat(jules.getCurrentUrl()).as("the token leaves the address bar once used").doesNotContain("jury=");
        // The jury seats are preparation: their tab, then back to the live controls.
        click(facilitator, "tab-prep");
        awaitText(facilitator, "hk-seat-j1-holder", t -> t.contains("Jules"));
        click(facilitator, "tab-live");

        type(camille, "hk-team-name", "Les Défricheurs");
        click(camille, "hk-create-team");
        awaitText(camille, "hk-my-team-name", t -> t.contains("Les Défricheurs"));
        type(sami, "hk-team-name", "Cap Avenir");
        click(sami, "hk-create-team");
        awaitText(sami, "hk-my-team-name", t -> t.contains("Cap Avenir"));
        click(lou, "hk-join-t1");
        awaitText(lou, "hk-my-team-name", t -> t.contains("Les Défricheurs"));
        click(nina, "hk-join-t2");
        awaitText(nina, "hk-my-team-name", t -> t.contains("Cap Avenir"));
        click(camille, "hk-choose-ecole-entreprise");
        click(sami, "hk-choose-parler-competences");
        awaitText(screen, "hk-screen-team-t1", t -> t.contains("Camille") && t.contains("Lou") && t.contains("école"));
        awaitText(screen, "hk-screen-team-t2", t -> t.contains("Sami") && t.contains("Nina") && t.contains("compétences"));
        shotAt(camille, "hk-my-team", "hackathon-03-phone-team");
        shot(screen, "hackathon-04-projector-teams");

        // ---- Understand: the countdown everywhere; two phones write in the same field ----
        advance(facilitator, "UNDERSTAND", camille, lou, sami, nina, screen);
        await(screen, "countdown");
        await(camille, "countdown");
        write(camille, "persona", "Inès, 17 ans, lycéenne à Nogent-le-Rotrou");
        awaitValue(lou, "hk-field-persona", v -> v.contains("Nogent"));

        // Lou starts writing the problem; Camille saves hers first: one of them is shown both texts.
        WebElement louProblem = await(lou, "hk-field-problem");
        louProblem.click();
        louProblem.sendKeys("Comment l'aider à trouver un stage");
        WebElement camilleProblem = await(camille, "hk-field-problem");
        camilleProblem.click();
        camilleProblem.sendKeys("Comment faire découvrir les entreprises du territoire");
        camilleProblem.sendKeys(Keys.TAB);
        WebDriver merging = new WebDriverWait(lou, WAIT).until(d -> {
            if (!lou.findElements(testId("hk-conflict-problem")).isEmpty()) {
                return lou;
            }
            return camille.findElements(testId("hk-conflict-problem")).isEmpty() ? null : camille;
        });
        String merged = value(merging, "hk-conflict-problem-merged");
        assertThat(merged).contains("stage").contains("entreprises du territoire");
        shotAt(merging, "hk-conflict-problem", "hackathon-05-phone-conflict");
        click(merging, "hk-conflict-problem-save");
        awaitValue(camille, "hk-field-problem", v -> v.contains("stage") && v.contains("entreprises du territoire"));
        awaitValue(lou, "hk-field-problem", v -> v.contains("stage") && v.contains("entreprises du territoire"));

        // Presence: Lou enters a field, Camille sees who is writing there.
        await(lou, "hk-field-needs").click();
        awaitText(camille, "hk-field-needs-presence", t -> t.contains("Lou"));
        shotAt(camille, "hk-field-needs-presence", "hackathon-06-phone-presence");
        write(sami, "persona", "Karim, 45 ans, cariste en reconversion");
        awaitText(screen, "hk-screen-team-t1-problem", t -> t.startsWith("2/"));
        assertThat(screen.getPageSource()).doesNotContain("Nogent").doesNotContain("Karim");
        assertThat(sami.getPageSource()).doesNotContain("Nogent");
        shot(screen, "hackathon-07-projector-progress");

        // ---- Imagine: ideas and dots inside each team ----
        advance(facilitator, "IMAGINE", camille, lou, sami, nina);
        type(camille, "hk-idea-input", "Une carte des entreprises qui accueillent des stagiaires");
        click(camille, "hk-idea-add");
        type(lou, "hk-idea-input", "Un covoiturage solidaire vers les stages");
        click(lou, "hk-idea-add");
        type(nina, "hk-idea-input", "Un passeport des compétences du bénévolat");
        click(nina, "hk-idea-add");
        await(camille, "hk-idea-i2");
        click(camille, "hk-dot-i2");
        await(lou, "hk-dot-i2");
        click(lou, "hk-dot-i2");
        awaitText(camille, "hk-dot-i2", t -> t.contains("2"));
        assertThat(sami.findElements(testId("hk-idea-i1"))).isEmpty();
        shotAt(lou, "hk-ideas", "hackathon-08-phone-ideas");

        // ---- Build: the solution canvases ----
        advance(facilitator, "BUILD", camille, lou, sami, nina);
        write(camille, "name", "Stage Express");
        write(lou, "pitch", "Le covoiturage solidaire qui emmène chaque élève vers son stage.");
        write(sami, "name", "Passeport Talents");
        write(nina, "pitch", "Faire reconnaître les compétences du bénévolat.");
        assertThat(nina.getPageSource()).doesNotContain("Stage Express");
        shotAt(camille, "hk-canvas-solution", "hackathon-09-phone-build");

        // ---- Pitches: order on the projector, a timer per team, the jury and the room score ----
        advance(facilitator, "PITCH", camille, lou, sami, nina, jules, screen);
        await(screen, "hk-screen-order");
        click(facilitator, "hk-pitch-t1");
        awaitText(screen, "hk-screen-pitch-team", t -> t.contains("Les Défricheurs"));
        awaitText(screen, "hk-screen-solution-name", t -> t.contains("Stage Express"));
        await(screen, "countdown");
        shot(screen, "hackathon-10-projector-pitch");
        awaitText(sami, "hk-score-t1-solution-name", t -> t.contains("Stage Express"));
        score(jules, "t1", scores(5, 4, 4, 5));
        shotAt(jules, "hk-score-t1-saved", "hackathon-11-jury-scores");
        score(sami, "t1", scores(4, 4, 5, 4));
        assertThat(camille.findElements(testId("hk-score-t1"))).as("nobody scores their own team").isEmpty();
        click(facilitator, "hk-pitch-t2");
        awaitText(screen, "hk-screen-pitch-team", t -> t.contains("Cap Avenir"));
        score(jules, "t2", scores(3, 4, 3, 3));
        score(camille, "t2", scores(3, 3, 3, 3));

        // ---- Vote, then the prizes ----
        advance(facilitator, "VOTE", camille, lou, sami, nina, screen);
        score(lou, "t2", scores(2, 3, 2, 3));
        score(nina, "t1", scores(5, 5, 4, 5));
        awaitText(screen, "hk-screen-ballots", t -> t.contains("2") && t.contains("4"));
        assertThat(screen.findElements(testId("hk-screen-results"))).as("no score before the prizes").isEmpty();
        assertThat(sami.findElements(testId("hk-results"))).isEmpty();
        awaitText(facilitator, "hk-console-results", t -> t.contains("4,5"));
        shot(screen, "hackathon-12-projector-vote");

        advance(facilitator, "RESULTS", camille, lou, sami, nina, jules, screen);
        awaitText(screen, "hk-prize-jury-teams", t -> t.contains("Les Défricheurs"));
        awaitText(screen, "hk-prize-public-teams", t -> t.contains("Les Défricheurs"));
        awaitText(nina, "hk-prize-jury-teams", t -> t.contains("Les Défricheurs"));
        shot(screen, "hackathon-13-projector-prizes");
        shotAt(nina, "hk-prize-jury", "hackathon-14-phone-prizes");

        // ---- the printable dossier ----
        click(facilitator, "end-session");
        click(facilitator, "end-confirm");
        WebDriver coordinator = desktop();
        coordinator.get(consoleUrl.replace("/h/" + code, "/s/" + code + "/synthese"));
        awaitText(coordinator, "synth-hk-team-0-name", t -> t.contains("Stage Express"));
        awaitText(coordinator, "synth-hk-team-0", t -> t.contains("Inès") && t.contains("covoiturage"));
        awaitText(coordinator, "synth-hk-prize-jury", t -> t.contains("Les Défricheurs"));
        shotAt(coordinator, "synth-hk-prize-jury", "hackathon-15-synthesis-prizes");
        shotAt(coordinator, "synth-hk-team-0", "hackathon-16-synthesis-dossier");
    }
}
