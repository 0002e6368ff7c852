package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Where a poll question's distribution is read back: the facilitator's view, and the archived synthesis. */
final class PollResults {
    private PollResults() {}

    /** The distribution of question {@code qid} in a facilitator view, or null while another question shows. */
    static int[] fromView(JsonNode view, String qid) {
        if (view == null) {
            return null;
        }
        JsonNode q = view.path("activity").path("question");
        if (!qid.equals(q.path("id").asText()) || !q.path("distribution").isArray()) {
            return null;
        }
        return ints(q.path("distribution"));
    }

    /** The question's distribution in the session's synthesis ({@code GET /api/sessions/{code}/synthesis}). */
    static int[] fromSynthesis(String host, int port, String code, String hostToken, String qid, Stats.Counters errors) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
                            + "/api/sessions/" + code + "/synthesis")).header("Authorization", "Bearer " + hostToken)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                errors.inc("synthesis_http_" + resp.statusCode());
                return null;
            }
            for (JsonNode q : Util.JSON.readTree(resp.body()).path("results")) {
                if (qid.equals(q.path("id").asText())) {
                    return ints(q.path("distribution"));
                }
            }
            return null;
        } catch (IOException e) {
            errors.inc("synthesis_failed");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int[] ints(JsonNode array) {
        int[] d = new int[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asInt();
        }
        return d;
    }
}
