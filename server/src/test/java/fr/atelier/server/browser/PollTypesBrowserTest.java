package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The poll's seven question types in real browsers (issue 17): the facilitator types each one in the
 * console, three phones at 360 px answer it (the ranking by its arrow buttons from the keyboard,
 * texts, the Q&amp;A's upvotes), the facilitator moderates, and the projector shows each result.
 * Every state is a screenshot and an axe-core audit.
 */
class PollTypesBrowserTest extends BrowserTestBase {
    private WebDriver facilitator;
    private WebDriver screen;
    private final List<WebDriver> phones = new ArrayList<>();

    private void ask(String kind, String text, String... options) {
        new Select(await(facilitator, "poll-kind")).selectByValue(kind);
        type(facilitator, "poll-text", text);
        for (int i = 0; i < options.length; i++) {
            if (i >= 2) {
                click(facilitator, "poll-add-option");
            }
            type(facilitator, "poll-option-" + i, options[i]);
        }
        click(facilitator, "poll-ask");
        for (WebDriver phone : phones) {
            awaitText(phone, "question-text", t -> t.contains(text));
        }
        awaitText(screen, "question-text", t -> t.contains(text));
    }

    private void reveal(int answered) {
        awaitText(facilitator, "answered-count", t -> t.startsWith(Integer.toString(answered)));
        click(facilitator, "poll-reveal");
        awaitText(screen, "question-status", t -> t.contains("Résultats"));
    }

    private void write(WebDriver phone, String text) {
        type(phone, "poll-draft", text);
        click(phone, "poll-send-text");
        awaitText(phone, "poll-mine", t -> t.contains(text));
    }

    @Test
    void threePhonesGoThroughEveryType() {
        facilitator = desktop();
        facilitator.get(base + "/");
        await(facilitator, "create-form");
        new org.openqa.selenium.support.ui.WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("poll");
        type(facilitator, "create-title", "Demi-journée SPRO — Chartres");
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        facilitator.get(consoleUrl);
        await(facilitator, "session-start");
        screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "qr");
        for (String name : List.of("Camille", "Élodie", "Sami")) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code);
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.add(phone);
        }
        click(facilitator, "session-start");
        WebDriver camille = phones.get(0);
        WebDriver elodie = phones.get(1);
        WebDriver sami = phones.get(2);

        // ---- multiple choice ----
        ask("MULTIPLE", "Vers qui orientez-vous le plus souvent ?", "CIO", "Mission locale", "Cap emploi");
        shot(facilitator, "poll-types-01-console-multiple");
        shot(screen, "poll-types-02-projector-multiple");
        click(camille, "option-0");
        click(camille, "option-1");
        assertThat(await(camille, "option-1").getAttribute("aria-checked")).isEqualTo("true");
        click(camille, "poll-send-picks");
        awaitText(camille, "answer-status", t -> t.contains("enregistrées"));
        shot(camille, "poll-types-03-phone-multiple");
        for (WebDriver phone : List.of(elodie, sami)) {
            click(phone, "option-1");
            click(phone, "poll-send-picks");
            awaitText(phone, "answer-status", t -> t.contains("enregistrées"));
        }
        reveal(3);
        assertThat(await(screen, "reveal-bar-1").getAttribute("data-value")).isEqualTo("3");
        shot(screen, "poll-types-04-projector-multiple-revealed");

        // ---- word cloud ----
        ask("WORDS", "Un mot pour cette demi-journée ?");
        write(camille, "Écoute");
        shot(camille, "poll-types-05-phone-words");
        write(elodie, "écoute");
        write(sami, "Réseau");
        write(sami, "ECOUTE");
        awaitText(screen, "screen-cloud", t -> t.contains("Écoute") && t.contains("Réseau"));
        assertThat(await(screen, "screen-cloud-0").getAttribute("data-count")).isEqualTo("3");
        shot(screen, "poll-types-06-projector-cloud");
        shot(facilitator, "poll-types-07-console-words");
        reveal(3);
        await(elodie, "phone-cloud");
        shot(elodie, "poll-types-08-phone-cloud");

        // ---- scale ----
        new Select(await(facilitator, "poll-kind")).selectByValue("SCALE");
        type(facilitator, "poll-min-label", "Pas du tout");
        type(facilitator, "poll-max-label", "Très bien");
        ask("SCALE", "Connaissez-vous les missions des autres structures ?");
        shot(screen, "poll-types-09-projector-scale");
        click(camille, "option-4");
        click(elodie, "option-2");
        click(sami, "option-3");
        awaitText(sami, "answer-status", t -> t.contains("enregistrée"));
        shot(sami, "poll-types-10-phone-scale");
        reveal(3);
        awaitText(screen, "scale-mean", t -> t.contains("4"));
        shot(screen, "poll-types-11-projector-scale-revealed");

        // ---- open text: the wall shows what the facilitator approves ----
        ask("OPEN", "Qu’est-ce qui freine l’orientation vers un partenaire ?");
        write(camille, "Le manque de temps pour se rencontrer.");
        write(sami, "On ne connaît pas les bons interlocuteurs.");
        shot(camille, "poll-types-12-phone-open");
        awaitText(facilitator, "poll-pending", t -> t.contains("2"));
        shot(facilitator, "poll-types-13-console-moderation");
        click(facilitator, "mod-show-0");
        awaitText(screen, "screen-wall", t -> t.contains("manque de temps"));
        assertThat(await(screen, "screen-wall").getText()).doesNotContain("interlocuteurs");
        shot(screen, "poll-types-14-projector-wall");
        click(facilitator, "poll-reveal");
        await(elodie, "phone-wall");
        shot(elodie, "poll-types-15-phone-wall");

        // ---- ranking, from the keyboard on Élodie's phone ----
        ask("RANKING", "Vos priorités pour le réseau ?", "Se connaître", "Partager l’agenda", "Ateliers communs");
        shot(camille, "poll-types-16-phone-ranking");
        await(elodie, "rank-down-0").sendKeys(Keys.ENTER);
        awaitText(elodie, "rank-row-1", t -> t.contains("Se connaître"));
        assertThat(await(elodie, "rank-moved").getAttribute("textContent")).contains("position 2 sur 3");
        await(elodie, "rank-up-2").sendKeys(Keys.ENTER);
        awaitText(elodie, "rank-row-1", t -> t.contains("Ateliers communs"));
        click(elodie, "poll-send-rank");
        awaitText(elodie, "answer-status", t -> t.contains("Classement enregistré"));
        shot(elodie, "poll-types-17-phone-ranking-sent");
        click(camille, "poll-send-rank");
        click(sami, "rank-up-2");
        click(sami, "rank-up-1");
        click(sami, "poll-send-rank");
        awaitText(sami, "answer-status", t -> t.contains("Classement enregistré"));
        reveal(3);
        awaitText(screen, "reveal-bar-0", t -> t.startsWith("1."));
        shot(screen, "poll-types-18-projector-ranking");

        // ---- Q&A ----
        ask("QA", "Vos questions aux intervenant·es");
        write(camille, "Comment orienter un jeune sans diplôme ?");
        write(sami, "Où trouver l’agenda des partenaires ?");
        awaitText(elodie, "poll-qa", t -> t.contains("sans diplôme") && t.contains("agenda"));
        click(elodie, "qa-vote-0");
        awaitText(screen, "screen-qa-0", t -> t.contains("1"));
        shot(elodie, "poll-types-19-phone-qa");
        shot(screen, "poll-types-20-projector-qa");
        click(facilitator, "mod-answered-0");
        awaitText(screen, "screen-qa", t -> t.contains("Traitée"));
        shot(facilitator, "poll-types-21-console-qa");
        click(facilitator, "poll-close");
        awaitText(screen, "question-status", t -> t.contains("Fermée"));

        // ---- single choice, last: the original type still works ----
        ask("SINGLE", "Quel site présente les fiches métiers ?", "France Travail", "Onisep");
        click(camille, "option-1");
        click(elodie, "option-1");
        click(sami, "option-0");
        awaitText(sami, "answer-status", t -> t.contains("enregistrée"));
        shot(sami, "poll-types-22-phone-single");
        reveal(3);
        shot(screen, "poll-types-23-projector-single");
    }
}
