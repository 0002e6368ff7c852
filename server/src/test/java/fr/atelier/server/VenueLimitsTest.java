package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A venue shares one public address (issue 11, item 1; decision 24): a whole forum joins one
 * session from it, typos do not keep the room out, yet guessing codes or secrets from one address
 * stays a few dozen tries a minute. The server runs the default limits; it believes one proxy
 * ({@code ATELIER_PROXY_HOPS=1}) so that each test is its own venue through {@code X-Forwarded-For}.
 */
class VenueLimitsTest {
    static final int BUDGET = Limits.DEFAULT.missesPerMinute();
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        Limits d = Limits.DEFAULT;
        node = TestNode.start(TestConfig.fastest()
                .withLimits(new Limits(d.missesPerMinute(), d.joinsPerMinute(), d.createsPerMinute(), 1)));
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aForumOf2500PhonesBehindOneAddressJoinsOneSessionWithinAMinute() throws Exception {
        String code = http.createSession("poll", "Forum des métiers").get("code").asText();
        int phones = 2500;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            // Five-digit numbers: "Visiteur 1488" is rightly refused by the name filter (a hate code).
            String body = "{\"nickname\":\"Visiteur " + (10_000 + i) + "\"}";
            statuses.add(pool.submit(() -> http.post("/api/sessions/" + code + "/join", body).status()));
        }
        int created = 0;
        for (Future<Integer> s : statuses) {
            created += s.get(60, TimeUnit.SECONDS) == 201 ? 1 : 0;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        System.out.printf("VenueLimitsTest: %d joins from one address into one session in %d ms%n", phones, ms);
        assertThat(created).as("joins answered 201 (from the same address, default limits)").isEqualTo(phones);
        assertThat(ms).as("within a minute").isLessThan(60_000);
        assertThat(http.get("/api/sessions/" + code).json().path("participantCount").asInt()).isEqualTo(phones);
    }

    @Test
    void mistypedCodesNeverKeepTheRoomOutOfItsSession() {
        Http venue = http.from("10.20.1.1");
        Http elsewhere = http.from("10.20.1.200");
        String reached = elsewhere.createSession("poll", "Atelier du lycée").get("code").asText();
        String later = elsewhere.createSession("poll", "Deuxième atelier").get("code").asText();
        JsonNode camille = venue.join(reached, "Camille");

        for (int i = 0; i < 25; i++) {
            assertThat(venue.get("/api/sessions/" + unknownCode(i)).status()).as("typo %d", i).isEqualTo(404);
        }
        assertThat(venue.post("/api/sessions/" + later + "/join", "{\"nickname\":\"Sami\"}").status())
                .as("25 typos from the venue, then a first join of another session").isEqualTo(201);

        assertThat(exhaust(venue)).as("the venue's guesses run out at last").isTrue();
        assertThat(venue.post("/api/sessions/" + reached + "/join", "{\"nickname\":\"Élodie\"}").status())
                .as("a join of the session the room reached, guesses exhausted").isEqualTo(201);
        assertThat(venue.post("/api/sessions/" + later + "/join", "{\"nickname\":\"Inès\"}").status()).isEqualTo(201);
        assertThat(venue.get("/api/sessions/" + reached).status()).isEqualTo(200);
        try (WsClient phone = node.connect("10.20.1.1");
             WsClient screen = node.connect("10.20.1.1")) {
            assertThat(phone.hello(reached, "participant", camille.get("rejoinToken").asText()).path("type").asText())
                    .as("a phone of the room reconnects").isEqualTo("welcome");
            assertThat(screen.hello(reached, "screen", null).path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void guessingCodesBeyondTheBudgetIsRefused() {
        Http guesser = http.from("10.20.2.1");
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            existing.add(http.from("10.20.2.200").createSession("poll", "Atelier " + i).get("code").asText());
        }
        long t0 = System.nanoTime();
        int notFound = 0;
        Http.Response refused = null;
        for (int i = 0; i < 2 * BUDGET; i++) {
            Http.Response r = guesser.get("/api/sessions/" + unknownCode(i));
            assertThat(r.status()).isIn(404, 429);
            if (r.status() == 404) {
                notFound++;
            } else {
                refused = r;
            }
        }
        assertThat(notFound).as("unknown codes answered before the refusals").isBetween(BUDGET, BUDGET + slack(t0));
        assertThat(refused).isNotNull();
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        // Out of guesses, an address cannot tell an existing code it never reached from an unknown one.
        assertThat(refusedRightAfterExhausting(guesser, attempt -> guesser.get("/api/sessions/" + existing.get(attempt)).status() == 429))
                .as("a code the address never reached is a guess too").isTrue();
        assertThat(refusedRightAfterExhausting(guesser, attempt -> {
            try (WsClient s = node.connect("10.20.2.1")) {
                JsonNode e = s.hello(unknownCode(99), "screen", null);
                return e.path("code").asText().equals("rate_limited") && s.awaitClose() == 4429;
            }
        })).as("over WebSocket too").isTrue();
    }

    @Test
    void wrongCoordinatorKeysAreThrottled() {
        Http guesser = http.from("10.20.3.1");
        long t0 = System.nanoTime();
        int wrong = 0;
        int status = 0;
        for (int i = 0; i < 2 * BUDGET && status != 429; i++) {
            status = guesser.get("/api/coordination/report", "cle-" + i).status();
            if (status == 401) {
                wrong++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(wrong).isBetween(BUDGET, BUDGET + slack(t0));
        assertThat(http.from("10.20.3.2").get("/api/coordination/report", TestConfig.COORDINATOR_KEY).status())
                .as("another address").isEqualTo(200);
    }

    @Test
    void wrongHostTokensAreThrottledOverWebSocketAndHttpAlike() {
        Http venue = http.from("10.20.4.1");
        String code = venue.createSession("poll", "Atelier").get("code").asText();
        long t0 = System.nanoTime();
        int wrong = 0;
        boolean refused = false;
        for (int i = 0; i < 2 * BUDGET && !refused; i++) {
            if (i % 2 == 0) {
                try (WsClient console = node.connect("10.20.4.1")) {
                    JsonNode answer = console.hello(code, "facilitator", "jeton-faux-" + i);
                    short close = console.awaitClose();
                    refused = answer.path("code").asText().equals("rate_limited") && close == 4429;
                    if (!refused) {
                        assertThat(close).isEqualTo((short) 4401);
                        wrong++;
                    }
                }
            } else {
                Http.Response r = venue.get("/api/sessions/" + code + "/synthesis", "jeton-faux-" + i);
                refused = r.status() == 429;
                if (!refused) {
                    assertThat(r.status()).isEqualTo(401);
                    wrong++;
                }
            }
        }
        assertThat(refused).as("refused after the budget").isTrue();
        assertThat(wrong).isBetween(BUDGET, BUDGET + slack(t0));
        assertThat(venue.get("/api/sessions/" + code + "/synthesis", "jeton-faux").status()).isEqualTo(429);
        assertThat(venue.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Camille\"}").status())
                .as("the room still joins the session its address created").isEqualTo(201);
    }

    @Test
    void behindAProxyTheForwardedAddressCountsNotWhatTheClientWrote() {
        boolean refused = false;
        for (int i = 0; i < 3 * BUDGET && !refused; i++) {
            // Each request claims another origin on the left: only the proxy's own entry counts.
            refused = exhaustedBy(http.from("6.6.6." + i + ", 10.20.5.1"));
        }
        assertThat(refused).isTrue();
        assertThat(http.from("7.7.7.7, 10.20.5.1").get("/api/sessions/" + unknownCode(0)).status()).isEqualTo(429);
        assertThat(http.from("10.20.5.2").get("/api/sessions/" + unknownCode(0)).status())
                .as("another venue keeps its own budget").isEqualTo(404);

        assertThat(exhaust(http.from("2001:db8:1:2::5"))).isTrue();
        assertThat(http.from("2001:db8:1:2::6").get("/api/sessions/" + unknownCode(0)).status())
                .as("one IPv6 /64 is one subscriber").isEqualTo(429);
        assertThat(http.from("2001:db8:1:3::5").get("/api/sessions/" + unknownCode(0)).status()).isEqualTo(404);
    }

    /** Unknown but well-formed codes (the alphabet has no I, L, O, 0 or 1). */
    private static String unknownCode(int i) {
        String a = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return "Z9" + a.charAt(i % a.length()) + a.charAt(i / a.length() % a.length()) + "9Z";
    }

    /** Refills during the loop: one guess every 60/budget seconds, plus one for rounding. */
    private static int slack(long t0) {
        return (int) ((System.nanoTime() - t0) / 1_000_000 * BUDGET / 60_000) + 1;
    }

    private static boolean exhaustedBy(Http client) {
        return client.get("/api/sessions/" + unknownCode(7)).status() == 429;
    }

    /** Guesses unknown codes until refused (at most a few budgets' worth). */
    private static boolean exhaust(Http client) {
        for (int i = 0; i < 3 * BUDGET; i++) {
            if (exhaustedBy(client)) {
                return true;
            }
        }
        return false;
    }

    /** A refill may land between two requests (one every 2 s): try the pair a few times. */
    private static boolean refusedRightAfterExhausting(Http client, java.util.function.IntPredicate refused) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (exhaust(client) && refused.test(attempt)) {
                return true;
            }
        }
        return false;
    }
}
