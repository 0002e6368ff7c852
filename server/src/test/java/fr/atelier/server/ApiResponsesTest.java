package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every API answer is JSON a program can read, with the pages' protection against MIME sniffing (issue 11, item 4). */
class ApiResponsesTest {
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.fastest();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anUnknownApiAddressAnswersTheJsonErrorBody() {
        for (Http.Response r : new Http.Response[] {
                http.get("/api/nothing-here"),
                http.get("/api/sessions/ABCDEF/nothing"),
                http.post("/api/sessions/ABCDEF/nothing", "{}")}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("not_found");
            assertThat(r.json().path("error").path("message").asText()).contains("n'existe pas");
        }
    }

    @Test
    void jsonAnswersCarryNosniff() {
        for (Http.Response r : new Http.Response[] {
                http.get("/api/formats"),
                http.get("/api/sessions/ZZZZZZ"),
                http.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Atelier\"}"),
                http.get("/health/live")}) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.body()).hasValue("nosniff");
        }
    }
}
