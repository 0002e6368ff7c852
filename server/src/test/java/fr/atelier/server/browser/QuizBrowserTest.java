package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Challenge numérique" in real browsers: a facilitator console, a projector and five phones in
 * three teams play the five-question bank "decouverte-5" to the podium, once in each pacing. Teams
 * are made from the console and from phones; teammates see who changed the team's answer; one
 * phone reloads mid-question and finds its team's answer again. Screenshots: target/screenshots/quiz-*.
 */
class QuizBrowserTest extends BrowserTestBase {
    static final List<String> PEOPLE = List.of("Camille", "Élodie", "Sami", "Lou", "Nina");

    /** A room ready to play: the console, the projector, the phones by nickname. */
    record Room(String code, WebDriver console, WebDriver screen, Map<String, WebDriver> phones) {
        WebDriver phone(String nickname) {
            return phones.get(nickname);
        }
    }

    private Room setUp(String pacing) {
        WebDriver console = desktop();
        console.get(base + "/?lang=fr");
        await(console, "create-form");
        new WebDriverWait(console, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(console, "create-format")).selectByValue("quiz");
        type(console, "create-title", "Challenge numérique — Dreux");
        click(console, "create-submit");
        await(console, "created");
        String consoleUrl = await(console, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        // French is the product language; headless Chromium would otherwise pick English.
        console.get(consoleUrl.replace("#", "?lang=fr#"));
        await(console, "session-start");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen?lang=fr");
        await(screen, "qr");

        Map<String, WebDriver> phones = new LinkedHashMap<>();
        for (String name : PEOPLE) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code + "?lang=fr");
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.put(name, phone);
        }
        Room room = new Room(code, console, screen, phones);
        String p = "quiz-" + pacing + "-";

        click(console, "session-start");
        if (pacing.equals("challenge")) {
            // An import with mistakes: every wrong line is reported, in French, and nothing is used.
            type(console, "quiz-import-text", "type;question;choix;reponse\nsingle;Quel site ?;Onisep | France Travail;z\nqcm;Quoi ?;;a");
            new Select(await(console, "quiz-import-kind")).selectByValue("csv");
            click(console, "quiz-import-submit");
            String report = awaitText(console, "quiz-import-problems", t -> t.contains("ligne 2") && t.contains("ligne 3"));
            assertThat(report).contains("« z »").contains("« qcm »");
            assertThat(console.findElements(testId("quiz-chosen-bank"))).isEmpty();
            shot(console, "quiz-challenge-00-console-import-report");
        }
        click(console, "quiz-use-decouverte-5");
        awaitText(console, "quiz-chosen-bank", t -> t.contains("Découverte en 5 questions"));
        if (pacing.equals("challenge")) {
            click(console, "quiz-pacing-challenge");
            type(console, "quiz-minutes", "15");
        } else {
            type(console, "quiz-seconds", "120");
        }
        click(console, "quiz-save-settings");

        // Teams: one from the console, two created on phones, the others join from their phones.
        type(console, "quiz-console-team-name", "Les Orienteurs");
        click(console, "quiz-console-create-team-button");
        await(room.phone("Sami"), "quiz-team-t1");
        type(room.phone("Sami"), "quiz-team-name", "Cap Avenir");
        click(room.phone("Sami"), "quiz-create-team-button");
        await(room.phone("Nina"), "quiz-team-t2");
        type(room.phone("Nina"), "quiz-team-name", "Étoile filante");
        click(room.phone("Nina"), "quiz-create-team-button");
        shot(room.phone("Camille"), p + "01-phone-team-choice");
        click(room.phone("Camille"), "quiz-join-t1");
        click(room.phone("Élodie"), "quiz-join-t1");
        click(room.phone("Lou"), "quiz-join-t2");
        awaitText(room.phone("Élodie"), "quiz-my-team-name", t -> t.contains("Les Orienteurs"));
        awaitText(room.phone("Lou"), "quiz-my-team-name", t -> t.contains("Cap Avenir"));
        awaitText(screen, "quiz-screen-teams", t -> t.contains("Élodie") && t.contains("Lou") && t.contains("Nina"));
        shot(screen, p + "02-projector-teams");
        shot(console, p + "03-console-setup");

        // One primary step starts the quiz (and, live, shows question 1).
        click(console, "next-step");
        return room;
    }

    /** Who answers for each team on each question; team 3 is Nina alone. */
    static String[][] authors(boolean alternate) {
        return alternate
                ? new String[][] {{"Camille", "Sami", "Nina"}, {"Élodie", "Lou", "Nina"}, {"Camille", "Sami", "Nina"},
                    {"Élodie", "Lou", "Nina"}, {"Camille", "Sami", "Nina"}}
                : new String[][] {{"Camille", "Sami", "Nina"}};
    }

    /** Answers on a phone the way a person would, for question index q (decouverte-5) and team t. */
    private void answer(WebDriver phone, int q, int t) {
        switch (q) {
            case 0 -> click(phone, t == 1 ? "quiz-choice-b" : "quiz-choice-a");
            case 1 -> {
                click(phone, t == 2 ? "quiz-choice-c" : "quiz-choice-a");
                if (t == 0) {
                    awaitText(phone, "quiz-team-answer-label", x -> x.contains("A."));
                    click(phone, "quiz-choice-b");
                }
            }
            case 2 -> click(phone, t == 2 ? "quiz-truth-false" : "quiz-truth-true");
            case 3 -> {
                type(phone, "quiz-input", t == 1 ? "5" : "6");
                click(phone, "quiz-input-send");
            }
            default -> {
                type(phone, "quiz-input", t == 0 ? "étoile" : t == 1 ? "Onisep" : "PORTAIL Etoile");
                click(phone, "quiz-input-send");
            }
        }
    }

    static final String[][] MATES = {{"Élodie", "Lou", null}, {"Camille", "Sami", null}};

    @Test
    void threeTeamsOnFivePhonesPlayLiveToThePodium() {
        Room r = setUp("live");
        String[][] authors = authors(true);
        for (int q = 0; q < 5; q++) {
            String qid = "q0" + (q + 1);
            if (q > 0) {
                assertThat(await(r.console(), "next-step").getText()).contains("Afficher la question " + (q + 1));
                click(r.console(), "next-step");
            }
            for (WebDriver phone : r.phones().values()) {
                new WebDriverWait(phone, WAIT).until(d -> qid.equals(d.findElement(testId("quiz-question")).getAttribute("data-question")));
            }
            new WebDriverWait(r.screen(), WAIT).until(d -> qid.equals(d.findElement(testId("quiz-screen-question")).getAttribute("data-question")));
            for (int t = 0; t < 3; t++) {
                String who = authors[q][t];
                answer(r.phone(who), q, t);
                String mate = t == 2 ? null : (who.equals(MATES[0][t]) ? MATES[1][t] : MATES[0][t]);
                if (mate != null) {
                    awaitText(r.phone(mate), "quiz-team-answer-by", x -> x.contains(who));
                }
            }
            if (q == 0) {
                shot(r.phone("Élodie"), "quiz-live-04-phone-teammate-answer");
            }
            if (q == 2) {
                // Lou's phone reloads mid-question: same team, same question, the team's answer is still there.
                r.phone("Lou").navigate().refresh();
                awaitText(r.phone("Lou"), "question-text", t -> t.contains("CEP"));
                awaitText(r.phone("Lou"), "quiz-team-answer-by", t -> t.contains("Sami"));
                assertThat(await(r.phone("Lou"), "quiz-truth-true").getAttribute("aria-pressed")).isEqualTo("true");
                assertThat(r.phone("Lou").findElements(testId("nickname-input"))).isEmpty();
                shot(r.phone("Lou"), "quiz-live-05-phone-after-reload");
            }
            awaitText(r.screen(), "answered-count", t -> t.startsWith("3 / 3"));
            assertThat(r.screen().findElements(testId("quiz-right-answer"))).as("nothing revealed on the projector yet").isEmpty();
            assertThat(r.phone("Nina").findElements(testId("quiz-right-answer"))).isEmpty();
            if (q == 0) {
                shot(r.screen(), "quiz-live-06-projector-question");
                shot(r.console(), "quiz-live-07-console-question");
            }
            click(r.console(), "quiz-reveal");
            await(r.screen(), "quiz-reveal-bar-0");
            awaitText(r.screen(), "quiz-right-answer", t -> !t.isBlank());
            awaitText(r.phone("Sami"), "quiz-verdict", t -> !t.isBlank());
            if (q == 1) {
                shot(r.screen(), "quiz-live-08-projector-reveal");
                shot(r.phone("Lou"), "quiz-live-09-phone-reveal-partial");
            }
            if (q == 2) {
                click(r.console(), "quiz-scoreboard");
                awaitText(r.screen(), "quiz-scoreboard", t -> t.contains("Les Orienteurs") && t.contains("Cap Avenir"));
                shot(r.screen(), "quiz-live-10-projector-scoreboard");
            }
        }
        // After the last reveal the next step ends the quiz, with five seconds to take it back.
        assertThat(await(r.console(), "next-step").getText()).contains("Terminer le quiz");
        click(r.console(), "next-step");
        await(r.console(), "undo");
        await(r.screen(), "quiz-podium");
        await(r.screen(), "trophy");
        awaitText(r.screen(), "quiz-podium-1", t -> t.contains("Les Orienteurs"));
        new WebDriverWait(r.phone("Camille"), WAIT).until(d -> "1".equals(d.findElement(testId("quiz-my-result")).getAttribute("data-rank")));
        shot(r.screen(), "quiz-live-11-projector-podium");
        shot(r.phone("Camille"), "quiz-live-12-phone-podium");
        click(r.console(), "quiz-debrief-next");
        await(r.screen(), "quiz-screen-debrief");
        awaitText(r.screen(), "quiz-explanation", t -> t.contains("Parcoursup"));
        awaitText(r.phone("Nina"), "quiz-debrief", t -> t.contains("Parcoursup"));
        shot(r.screen(), "quiz-live-13-projector-debrief");
        shot(r.console(), "quiz-live-14-console-debrief");
    }

    @Test
    void threeTeamsOnFivePhonesPlayTheChallengeToThePodium() {
        Room r = setUp("challenge");
        awaitText(r.phone("Camille"), "question-text", t -> !t.isBlank());
        await(r.screen(), "quiz-progress");
        shot(r.screen(), "quiz-challenge-04-projector-progress");
        // Team 1 goes in order, team 2 starts at the end, team 3 skips the first two and comes back.
        int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 3, 4, 0, 1}};
        String[] first = {"Camille", "Sami", "Nina"};
        String[] second = {"Élodie", "Lou", "Nina"};
        for (int step = 0; step < 5; step++) {
            for (int t = 0; t < 3; t++) {
                int q = orders[t][step];
                WebDriver phone = r.phone(step % 2 == 0 ? first[t] : second[t]);
                click(phone, "quiz-nav-" + q);
                int qi = q;
                new WebDriverWait(phone, WAIT).until(d -> ("q0" + (qi + 1)).equals(d.findElement(testId("quiz-question")).getAttribute("data-question")));
                answer(phone, q, t);
                awaitText(phone, "quiz-team-answer-by", x -> !x.isBlank());
            }
            if (step == 2) {
                // Élodie's phone reloads mid-question; the team's answers are all there.
                r.phone("Élodie").navigate().refresh();
                click(r.phone("Élodie"), "quiz-nav-2");
                awaitText(r.phone("Élodie"), "quiz-team-answer-by", t -> t.contains("Camille"));
                shot(r.phone("Élodie"), "quiz-challenge-05-phone-after-reload");
            }
            if (step == 1) {
                shot(r.phone("Nina"), "quiz-challenge-06-phone-question");
            }
        }
        new WebDriverWait(r.screen(), WAIT).until(d -> "5".equals(d.findElement(testId("quiz-progress-t1")).getAttribute("data-answered"))
                && "5".equals(d.findElement(testId("quiz-progress-t2")).getAttribute("data-answered"))
                && "5".equals(d.findElement(testId("quiz-progress-t3")).getAttribute("data-answered")));
        assertThat(r.screen().findElements(testId("quiz-right-answer"))).isEmpty();
        shot(r.screen(), "quiz-challenge-07-projector-progress-full");
        click(r.phone("Lou"), "quiz-submit");
        click(r.phone("Lou"), "quiz-submit-confirm");
        await(r.phone("Sami"), "quiz-submitted");
        shot(r.phone("Sami"), "quiz-challenge-08-phone-submitted");
        // Ending the challenge is kept apart from "+5 min" and asks first.
        click(r.console(), "quiz-finish");
        click(r.console(), "confirm-ok");
        await(r.screen(), "quiz-podium");
        awaitText(r.screen(), "quiz-podium-1", t -> t.contains("Les Orienteurs"));
        new WebDriverWait(r.phone("Nina"), WAIT).until(d -> "2".equals(d.findElement(testId("quiz-my-result")).getAttribute("data-rank")));
        shot(r.screen(), "quiz-challenge-09-projector-podium");
        shot(r.phone("Nina"), "quiz-challenge-10-phone-podium");
        click(r.console(), "quiz-debrief-2");
        awaitText(r.screen(), "quiz-explanation", t -> t.contains("CEP"));
        shot(r.screen(), "quiz-challenge-11-projector-debrief");

        // The session ends; the synthesis shows the ranking, the debrief per question and who took part.
        click(r.console(), "end-session");
        click(r.console(), "end-confirm");
        await(r.phone("Camille"), "ended");
        String consoleUrl = r.console().getCurrentUrl();
        WebDriver coordinator = desktop();
        coordinator.get(base + "/s/" + r.code() + "/synthese?lang=fr#k=" + hostToken(r.console()));
        awaitText(coordinator, "quiz-synth-ranking", t -> t.contains("Les Orienteurs") && t.contains("Étoile filante"));
        awaitText(coordinator, "quiz-synth-question-5", t -> t.contains("Étoile"));
        awaitText(coordinator, "quiz-synth-participants", t -> t.contains("Élodie") && t.contains("Nina"));
        assertThat(consoleUrl).contains("/h/" + r.code());
        shot(coordinator, "quiz-challenge-12-synthesis");
    }

    /** The host token the console kept in localStorage. */
    private static String hostToken(WebDriver console) {
        return (String) js(console, "return JSON.parse(localStorage.getItem('atelier.host.' + arguments[0]));",
                console.getCurrentUrl().replaceAll(".*/h/([A-Z0-9]{6}).*", "$1"));
    }
}
