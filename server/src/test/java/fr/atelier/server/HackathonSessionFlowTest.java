package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.live.Tokens;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole "Hack ton orientation" session over real WebSockets, the embedded Redis and PostgreSQL:
 * challenges from the library, a jury invitation (only its hash goes to the server), two teams of
 * two formed from the phones, the juror claiming the seat, timed phases, a conflicting edit merged,
 * presence, ideas and dots, pitches with their order, jury and public scores, prizes, end, archive,
 * synthesis and CSV. Every frame another team's phone received is then searched for what it must
 * never have seen.
 */
class HackathonSessionFlowTest {
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.embedded();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonNode ack(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
        return answer;
    }

    private static JsonNode rejected(WsClient client, JsonNode command, String code) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("rejected");
        assertThat(answer.path("code").asText()).isEqualTo(code);
        return answer;
    }

    private static JsonNode activity(JsonNode view) {
        return view.path("activity");
    }

    private static Predicate<JsonNode> stage(String stage) {
        return v -> activity(v).path("stage").asText().equals(stage);
    }

    private static ObjectNode edit(String field, int baseRev, String text) {
        return cmd("hackathon.edit").put("field", field).put("baseRev", baseRev).put("text", text);
    }

    private static ObjectNode scores(String team, int impact, int feasibility, int originality, int pitch) {
        ObjectNode c = cmd("hackathon.score").put("teamId", team);
        c.putObject("scores").put("impact", impact).put("faisabilite", feasibility).put("originalite", originality).put("pitch", pitch);
        return c;
    }

    private static JsonNode team(JsonNode view, String id) {
        for (JsonNode t : activity(view).path("teams")) {
            if (t.path("id").asText().equals(id)) {
                return t;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void fromTeamFormingToThePrizesAndTheArchive() {
        // ---- the library: catalogue, import with a line-numbered report, export ----
        JsonNode catalogue = http.get("/api/formats/hackathon/library").json();
        assertThat(catalogue.findValuesAsText("id")).contains("hack-ton-orientation");
        JsonNode kit = http.get("/api/formats/hackathon/library/hack-ton-orientation").json();
        assertThat(kit.path("challenges")).hasSize(4);
        Http.Response bad = http.post("/api/formats/hackathon/library/parse?kind=yaml",
                "challenges:\n  - id: mobilite\n    title: Mobilité\nrubric: []\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("problems").toString())
                .contains("{\"line\":2,\"message\":\"Défi « mobilite » : le champ « statement » est obligatoire.\"}")
                .contains("{\"line\":4,\"message\":\"Le fichier : « rubric » ne peut pas être vide.\"}");
        Http.Response exported = http.post("/api/formats/hackathon/library/export?kind=yaml", kit.toString());
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).contains("ecole-entreprise").contains("weight: 3");

        JsonNode created = http.createSession("hackathon", "Hackathon de Chartres");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);
        WsClient screen = node.connect();
        screen.hello(code, "screen", null);

        // ---- set-up in the lobby: an edited kit (a fifth challenge) and a jury invitation ----
        ObjectNode setup = cmd("hackathon.setup");
        ObjectNode edited = kit.deepCopy();
        edited.withArray("challenges").addObject().put("id", "mobilite").put("title", "Se déplacer pour se former")
                .put("statement", "En zone rurale, la formation est souvent loin.").put("capacity", 1);
        setup.set("kit", edited);
        setup.putObject("settings").put("teamSize", 3).put("pitchSeconds", 120).put("dots", 2);
        ack(console, setup);
        String juryToken = Tokens.secret();
        ack(console, cmd("hackathon.inviteJury").put("label", "Présidente du jury").put("tokenHash", Tokens.hash(juryToken)));
        JsonNode seats = console.awaitView(v -> activity(v).path("jury").size() == 1);
        assertThat(seats.toString()).doesNotContain(Tokens.hash(juryToken));

        String[] names = {"Camille", "Lou", "Sami", "Nina", "Jules"};
        WsClient[] phones = new WsClient[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode joined = http.join(code, names[i]);
            phones[i] = node.connect();
            phones[i].hello(code, "participant", joined.get("rejoinToken").asText());
        }
        WsClient camille = phones[0];
        WsClient lou = phones[1];
        WsClient sami = phones[2];
        WsClient nina = phones[3];
        WsClient jules = phones[4];
        ack(console, cmd("session.start"));

        // ---- teams formed from the phones; the juror claims the seat ----
        ack(camille, cmd("hackathon.createTeam").put("name", "Les Défricheurs"));
        ack(lou, cmd("hackathon.joinTeam").put("teamId", "t1"));
        ack(sami, cmd("hackathon.createTeam").put("name", "Cap Avenir"));
        ack(nina, cmd("hackathon.joinTeam").put("teamId", "t2"));
        rejected(jules, cmd("hackathon.claimJury").put("token", Tokens.secret()), "not_found");
        ack(jules, cmd("hackathon.claimJury").put("token", juryToken));
        JsonNode julesView = jules.awaitView(v -> activity(v).path("me").path("juror").asBoolean());
        assertThat(activity(julesView).path("me").path("seat").asText()).isEqualTo("Présidente du jury");
        rejected(jules, cmd("hackathon.joinTeam").put("teamId", "t1"), "forbidden");
        // The juror judges: the projector and the join page count four participants, not five.
        assertThat(console.awaitView(v -> v.path("session").path("participantCount").asInt() == 4)
                .path("session").path("participantCount").asInt()).isEqualTo(4);
        assertThat(http.get("/api/sessions/" + code).json().path("participantCount").asInt()).isEqualTo(4);

        ack(camille, cmd("hackathon.chooseChallenge").put("challengeId", "mobilite"));
        JsonNode full = rejected(sami, cmd("hackathon.chooseChallenge").put("challengeId", "mobilite"), "invalid");
        assertThat(full.path("message").asText()).contains("complet");
        ack(sami, cmd("hackathon.chooseChallenge").put("challengeId", "parler-competences"));
        JsonNode forming = screen.awaitView(v -> team(v, "t2").path("challengeId").asText().equals("parler-competences"));
        assertThat(team(forming, "t1").path("members").toString()).isEqualTo("[\"Camille\",\"Lou\"]");

        // ---- Understand: a countdown on every screen, a conflicting edit merged, presence ----
        ack(console, cmd("hackathon.advance").put("to", "UNDERSTAND").put("minutes", 20));
        JsonNode understand = screen.awaitView(stage("UNDERSTAND"));
        long deadline = activity(understand).path("deadline").asLong();
        assertThat(deadline).isGreaterThan(System.currentTimeMillis() + 19 * 60_000L);
        assertThat(activity(nina.awaitView(stage("UNDERSTAND"))).path("deadline").asLong()).isEqualTo(deadline);

        ack(camille, edit("persona", 0, "Inès, 17 ans, lycéenne à Nogent-le-Rotrou, sans permis"));
        JsonNode conflict = rejected(lou, edit("persona", 0, "Inès, 17 ans, rêve de travailler avec les animaux"), "conflict");
        assertThat(conflict.path("message").asText()).contains("Camille");
        JsonNode louSees = lou.awaitView(v -> activity(v).path("workspace").path("fields").path("persona").path("rev").asInt() == 1);
        assertThat(activity(louSees).path("workspace").path("fields").path("persona").path("text").asText()).contains("sans permis");
        ack(lou, edit("persona", 1, "Inès, 17 ans, lycéenne à Nogent-le-Rotrou, sans permis ; rêve de travailler avec les animaux"));
        ack(lou, edit("problem", 0, "Comment pourrions-nous aider Inès à découvrir des métiers près de chez elle ?"));
        ack(lou, cmd("hackathon.focus").put("field", "needs"));
        JsonNode camilleSees = camille.awaitView(v -> activity(v).path("workspace").path("presence").toString().contains("needs"));
        assertThat(activity(camilleSees).path("workspace").path("fields").path("persona").path("text").asText())
                .isEqualTo("Inès, 17 ans, lycéenne à Nogent-le-Rotrou, sans permis ; rêve de travailler avec les animaux");
        JsonNode presence = activity(camilleSees).path("workspace").path("presence");
        assertThat(presence.toString()).contains("\"nickname\":\"Lou\"");
        ack(lou, cmd("hackathon.blur").put("field", "needs"));
        camille.awaitView(v -> !activity(v).path("workspace").path("presence").toString().contains("needs"));
        ack(sami, edit("persona", 0, "Karim, 45 ans, ancien cariste en reconversion"));
        JsonNode progress = screen.awaitView(v -> team(v, "t1").path("progress").path("problem").asInt() == 2);
        assertThat(progress.toString()).doesNotContain("Inès").doesNotContain("Karim");

        // ---- Imagine: ideas and dot votes inside each team ----
        ack(console, cmd("hackathon.advance").put("to", "IMAGINE"));
        ack(camille, cmd("hackathon.addIdea").put("text", "Une carte des entreprises qui accueillent des stagiaires"));
        ack(lou, cmd("hackathon.addIdea").put("text", "Un covoiturage solidaire vers les stages"));
        ack(nina, cmd("hackathon.addIdea").put("text", "Un passeport des compétences du bénévolat"));
        ack(camille, cmd("hackathon.dot").put("ideaId", "i2").put("on", true));
        ack(lou, cmd("hackathon.dot").put("ideaId", "i2").put("on", true));
        rejected(sami, cmd("hackathon.dot").put("ideaId", "i2").put("on", true), "not_found");
        JsonNode ideas = camille.awaitView(v -> activity(v).path("workspace").path("ideas").path(0).path("dots").asInt() == 2);
        assertThat(activity(ideas).path("workspace").path("ideas").get(0).path("text").asText()).startsWith("Un covoiturage");
        assertThat(activity(ideas).path("me").path("dotsLeft").asInt()).isEqualTo(1);

        // ---- Build: the solution canvases ----
        ack(console, cmd("hackathon.advance").put("to", "BUILD"));
        ack(camille, edit("name", 0, "Stage Express"));
        ack(lou, edit("pitch", 0, "Le covoiturage solidaire qui emmène chaque élève vers son stage."));
        ack(camille, edit("firstStep", 0, "Recenser dix conducteurs bénévoles à Nogent."));
        ack(sami, edit("name", 0, "Passeport Talents"));
        ack(nina, edit("pitch", 0, "Faire reconnaître les compétences du bénévolat."));
        sami.awaitView(v -> activity(v).path("workspace").path("fields").path("pitch").path("rev").asInt() == 1);
        int beforePitch = sami.all().size();
        int screenBeforePitch = screen.all().size();

        // ---- Pitches: the order drawn with a seed, one timer per team, the solution made public ----
        ack(console, cmd("hackathon.advance").put("to", "PITCH").put("seed", 20251125L));
        JsonNode pitch = screen.awaitView(stage("PITCH"));
        List<String> order = List.of(activity(pitch).path("pitch").path("order").get(0).asText(),
                activity(pitch).path("pitch").path("order").get(1).asText());
        assertThat(order).containsExactlyInAnyOrder("t1", "t2");
        rejected(camille, edit("name", 1, "Trop tard"), "wrong_phase");
        ack(console, cmd("hackathon.pitchOrder").set("order", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                .add("t1").add("t2")));
        rejected(jules, scores("t1", 5, 4, 4, 5), "wrong_phase");
        ack(console, cmd("hackathon.pitch").put("teamId", "t1"));
        JsonNode pitching = screen.awaitView(v -> activity(v).path("pitch").path("current").asText().equals("t1"));
        assertThat(activity(pitching).path("pitch").path("deadline").asLong()).isGreaterThan(System.currentTimeMillis() + 100_000L);
        assertThat(team(pitching, "t1").path("solution").path("name").asText()).isEqualTo("Stage Express");
        JsonNode samiSees = sami.awaitView(v -> team(v, "t1").path("solution").path("name").asText().equals("Stage Express"));
        assertThat(samiSees.toString()).doesNotContain("Inès").doesNotContain("covoiturage solidaire vers");

        ack(jules, scores("t1", 5, 4, 4, 5));
        ack(sami, scores("t1", 4, 4, 5, 4));
        rejected(camille, scores("t1", 5, 5, 5, 5), "forbidden");
        ack(console, cmd("hackathon.pitch").put("teamId", "t2"));
        ack(jules, scores("t2", 3, 4, 3, 3));

        // ---- Vote: the room votes; no score on phones or the projector before the prizes ----
        ack(console, cmd("hackathon.advance").put("to", "VOTE").put("minutes", 5));
        ack(camille, scores("t2", 3, 3, 3, 3));
        ack(lou, scores("t2", 2, 3, 2, 3));
        ack(nina, scores("t1", 5, 5, 4, 5));
        JsonNode voting = screen.awaitView(v -> activity(v).path("votes").path("publicBallots").asInt() == 4);
        assertThat(activity(voting).has("results")).isFalse();
        assertThat(voting.toString()).doesNotContain("\"total\"");
        JsonNode camilleVote = camille.awaitView(v -> activity(v).path("myScores").has("t2"));
        assertThat(activity(camilleVote).has("results")).isFalse();
        assertThat(activity(camilleVote).path("myScores").path("t2").path("impact").asInt()).isEqualTo(3);
        JsonNode live = console.awaitView(v -> activity(v).path("results").path("teams").path(0).path("public").path("ballots").asInt() == 2);
        assertThat(activity(live).path("results").path("revealed").asBoolean()).isFalse();

        // ---- Prizes ----
        ack(console, cmd("hackathon.advance").put("to", "RESULTS"));
        JsonNode prizes = screen.awaitView(stage("RESULTS"));
        JsonNode results = activity(prizes).path("results");
        // Jury: t1 = (3×5 + 2×4 + 2×4 + 1×5) / 8 = 4.5; t2 = (3×3 + 2×4 + 2×3 + 1×3) / 8 = 3.25.
        assertThat(results.path("juryPrize").toString()).isEqualTo("[\"t1\"]");
        assertThat(results.path("teams").get(0).path("jury").path("total").asDouble()).isEqualTo(4.5);
        // Public: t1 = mean of Sami and Nina per criterion → (3×4.5 + 2×4.5 + 2×4.5 + 1×4.5) / 8 = 4.5; t2 → 2.69.
        assertThat(results.path("publicPrize").toString()).isEqualTo("[\"t1\"]");
        assertThat(results.path("teams").get(1).path("public").path("total").asDouble()).isEqualTo(2.69);
        nina.awaitView(v -> activity(v).path("results").path("revealed").asBoolean());

        // ---- what the other team's phones and the projector received, frame by frame ----
        List<JsonNode> samiFrames = sami.all();
        for (int i = 0; i < samiFrames.size(); i++) {
            String frame = samiFrames.get(i).toString();
            assertThat(frame).as("Sami's frame %d", i).doesNotContain("Inès").doesNotContain("covoiturage solidaire vers")
                    .doesNotContain("Une carte des entreprises").doesNotContain(Tokens.hash(juryToken));
            if (i < beforePitch) {
                assertThat(frame).as("Sami's frame %d, before the pitches", i).doesNotContain("Stage Express");
            }
        }
        List<JsonNode> screenFrames = screen.all();
        for (int i = 0; i < screenFrames.size(); i++) {
            String frame = screenFrames.get(i).toString();
            assertThat(frame).doesNotContain("Inès").doesNotContain("Karim").doesNotContain("Un passeport des compétences");
            if (i < screenBeforePitch) {
                assertThat(frame).doesNotContain("Stage Express").doesNotContain("Passeport Talents");
            }
        }

        // ---- end, archive, synthesis, CSV ----
        ack(console, cmd("session.openSatisfaction"));
        ack(camille, cmd("session.rate").put("score", 5).put("comment", "Super journée"));
        ack(console, cmd("session.end"));
        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
        pg.await(v -> Long.valueOf(2).equals(v), "select count(*) from hackathon_team where session_id = ?", sessionId);
        assertThat(pg.rows("select team_id, name, challenge_id, member_count, project_name, jury_score::text, jury_prize, public_prize,"
                + " pitch_position from hackathon_team where session_id = ? order by team_id", sessionId).toString())
                .isEqualTo("[[t1, Les Défricheurs, mobilite, 2, Stage Express, 4.50, true, true, 1],"
                        + " [t2, Cap Avenir, parler-competences, 2, Passeport Talents, 3.25, false, false, 2]]");
        assertThat(pg.value("select count(*) from hackathon_challenge where session_id = ?", sessionId)).isEqualTo(5L);
        assertThat(pg.value("select count(*) from hackathon_canvas_field where session_id = ?", sessionId)).isEqualTo(22L);
        assertThat(pg.value("select revisions from hackathon_canvas_field where session_id = ? and team_id = 't1' and field_id = 'persona'",
                sessionId)).isEqualTo(2);
        assertThat(pg.value("select dots from hackathon_idea where session_id = ? and idea_id = 'i2'", sessionId)).isEqualTo(2);
        assertThat(pg.value("select count(*) from hackathon_member where session_id = ?", sessionId)).isEqualTo(4L);
        assertThat(pg.value("select participant_id is not null from hackathon_jury_seat where session_id = ?", sessionId)).isEqualTo(true);
        // 2 jury ballots and 4 public ones, 4 criteria each.
        assertThat(pg.value("select count(*) from hackathon_score where session_id = ?", sessionId)).isEqualTo(24L);
        assertThat(pg.rows("select voter_kind, avg(score)::numeric(3,2)::text from hackathon_score where session_id = ? and team_id = 't1'"
                + " and criterion_id = 'impact' group by voter_kind order by voter_kind", sessionId).toString())
                .isEqualTo("[[jury, 5.00], [public, 4.50]]");
        assertThat(pg.value("select count(*) from session_event where session_id = ? and type = 'hackathon.setUp'", sessionId)).isEqualTo(1L);
        assertThat(pg.value("select payload::text from session_event where session_id = ? and type = 'hackathon.juryInvited'", sessionId)
                .toString()).contains(Tokens.hash(juryToken)).doesNotContain(juryToken);

        long scoreRows = (Long) pg.value("select count(*) from hackathon_score where session_id = ?", sessionId);
        node.server().archiver().archive(sessionId).await();
        assertThat(pg.value("select count(*) from hackathon_score where session_id = ?", sessionId)).isEqualTo(scoreRows);
        assertThat(pg.value("select count(*) from hackathon_team where session_id = ?", sessionId)).isEqualTo(2L);
        assertThat(pg.value("select participant_count from session where id = ?", sessionId)).as("the juror left out").isEqualTo(4);

        JsonNode synthesis = http.get("/api/sessions/" + code + "/synthesis", host).json();
        JsonNode r = synthesis.path("results");
        assertThat(r.path("revealed").asBoolean()).isTrue();
        assertThat(r.path("teams").get(0).path("problem").get(0).path("text").asText()).contains("Inès");
        assertThat(r.path("teams").get(0).path("ideas").get(0).path("author").asText()).isEqualTo("Lou");
        assertThat(r.path("jury").toString()).contains("Présidente du jury (Jules)");

        Http.Response csv = http.get("/api/sessions/" + code + "/export.csv", host);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"Les Défricheurs\";\"Se déplacer pour se former\";\"Camille, Lou\";\"Stage Express\"")
                .contains("\"4,5\"").contains("\"Un covoiturage solidaire vers les stages\";\"Lou\";\"2\"")
                .contains("\"Impact pour les publics\";\"3\";\"5\";\"4,5\"");

        for (WsClient c : phones) {
            c.close();
        }
        console.close();
        screen.close();
    }
}
