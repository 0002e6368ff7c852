package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.accounts.PasswordHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16 in real browsers: a facilitator builds a six-question bank in the library's editor (the
 * five question types, an uploaded PNG with its alternative text, themes, time and points), reorders
 * it by keyboard and by drag, previews a question as a phone and as the projector, then prepares a
 * session keeping five of the six questions; the library item is edited afterwards, and three phones
 * play the session to the podium on the copy the session kept. A second test opens the same item in
 * two editors: the second save shows the conflict, and the person keeps theirs or takes the other.
 * Every state passes axe-core. Screenshots: target/screenshots/library-*.
 */
class LibraryQuizBrowserTest extends BrowserTestBase {
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

    private static void awaitSaved(WebDriver b) {
        waiting(b).until(d -> "saved".equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
    }

    private static void select(WebDriver b, String testId, String value) {
        new Select(await(b, testId)).selectByValue(value);
    }

    private static Path png() throws Exception {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1d3557));
        g.fillRect(0, 0, 480, 300);
        g.setColor(new Color(0xe9b53b));
        g.fillOval(150, 60, 180, 180);
        g.setColor(Color.WHITE);
        g.drawString("Atelier - image de test", 20, 280);
        g.dispose();
        Path file = Files.createTempFile("atelier-quiz-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static List<String> order(WebDriver b) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js(b, "return [...document.querySelectorAll('.qe-question')].map((e) => e.dataset.id);");
        return ids;
    }

    /** Creates a bank from the library page and returns the editor's item id. */
    private static String createBank(WebDriver b, String title) {
        b.get(base + "/bibliotheque");
        click(b, "lib-create");
        type(b, "lib-new-title", title);
        click(b, "lib-create-submit");
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().matches(".*/bibliotheque/lib-.*"));
        await(b, "quiz-editor");
        awaitSaved(b);
        return b.getCurrentUrl().replaceAll(".*/bibliotheque/", "");
    }

    @Test
    void aFacilitatorBuildsABankPreviewsItAndThreePhonesPlayFiveOfItsQuestions() throws Exception {
        String territory = "t_lib_" + UUID.randomUUID().toString().substring(0, 6);
        String email = facilitator(territory, "Pays dreusien", "Ana Animatrice");
        WebDriver laptop = browser(1280, 900);
        signIn(laptop, email, "/bibliotheque");
        awaitText(laptop, "lib-shelf-regional", t -> t.contains("Découverte en 5 questions"));
        shot(laptop, "library-01-shelves");

        String id = createBank(laptop, "Les métiers du soin");
        // Question 1 (the starter): single choice, three choices, the third right, an uploaded image.
        type(laptop, "qe-q1-text", "Quel diplôme faut-il pour devenir aide-soignant·e ?");
        type(laptop, "qe-q1-choice-0", "Le baccalauréat général");
        type(laptop, "qe-q1-choice-1", "Aucun diplôme");
        click(laptop, "qe-q1-add-choice");
        type(laptop, "qe-q1-choice-2", "Le DEAS");
        click(laptop, "qe-q1-right-2");
        type(laptop, "qe-q1-theme", "Formation");
        type(laptop, "qe-q1-explanation", "Le diplôme d’État d’aide-soignant se prépare en un an, aussi en apprentissage.");
        type(laptop, "qe-q1-source-name", "Onisep");
        // A source address that is not one: the server's problem shows beside the field, nothing saved.
        type(laptop, "qe-q1-source-url", "onisep point fr");
        awaitText(laptop, "qe-q1-source-problem", t -> t.contains("http"));
        assertThat(await(laptop, "ed-state").getAttribute("data-state")).isEqualTo("invalid");
        shot(laptop, "library-02-editor-problem");
        type(laptop, "qe-q1-source-url", "https://www.onisep.fr/metier/aide-soignant");
        laptop.findElement(testId("qe-q1-image")).sendKeys(png().toString());
        await(laptop, "qe-q1-image-preview");
        await(laptop, "qe-q1-alt-missing");
        type(laptop, "qe-q1-alt", "Un soleil jaune sur fond bleu");
        type(laptop, "qe-q1-seconds", "45");
        type(laptop, "qe-q1-points", "200");
        awaitSaved(laptop);

        // Question 2: multiple choice.
        click(laptop, "qe-add");
        select(laptop, "qe-q2-type", "multiple");
        type(laptop, "qe-q2-text", "Où travaille un·e infirmier·e ?");
        type(laptop, "qe-q2-choice-0", "À l’hôpital");
        type(laptop, "qe-q2-choice-1", "À domicile");
        click(laptop, "qe-q2-add-choice");
        type(laptop, "qe-q2-choice-2", "Dans une banque");
        click(laptop, "qe-q2-right-1");
        type(laptop, "qe-q2-theme", "Formation");
        // Question 3: true or false.
        click(laptop, "qe-add");
        select(laptop, "qe-q3-type", "truefalse");
        type(laptop, "qe-q3-text", "Un·e ambulancier·e doit avoir le permis B depuis trois ans.");
        click(laptop, "qe-q3-truth-true");
        type(laptop, "qe-q3-theme", "Métiers");
        // Question 4: a number with a tolerance.
        click(laptop, "qe-add");
        select(laptop, "qe-q4-type", "number");
        type(laptop, "qe-q4-text", "Combien d’années d’études pour le diplôme d’infirmier·e ?");
        type(laptop, "qe-q4-number", "3");
        type(laptop, "qe-q4-tolerance", "0");
        type(laptop, "qe-q4-theme", "Métiers");
        // Question 5: a short text with two accepted spellings.
        click(laptop, "qe-add");
        select(laptop, "qe-q5-type", "text");
        type(laptop, "qe-q5-text", "Quel site public présente les fiches métiers ?");
        type(laptop, "qe-q5-accepted-0", "Onisep");
        click(laptop, "qe-q5-add-accepted");
        type(laptop, "qe-q5-accepted-1", "onisep.fr");
        type(laptop, "qe-q5-theme", "Lieux");
        // Question 6: a duplicate of question 1, reworded.
        click(laptop, "qe-duplicate-0");
        awaitText(laptop, "qe-announce", t -> t.contains("dupliquée"));
        assertThat(order(laptop)).containsExactly("q1", "q6", "q2", "q3", "q4", "q5");
        type(laptop, "qe-q6-text", "Quel diplôme prépare au métier d’auxiliaire de puériculture ?");
        type(laptop, "qe-q6-choice-2", "Le DEAP");
        type(laptop, "qe-q6-theme", "Lieux");
        awaitSaved(laptop);

        // Reorder: the button, then Alt + arrow (the focus follows the question), then by drag and drop.
        click(laptop, "qe-down-1");
        assertThat(order(laptop)).containsExactly("q1", "q2", "q6", "q3", "q4", "q5");
        laptop.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        laptop.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        laptop.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        assertThat(order(laptop)).containsExactly("q1", "q2", "q3", "q4", "q5", "q6");
        awaitText(laptop, "qe-announce", t -> t.contains("position 6 sur 6"));
        js(laptop, "const handle = document.querySelector('[data-testid=qe-handle-4]');"
                + " const target = document.querySelector('[data-testid=qe-question-0]'); const dt = new DataTransfer();"
                + " handle.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));"
                + " target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + " target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + " handle.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));");
        assertThat(order(laptop)).containsExactly("q5", "q1", "q2", "q3", "q4", "q6");
        click(laptop, "qe-up-1");
        assertThat(order(laptop)).containsExactly("q1", "q5", "q2", "q3", "q4", "q6");
        awaitSaved(laptop);
        js(laptop, "window.scrollTo(0, 0)");
        shot(laptop, "library-03-editor");

        // Preview question 1 as a phone and as the projector (the format's own elements), then its answer.
        click(laptop, "qe-preview-0");
        awaitText(laptop, "qe-preview-phone", t -> t.contains("aide-soignant"));
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        wait.until(d -> (Boolean) js(d, "const i = document.querySelector('[data-testid=qe-preview-phone] [data-testid=quiz-image]');"
                + " return !!i && i.complete && i.naturalWidth > 0 && i.alt === 'Un soleil jaune sur fond bleu';"));
        awaitText(laptop, "qe-preview-projector", t -> t.contains("Le DEAS"));
        js(laptop, "document.querySelector('[data-testid=qe-preview]').scrollIntoView()");
        shot(laptop, "library-04-preview-question");
        click(laptop, "qe-preview-reveal");
        awaitText(laptop, "qe-preview-phone", t -> t.contains("un an, aussi en apprentissage"));
        js(laptop, "document.querySelector('[data-testid=qe-preview]').scrollIntoView()");
        shot(laptop, "library-05-preview-reveal");
        click(laptop, "qe-preview-close");

        // The shelf shows the bank with its size and version.
        laptop.get(base + "/bibliotheque");
        awaitText(laptop, "lib-row-" + id, t -> t.contains("6 questions") && t.contains("Ana Animatrice"));
        shot(laptop, "library-06-shelves-with-bank");

        // Prepare a session with five of the six questions (question 4 unticked).
        laptop.get(base + "/seances");
        click(laptop, "pl-prepare");
        await(laptop, "pf-form");
        waiting(laptop).until(d -> new Select(d.findElement(testId("pf-content"))).getOptions().stream()
                .anyMatch(o -> id.equals(o.getAttribute("value"))));
        type(laptop, "pf-title", "Découvrir les métiers du soin");
        String nextWeek = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(7).withHour(14).withMinute(0).toString().substring(0, 16);
        js(laptop, "const e = document.querySelector('[data-testid=pf-when]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", nextWeek);
        select(laptop, "pf-content", id);
        click(laptop, "pf-pick-chosen");
        awaitText(laptop, "pf-pick-count", t -> t.contains("6 questions retenues sur 6"));
        click(laptop, "pf-question-4");
        awaitText(laptop, "pf-pick-count", t -> t.contains("5 questions retenues sur 6"));
        type(laptop, "pf-teams", "Les Curieux\nCap Avenir\nÉtoile filante");
        shot(laptop, "library-07-prepare-pick");
        click(laptop, "pf-submit");
        String notice = awaitText(laptop, "pl-notice", t -> t.contains("code"));
        String code = notice.replaceAll(".*code ([A-Z0-9]{6}).*", "$1");

        // What is saved: the five kept questions inside the setup command, and where they came from.
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) laptop).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/workspace/planned?scope=mine').then((r) => r.json())"
                + ".then((d) => { const s = d.sessions.find((x) => x.code === arguments[0]).settings;"
                + " done({bank: s.commands.find((c) => c.type === 'quiz.useBank').bank.questions.map((q) => q.id),"
                + " picked: s.library.questionIds, item: s.library.itemId, mode: s.library.pick.mode}); });", code);
        assertThat(saved).containsEntry("item", id).containsEntry("mode", "chosen")
                .containsEntry("bank", List.of("q1", "q5", "q2", "q3", "q6")).containsEntry("picked", List.of("q1", "q5", "q2", "q3", "q6"));

        // The library item changes afterwards: the prepared session keeps its own copy.
        laptop.get(base + "/bibliotheque/" + id);
        click(laptop, "qe-toggle-q1");
        type(laptop, "qe-q1-text", "Texte modifié après la préparation");
        awaitSaved(laptop);

        laptop.get(base + "/seances");
        click(laptop, "pl-open-" + code);
        awaitText(laptop, "session-code", t -> t.equals(code));
        Map<String, WebDriver> phones = new LinkedHashMap<>();
        for (String name : List.of("Camille", "Sami", "Nina")) {
            WebDriver p = phone();
            p.get(base + "/j/" + code + "?lang=fr");
            type(p, "nickname-input", name);
            click(p, "join-button");
            awaitText(p, "lobby-welcome", t -> t.contains(name));
            phones.put(name, p);
        }
        click(laptop, "session-start");
        int team = 1;
        for (WebDriver p : phones.values()) {
            click(p, "quiz-join-t" + team++);
            await(p, "quiz-my-team-name");
        }
        click(laptop, "next-step");
        // Question 1, 5, 2, 3, 6 in the bank's order; question 4 was left out.
        List<String> played = List.of("q1", "q5", "q2", "q3", "q6");
        for (int q = 0; q < played.size(); q++) {
            String qid = played.get(q);
            if (q > 0) {
                click(laptop, "next-step");
            }
            for (WebDriver p : phones.values()) {
                waiting(p).until(d -> qid.equals(d.findElement(testId("quiz-question")).getAttribute("data-question")));
            }
            WebDriver first = phones.get("Camille");
            if (q == 0) {
                String text = await(first, "question-text").getText();
                assertThat(text).contains("aide-soignant").doesNotContain("modifié");
                waiting(first).until(d -> (Boolean) js(d, "const i = document.querySelector('[data-testid=quiz-image]');"
                        + " return !!i && i.complete && i.naturalWidth > 0 && i.alt === 'Un soleil jaune sur fond bleu';"));
                shot(first, "library-08-phone-question-with-image");
            }
            for (WebDriver p : phones.values()) {
                switch (qid) {
                    case "q1", "q6" -> click(p, "quiz-choice-c");
                    case "q2" -> click(p, "quiz-choice-b");
                    case "q3" -> click(p, "quiz-truth-true");
                    default -> {
                        type(p, "quiz-input", "Onisep");
                        click(p, "quiz-input-send");
                    }
                }
                awaitText(p, "quiz-team-answer", t -> !t.isBlank());
            }
            click(laptop, "quiz-reveal");
            for (WebDriver p : phones.values()) {
                awaitText(p, "quiz-verdict", t -> !t.isBlank());
            }
        }
        click(laptop, "next-step");
        for (WebDriver p : phones.values()) {
            await(p, "quiz-my-result");
        }
        shot(phones.get("Nina"), "library-09-phone-podium");
    }

    @Test
    void aStaleSaveShowsTheConflictAndNothingIsOverwritten() throws Exception {
        String territory = "t_lib_" + UUID.randomUUID().toString().substring(0, 6);
        String ana = facilitator(territory, "Vallée du Loir", "Ana Animatrice");
        String bea = facilitator(territory, "Vallée du Loir", "Béa Coanimatrice");
        WebDriver first = desktop();
        signIn(first, ana, "/bibliotheque");
        String id = createBank(first, "Banque partagée");
        WebDriver second = desktop();
        signIn(second, bea, "/bibliotheque/" + id);
        await(second, "quiz-editor");
        awaitText(second, "ed-state", t -> t.contains("version 1"));

        // Ana saves version 2; Béa, still on version 1, changes the description: conflict, shown, nothing lost.
        type(first, "ed-title", "Banque partagée (version d’Ana)");
        awaitSaved(first);
        awaitText(first, "ed-state", t -> t.contains("version 2"));
        type(second, "ed-description", "Pour les classes de troisième");
        waiting(second).until(d -> "conflict".equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
        String text = awaitText(second, "ed-conflict-text", t -> t.contains("version 2"));
        assertThat(text).contains("Ana Animatrice");
        awaitText(second, "ed-conflict", t -> t.contains("Banque partagée (version d’Ana)") && t.contains("Banque partagée"));
        shot(second, "library-10-conflict");

        // Béa keeps hers: saved on top of version 2 (version 3), her description and her title.
        click(second, "ed-keep-mine");
        awaitSaved(second);
        awaitText(second, "ed-state", t -> t.contains("version 3"));
        assertThat(await(second, "ed-description").getDomProperty("value")).isEqualTo("Pour les classes de troisième");

        // Ana, on version 2, edits again: conflict; she takes Béa's version, her change is dropped.
        type(first, "ed-title", "Titre d’Ana, deuxième essai");
        waiting(first).until(d -> "conflict".equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
        click(first, "ed-take-theirs");
        awaitSaved(first);
        assertThat(await(first, "ed-title").getDomProperty("value")).isEqualTo("Banque partagée");
        assertThat(await(first, "ed-description").getDomProperty("value")).isEqualTo("Pour les classes de troisième");
        awaitText(first, "ed-meta", t -> t.contains("v3"));
        shot(first, "library-11-took-theirs");

        // An import with a mistake: the line-numbered French report shows where the text was pasted, nothing saved.
        first.get(base + "/bibliotheque");
        click(first, "lib-import");
        type(first, "lib-import-title", "Import raté");
        type(first, "lib-import-text", "id: essai\ntitle: Essai\nquestions:\n  - id: q1\n    type: qcm\n    text: Quoi ?\n    answer: a\n");
        click(first, "lib-import-submit");
        assertThat(awaitText(first, "lib-import-report", t -> t.contains("Ligne 5"))).contains("qcm");
        assertThat(await(first, "lib-import-text").getAttribute("aria-invalid")).isEqualTo("true");
        shot(first, "library-12-import-report");

        // "N at random by theme": the seed gives the same draw again, one question of each theme here.
        @SuppressWarnings("unchecked")
        List<List<String>> draws = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) first).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; import('/app/workspace/planning/prepare-library.js').then((m) => {"
                + " const q = (id, theme) => ({id, theme}); const bank = {questions: [q('a1', 'A'), q('a2', 'A'), q('a3', 'A'),"
                + " q('b1', 'B'), q('b2', 'B'), q('n1', null)]};"
                + " const pick = (seed) => m.pickedIds(bank, {mode: 'random', perTheme: '1', seed});"
                + " done([pick(42), pick(42), pick(2 ** 52 + 7), m.seededShuffle([1, 2, 3, 4, 5, 6], 9).sort().map(String)]); });");
        assertThat(draws.get(0)).isEqualTo(draws.get(1)).hasSize(3).contains("n1");
        assertThat(draws.get(0).stream().filter(x -> x.startsWith("a"))).hasSize(1);
        assertThat(draws.get(2)).hasSize(3);
        assertThat(draws.get(3)).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(first.findElements(testId("lib-shelf-" + territory))).allSatisfy(e -> assertThat(e.getText()).doesNotContain("Import raté"));
    }
}
