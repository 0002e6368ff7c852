package fr.atelier.server.browser;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.Http;
import fr.atelier.server.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, item 5: a projector readable at 10 m. Each format's projector, in its busiest states,
 * with a 24-character nickname: at 1920 × 1080 no visible text is below 28 px; at 1280 × 720
 * nothing overflows sideways (no horizontal scroll, no element wider than its box); the 2 × 2 matrix
 * keeps its extreme points (1, 1) and (5, 5) inside the plot. Screenshots of both sizes.
 */
class ProjectorReadabilityBrowserTest extends BrowserTestBase {
    static final String LONG_NAME = "Marie-Antoinette Dubois-";
    static final String LONG_WORD = "Anticonstitutionnellemen";
    static final int MIN_PX = 28;

    /** Every visible text node whose computed font size is below the minimum: "size px: text (selector)". */
    static final String SMALL_TEXT = """
            const min = arguments[0];
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.textContent.trim();
              if (!text) continue;
              const el = node.parentElement;
              if (!el || el.closest('.visually-hidden, .skip-link, noscript, script, style, template')) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
              if (!rects.length) continue;
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
              const size = parseFloat(style.fontSize);
              if (size < min - 0.05) {
                const path = [];
                for (let e = el; e && e !== document.body && path.length < 3; e = e.parentElement) {
                  path.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                }
                out.push(size.toFixed(1) + ' px: ' + text.slice(0, 40) + ' (' + path.join(' > ') + ')');
              }
            }
            return [...new Set(out)];
            """;

    /** Horizontal overflow: the page scrolls sideways, or an element's content is wider than its box. */
    static final String OVERFLOW = """
            const out = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) out.push('page: ' + root.scrollWidth + ' > ' + root.clientWidth);
            for (const el of document.querySelectorAll('main *, header *')) {
              const style = getComputedStyle(el);
              if (style.display === 'inline' || el.closest('.visually-hidden, svg')) continue;
              if (style.textOverflow === 'ellipsis') continue;
              if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
                out.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + ': ' + el.scrollWidth + ' > ' + el.clientWidth
                  + ' «' + el.textContent.trim().slice(0, 30) + '»');
              }
              const r = el.getBoundingClientRect();
              if (r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1)) {
                out.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + ' outside the screen: ' + Math.round(r.left) + '…' + Math.round(r.right));
              }
            }
            return [...new Set(out)].slice(0, 20);
            """;

    private final List<String> problems = new ArrayList<>();

    /** Checks one state at both sizes, with a screenshot of each. */
    private void check(WebDriver screen, String name) {
        size(screen, 1920, 1080);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js(screen, SMALL_TEXT, MIN_PX);
        small.forEach(s -> problems.add(name + " @1920: " + s));
        shot(screen, "readable-" + name + "-1920");
        size(screen, 1280, 720);
        @SuppressWarnings("unchecked")
        List<String> over = (List<String>) js(screen, OVERFLOW);
        over.forEach(s -> problems.add(name + " @1280: " + s));
        shot(screen, "readable-" + name + "-1280");
        size(screen, 1920, 1080);
        small.forEach(x -> System.out.println("READABILITY " + name + " @1920: " + x));
        over.forEach(x -> System.out.println("READABILITY " + name + " @1280: " + x));
    }

    /** A projector never scrolls: at both sizes the page is no taller than the screen. */
    private static void assertNoVerticalScroll(WebDriver screen, String what) {
        for (int[] wh : new int[][] {{1280, 720}, {1920, 1080}}) {
            size(screen, wh[0], wh[1]);
            Object tall = js(screen, "return document.documentElement.scrollHeight - document.documentElement.clientHeight;");
            assertThat(((Number) tall).intValue()).as(what + " at " + wh[0] + "×" + wh[1] + ": vertical overflow in px").isLessThanOrEqualTo(1);
        }
    }

    /** The viewport itself at this size (a window's size includes the browser's frame). */
    private static void size(WebDriver b, int width, int height) {
        ((ChromeDriver) b).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        waitLayout(b, width);
    }

    private static void waitLayout(WebDriver b, int width) {
        new WebDriverWait(b, WAIT).until(d -> ((Number) js(d, "return window.innerWidth")).intValue() == width);
        js(b, "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
        // Reveal animations finish within half a second.
        js(b, "return new Promise((r) => setTimeout(r, 700))");
    }

    private static JsonNode ok(WsClient c, JsonNode command) {
        JsonNode answer = c.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
        return answer;
    }

    private static List<WsClient> phones(Http http, String code, int n) {
        List<WsClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String nickname = i == 0 ? LONG_NAME : i == 1 ? LONG_WORD : "Participant " + (i + 1);
            JsonNode joined = http.join(code, nickname);
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            out.add(phone);
        }
        return out;
    }

    private WebDriver screen(String code, Predicate<WebDriver> ready) {
        WebDriver screen = projector();
        // Still pictures: the reveal animations (checked by ProjectorShowBrowserTest) would catch texts mid-flight.
        ((ChromeDriver) screen).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        screen.get(base + "/s/" + code + "/screen");
        new WebDriverWait(screen, WAIT).until(ready::test);
        return screen;
    }

    private static boolean has(WebDriver b, String testId) {
        return !b.findElements(testId(testId)).isEmpty();
    }

    @Test
    void everyProjectorIsReadableAtTenMetresAndFitsA720pScreen() {
        Http http = node.http();
        poll(http);
        quiz(http);
        cards(http);
        hackathon(http);
        prioritisation(http);
        assertThat(problems).as("readability problems").isEmpty();
    }

    private void poll(Http http) {
        JsonNode created = http.createSession("poll", "Forum des métiers — Lycée Rotrou de Dreux, salle polyvalente");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        List<WsClient> phones = phones(http, code, 40);
        WebDriver screen = screen(code, d -> "40".equals(d.findElement(testId("participant-count")).getAttribute("data-count")));
        check(screen, "lobby");
        // A projector never scrolls: with 40 people the lobby names the newest and counts the others.
        assertNoVerticalScroll(screen, "lobby with 40 people");
        assertThat(screen.findElement(testId("nickname-others")).getText()).isEqualTo("et 16 autres personnes");

        ok(console, cmd("session.start"));
        ObjectNode ask = cmd("poll.ask").put("text", "Parmi ces métiers du soin et de l’accompagnement, lequel aimeriez-vous découvrir pendant un stage ?")
                .put("seconds", 600).put("correct", 2);
        ask.putArray("options").add("Aide-soignant ou aide-soignante en EHPAD").add("Auxiliaire de vie sociale à domicile")
                .add("Éducateur ou éducatrice de jeunes enfants").add("Infirmier ou infirmière de bloc opératoire")
                .add("Ambulancier ou ambulancière").add("Accompagnant éducatif et social (AES)")
                .add("Moniteur-éducateur ou monitrice-éducatrice").add("Je ne sais pas encore, je veux en parler");
        ok(console, ask);
        JsonNode question = console.awaitView(v -> v.path("activity").path("question").has("id"));
        String qid = question.path("activity").path("question").path("id").asText();
        for (int i = 0; i < phones.size(); i++) {
            ok(phones.get(i), cmd("poll.answer").put("questionId", qid).put("option", i % 8));
        }
        new WebDriverWait(screen, WAIT).until(d -> has(d, "screen-option-7")
                && "40".equals(d.findElement(testId("answered-count")).getAttribute("data-answered")));
        check(screen, "poll-question");
        ok(console, cmd("poll.reveal").put("questionId", qid));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "reveal-bar-7"));
        check(screen, "poll-revealed");
        console.close();
        phones.forEach(WsClient::close);
    }

    private static String activityText(JsonNode v, String field) {
        return v.path("activity").path(field).asText();
    }

    private void quiz(Http http) {
        JsonNode created = http.createSession("quiz", "Challenge numérique — Mission locale de Dreux et Nogent");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        ObjectNode useBank = cmd("quiz.useBank");
        useBank.set("bank", http.get("/api/formats/quiz/library/decouverte-5").json());
        ok(console, useBank);
        ObjectNode configure = cmd("quiz.configure");
        configure.putObject("settings").put("pacing", "live").put("timeLimitMinutes", 20).put("speedBonus", true)
                .put("partialCredit", true).put("teamSize", 4).put("selfTeams", true).put("secondsPerQuestion", 600);
        ok(console, configure);
        List<WsClient> phones = phones(http, code, 12);
        ok(console, cmd("session.start"));
        String[] teams = {"Les Explorateurs du Drouais", "Cap Avenir", LONG_WORD};
        for (int t = 0; t < 3; t++) {
            ok(phones.get(t), cmd("quiz.createTeam").put("name", teams[t]));
        }
        JsonNode view = phones.get(3).awaitView(v -> v.path("activity").path("teams").size() == 3);
        List<String> teamIds = new ArrayList<>();
        view.path("activity").path("teams").forEach(t -> teamIds.add(t.path("id").asText()));
        for (int i = 3; i < phones.size(); i++) {
            ok(phones.get(i), cmd("quiz.joinTeam").put("teamId", teamIds.get(i % 3)));
        }
        WebDriver screen = screen(code, d -> has(d, "quiz-screen-teams") && d.findElement(testId("quiz-screen-teams")).getText().contains("Cap Avenir"));
        new WebDriverWait(screen, WAIT).until(d -> !has(d, "quiz-unassigned"));
        check(screen, "quiz-teams");
        ok(console, cmd("quiz.start"));
        ok(console, cmd("quiz.show"));
        JsonNode live = console.awaitView(v -> v.path("activity").path("live").path("question").has("id"));
        String qid = live.path("activity").path("live").path("question").path("id").asText();
        new WebDriverWait(screen, WAIT).until(d -> has(d, "quiz-screen-question"));
        check(screen, "quiz-question");
        ok(phones.get(0), cmd("quiz.answer").put("questionId", qid).set("choices", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("a")));
        ok(console, cmd("quiz.reveal").put("questionId", qid));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "quiz-reveal-bar-0"));
        check(screen, "quiz-revealed");
        ok(console, cmd("quiz.scoreboard"));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "quiz-screen-scoreboard"));
        check(screen, "quiz-scoreboard");
        ok(console, cmd("quiz.finish"));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "quiz-podium"));
        check(screen, "quiz-podium");
        console.close();
        phones.forEach(WsClient::close);
    }

    private void cards(Http http) {
        JsonNode created = http.createSession("cards", "Jeu de cartes SPRO — réseau du Drouais");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        List<WsClient> phones = phones(http, code, 6);
        ok(console, cmd("session.start"));
        ObjectNode useDeck = cmd("cards.useDeck");
        useDeck.set("deck", http.get("/api/formats/cards/library/spro").json());
        ok(console, useDeck);
        for (int i = 0; i < 3; i++) {
            ok(phones.get(i), cmd("cards.raiseHand"));
        }
        WebDriver screen = screen(code, d -> d.getPageSource().contains(LONG_WORD));
        check(screen, "cards-volunteers");
        JsonNode v = console.awaitView(x -> x.path("activity").path("volunteers").size() == 3);
        List<String> ids = new ArrayList<>();
        v.path("activity").path("volunteers").forEach(p -> ids.add(p.path("id").asText()));
        ok(console, cmd("cards.nextRound"));
        ok(console, cmd("cards.assign").put("counsellor", ids.get(0)).put("beneficiary", ids.get(1)));
        ok(console, cmd("cards.drawCase").put("seed", 12345L));
        ok(console, cmd("cards.drawStructure").put("seed", 777L));
        ok(console, cmd("cards.startScene").put("seconds", 600));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "screen-case-card") && has(d, "screen-structure-card"));
        check(screen, "cards-scene");
        JsonNode round = console.awaitView(x -> x.path("activity").path("round").path("number").asInt() == 1);
        int number = round.path("activity").path("round").path("number").asInt();
        JsonNode grid = phones.get(3).awaitView(x -> x.path("activity").path("round").path("grid").path("fields").size() > 0);
        for (int i = 2; i < phones.size(); i++) {
            ObjectNode save = cmd("cards.saveGrid").put("round", number);
            ObjectNode answers = save.putObject("answers");
            for (JsonNode f : grid.path("activity").path("round").path("grid").path("fields")) {
                String kind = f.path("kind").asText();
                if (kind.equals("structures")) {
                    answers.putArray(f.path("id").asText()).add(grid.path("activity").path("round").path("grid").path("structures").get(i % 2).path("id").asText());
                } else if (kind.equals("text")) {
                    answers.putArray(f.path("id").asText()).add("Écoute active et reformulation, " + LONG_WORD);
                } else if (!kind.equals("card")) {
                    answers.putArray(f.path("id").asText()).add("Question ouverte sur le parcours " + i).add(LONG_WORD);
                }
            }
            ok(phones.get(i), save);
        }
        ok(console, cmd("cards.openFeelings"));
        ok(console, cmd("cards.openDebrief"));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "screen-aggregate"));
        check(screen, "cards-debrief");
        console.close();
        phones.forEach(WsClient::close);
    }

    private void hackathon(Http http) {
        JsonNode created = http.createSession("hackathon", "Hack ton orientation — lycée et CFA de Dreux");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        ObjectNode setup = cmd("hackathon.setup");
        setup.set("kit", http.get("/api/formats/hackathon/library/hack-ton-orientation").json());
        setup.putObject("settings").put("teamSize", 4).put("pitchSeconds", 120).put("dots", 2);
        ok(console, setup);
        List<WsClient> phones = phones(http, code, 8);
        ok(console, cmd("session.start"));
        ok(phones.get(0), cmd("hackathon.createTeam").put("name", "Les Défricheurs du Drouais"));
        ok(phones.get(1), cmd("hackathon.createTeam").put("name", LONG_WORD));
        for (int i = 2; i < phones.size(); i++) {
            ok(phones.get(i), cmd("hackathon.joinTeam").put("teamId", i % 2 == 0 ? "t1" : "t2"));
        }
        WebDriver screen = screen(code, d -> d.getPageSource().contains(LONG_WORD));
        check(screen, "hackathon-teams");
        ok(console, cmd("hackathon.advance").put("to", "UNDERSTAND").put("minutes", 20));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "countdown"));
        check(screen, "hackathon-understand");
        ok(console, cmd("hackathon.advance").put("to", "IMAGINE"));
        ok(console, cmd("hackathon.advance").put("to", "BUILD"));
        ok(console, cmd("hackathon.advance").put("to", "PITCH").put("seed", 20251125L));
        for (String team : new String[] {"t1", "t2"}) {
            ok(console, cmd("hackathon.pitch").put("teamId", team));
            // The other team's members score the team that just pitched (team 1: phones 0, 2, 4…; team 2: 1, 3, 5…).
            for (int i = team.equals("t1") ? 1 : 0; i < phones.size(); i += 2) {
                ObjectNode score = cmd("hackathon.score").put("teamId", team);
                score.putObject("scores").put("impact", 1 + i % 5).put("faisabilite", 4).put("originalite", 3).put("pitch", 5);
                ok(phones.get(i), score);
            }
        }
        new WebDriverWait(screen, WAIT).until(d -> has(d, "hk-screen-pitch-team"));
        check(screen, "hackathon-pitch");
        ok(console, cmd("hackathon.advance").put("to", "VOTE").put("minutes", 5));
        ok(console, cmd("hackathon.advance").put("to", "RESULTS"));
        new WebDriverWait(screen, WAIT).until(d -> "RESULTS".equals(d.findElement(testId("hk-screen")).getAttribute("data-stage")));
        check(screen, "hackathon-results");
        console.close();
        phones.forEach(WsClient::close);
    }

    private void prioritisation(Http http) {
        Http.Response project = http.post("/api/projects",
                "{\"sector\":\"Aide à domicile et services à la personne\",\"territory\":\"Dreux et ses environs\",\"targetPublic\":\"Jeunes de 16 à 25 ans\"}");
        String projectId = project.json().get("projectId").asText();
        String key = project.json().get("projectKey").asText();
        JsonNode created = http.createSession("prioritisation", "Dessine-moi le travail — aide à domicile");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        ObjectNode use = cmd("prioritisation.useProject").put("projectKey", key).put("tag", "s1ab");
        use.set("project", http.get("/api/projects/" + projectId, key).json().get("project"));
        ok(console, use);
        // Readability, not moderation: the wall shows contributions as they come (no approval queue).
        ok(console, cmd("prioritisation.setApprovalHold").put("hold", false));
        List<WsClient> phones = phones(http, code, 8);
        ok(console, cmd("session.start"));
        String[] categories = {"conditions", "communication", "recruitment", "valorisation", "other"};
        String[] kinds = {"difficulty", "experience", "representation", "proposal"};
        String[] texts = {"Les horaires du week-end font peur aux jeunes qui ont des activités sportives",
            "Personne ne m’a parlé de ce métier au collège ni au lycée", "Nous n’arrivons pas à recruter pour le samedi matin",
            "Un métier mal payé et peu reconnu", LONG_WORD + LONG_WORD, "Faire découvrir le métier par des stages courts"};
        for (int i = 0; i < phones.size(); i++) {
            WsClient p = phones.get(i);
            ok(p, cmd("prioritisation.setProfile").put("profile", i % 2 == 0 ? "young" : "employer"));
            for (int j = 0; j < 3; j++) {
                int k = i * 3 + j;
                ok(p, cmd("prioritisation.contribute").put("text", texts[k % texts.length] + (k >= texts.length ? " (" + k + ")" : ""))
                        .put("kind", kinds[k % kinds.length]).put("category", categories[k % categories.length]));
            }
        }
        WebDriver screen = screen(code, d -> has(d, "prio-wall") && "24".equals(d.findElement(testId("prio-wall")).getAttribute("data-total")));
        check(screen, "prio-wall");

        ok(console, cmd("prioritisation.setStage").put("stage", "SYNTHESIS"));
        ok(console, cmd("prioritisation.propose").put("text", "Organiser un job dating le samedi matin avec les employeurs du territoire"));
        ok(console, cmd("prioritisation.propose").put("text", "Témoignages de professionnels dans les collèges"));
        ok(console, cmd("prioritisation.propose").put("text", "Stages courts de découverte"));
        ok(console, cmd("prioritisation.settings").put("budget", 5).put("maxPerProposal", 3).put("ratings", true));
        ok(console, cmd("prioritisation.setStage").put("stage", "VOTE"));
        JsonNode vote = console.awaitView(v -> v.path("activity").path("vote").path("proposals").size() == 3);
        List<String> ids = new ArrayList<>();
        vote.path("activity").path("vote").path("proposals").forEach(p -> ids.add(p.path("id").asText()));
        for (WsClient p : phones) {
            ok(p, cmd("prioritisation.vote").put("proposalId", ids.get(0)).put("dots", 3));
            ok(p, cmd("prioritisation.vote").put("proposalId", ids.get(1)).put("dots", 2));
            // The extremes of both scales: (1, 1) and (5, 5), and one in the middle.
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(0)).put("impact", 5).put("feasibility", 5));
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(1)).put("impact", 1).put("feasibility", 1));
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(2)).put("impact", 3).put("feasibility", 4));
        }
        new WebDriverWait(screen, WAIT).until(d -> has(d, "prio-voters") && d.findElement(testId("prio-voters")).getText().startsWith("8"));
        check(screen, "prio-vote");
        ok(console, cmd("prioritisation.reveal"));
        new WebDriverWait(screen, WAIT).until(d -> d.findElements(testId("prio-matrix-dot")).size() == 3);
        check(screen, "prio-results");
        assertNoVerticalScroll(screen, "Dessine-moi results");
        for (int width : new int[] {1920, 1280}) {
            size(screen, width, width == 1920 ? 1080 : 720);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> outside = (List<Map<String, Object>>) js(screen, """
                    const plot = document.querySelector('.prio-screen .prio-matrix').getBoundingClientRect();
                    return [...document.querySelectorAll('.prio-screen [data-testid="prio-matrix-dot"]')]
                      .map((d) => ({ dot: d.textContent.trim(), r: d.getBoundingClientRect() }))
                      .filter(({ r }) => r.left < plot.left - 0.5 || r.right > plot.right + 0.5 || r.top < plot.top - 0.5 || r.bottom > plot.bottom + 0.5)
                      .map(({ dot, r }) => ({ dot, left: r.left - plot.left, right: plot.right - r.right, top: r.top - plot.top, bottom: plot.bottom - r.bottom }));
                    """);
            outside.forEach(o -> problems.add("prio-matrix @" + width + ": dot " + o + " outside the plot"));
        }
        console.close();
        phones.forEach(WsClient::close);
    }
}
