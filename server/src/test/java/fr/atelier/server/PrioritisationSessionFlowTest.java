package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Dessine-moi le travail" over real WebSockets, Redis and PostgreSQL: a project is created, a first
 * session collects, moderates, groups into themes, votes and builds an action plan, and is archived;
 * a second session of the same project starts from all of it and updates the plan; a session that
 * claims the project without its key changes nothing in it.
 */
class PrioritisationSessionFlowTest {
    static TestNode node;
    static Http http;
    static Pg pg;

    @BeforeAll
    static void start() {
        // The embedded default: a database of its own, whatever other tests did to the shared one.
        node = TestNode.embedded();
        http = node.http();
        pg = new Pg(node.server().databaseUrl());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A phone: its socket and its participant id. */
    record Phone(WsClient ws, String id, String nickname) {}

    private static void ack(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
    }

    private static JsonNode rejected(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("rejected");
        return answer;
    }

    private static Phone join(String code, String nickname) {
        JsonNode joined = http.join(code, nickname);
        WsClient phone = node.connect();
        assertThat(phone.hello(code, "participant", joined.get("rejoinToken").asText()).path("type").asText()).isEqualTo("welcome");
        return new Phone(phone, joined.get("participantId").asText(), nickname);
    }

    /** Posts a contribution from a phone and returns its id, as the phone's own view shows it. */
    private static String contribute(Phone phone, String text, String kind, String category) {
        ack(phone.ws(), cmd("prioritisation.contribute").put("text", text).put("kind", kind).put("category", category));
        JsonNode view = phone.ws().awaitView(v -> contains(v.path("activity").path("me").path("contributions"), text));
        for (JsonNode c : view.path("activity").path("me").path("contributions")) {
            if (c.path("text").asText().equals(text)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("not found");
    }

    private static boolean contains(JsonNode list, String text) {
        for (JsonNode c : list) {
            if (c.path("text").asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode useProject(String projectId, String key, String tag) {
        Http.Response r = http.get("/api/projects/" + projectId, key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ObjectNode c = cmd("prioritisation.useProject").put("projectKey", key).put("tag", tag);
        c.set("project", r.json().get("project"));
        return c;
    }

    private static String sessionId(String code) {
        return (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
    }

    private static String proposalId(JsonNode console, String text) {
        for (JsonNode p : console.path("activity").path("vote").path("proposals")) {
            if (p.path("text").asText().equals(text)) {
                return p.path("id").asText();
            }
        }
        throw new AssertionError("no proposal " + text);
    }

    @Test
    void aProjectRunsOverTwoSessionsFromCollectionToAnUpdatedActionPlan() {
        // ---- the project ------------------------------------------------------------------------
        assertThat(http.post("/api/projects", "{\"territory\":\"Dreux\"}").status()).isEqualTo(400);
        Http.Response createdProject = http.post("/api/projects",
                "{\"sector\":\"Aide à domicile\",\"territory\":\"Dreux\",\"targetPublic\":\"Jeunes et demandeurs d'emploi\"}");
        assertThat(createdProject.status()).as(createdProject.body()).isEqualTo(201);
        String projectId = createdProject.json().get("projectId").asText();
        String key = createdProject.json().get("projectKey").asText();
        assertThat(createdProject.json().get("projectUrl").asText()).contains("/projets/" + projectId + "#k=");
        assertThat(http.get("/api/projects/" + projectId, "mauvaise-cle").status()).isEqualTo(401);
        assertThat(http.get("/api/projects/" + projectId).status()).isEqualTo(401);
        assertThat(http.get("/api/projects/pj_inconnu", key).status()).isEqualTo(404);
        JsonNode empty = http.get("/api/projects/" + projectId, key).json();
        assertThat(empty.path("project").path("name").asText()).isEqualTo("Aide à domicile — Dreux");
        assertThat(empty.path("project").path("contributions")).isEmpty();
        assertThat(empty.path("project").has("keyHash")).isFalse();

        // ---- session 1: collect ----------------------------------------------------------------
        JsonNode created = http.createSession("prioritisation", "Dessine-moi le travail, séance 1");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        WsClient screen = node.connect();
        screen.hello(code, "screen", null);
        ack(console, useProject(projectId, key, "s1ab"));
        console.awaitView(v -> v.path("activity").path("project").path("id").asText().equals(projectId));

        Map<String, String> profiles = new LinkedHashMap<>();
        profiles.put("Camille", "young");
        profiles.put("Élodie", "jobseeker");
        profiles.put("Marc", "employer");
        profiles.put("Sophie", "partner");
        List<Phone> phones = new ArrayList<>();
        for (String nickname : profiles.keySet()) {
            phones.add(join(code, nickname));
        }
        Phone camille = phones.get(0);
        Phone elodie = phones.get(1);
        Phone marc = phones.get(2);
        Phone sophie = phones.get(3);
        ack(console, cmd("session.start"));
        for (Phone p : phones) {
            ack(p.ws(), cmd("prioritisation.setProfile").put("profile", profiles.get(p.nickname())));
            p.ws().awaitView(v -> v.path("activity").path("me").path("profileChosen").asBoolean());
        }
        rejected(camille.ws(), cmd("prioritisation.setProfile").put("profile", "astronaute"));

        String horaires = contribute(camille, "Les horaires du week-end font peur", "difficulty", "conditions");
        String college = contribute(elodie, "Personne ne m'a parlé de ce métier au colège", "experience", "communication");
        String samedi = contribute(marc, "Nous n'arrivons pas à recruter pour le samedi", "difficulty", "recruitment");
        String decales = contribute(sophie, "Les horaires décalés effraient les jeunes", "representation", "conditions");
        String salaire = contribute(camille, "<b>Salaire</b> trop bas pour les trajets", "representation", "valorisation");
        String stages = contribute(marc, "Faire découvrir le métier par des stages courts", "proposal", "communication");
        String blague = contribute(elodie, "test test", "representation", "other");
        rejected(marc.ws(), cmd("prioritisation.contribute").put("text", "x".repeat(281)).put("kind", "difficulty").put("category", "conditions"));

        // Phones see their own words only, and nobody's id.
        JsonNode camilleView = camille.ws().awaitView(v -> v.path("activity").path("me").path("contributions").size() == 2);
        assertThat(camilleView.toString()).doesNotContain("recruter pour le samedi").doesNotContain(marc.id()).doesNotContain(elodie.id());
        // Held for approval (issue 15, item 4, on by default): the console lists them, the wall shows none yet.
        JsonNode queue = console.awaitView(v -> v.path("activity").path("contributions").size() == 7);
        assertThat(queue.path("activity").path("contributions")).allMatch(c -> c.path("pending").asBoolean());
        JsonNode bareWall = screen.awaitView(v -> v.path("activity").has("wall"));
        assertThat(bareWall.path("activity").path("wall").path("total").asInt()).isZero();
        assertThat(bareWall.toString()).doesNotContain("horaires du week-end");
        assertThat(camille.ws().awaitView(v -> v.path("activity").path("me").path("contributions").size() == 2)
                .path("activity").path("me").path("contributions").get(0).path("status").asText()).isEqualTo("pending");
        for (String id : List.of(horaires, college, samedi, decales, salaire, stages, blague)) {
            ack(console, cmd("prioritisation.hide").put("contributionId", id).put("hidden", false));
        }
        // The projector's wall, grouped by category, without names or profiles.
        JsonNode wall = screen.awaitView(v -> v.path("activity").path("wall").path("total").asInt() == 7);
        JsonNode conditions = wall.path("activity").path("wall").path("columns").get(0);
        assertThat(conditions.path("category").asText()).isEqualTo("conditions");
        assertThat(conditions.path("items")).hasSize(2);
        assertThat(wall.path("activity").toString()).doesNotContain("Camille").doesNotContain(camille.id());
        assertThat(wall.path("activity").findValues("profile")).isEmpty();

        // ---- moderation -----------------------------------------------------------------------
        ack(console, cmd("prioritisation.edit").put("contributionId", college).put("text", "Personne ne m'a parlé de ce métier au collège"));
        ack(console, cmd("prioritisation.merge").put("contributionId", decales).put("intoId", horaires));
        ack(console, cmd("prioritisation.hide").put("contributionId", blague).put("hidden", true));
        rejected(camille.ws(), cmd("prioritisation.hide").put("contributionId", blague).put("hidden", true));
        JsonNode moderated = screen.awaitView(v -> v.path("activity").path("wall").path("total").asInt() == 6
                && v.path("activity").path("wall").path("columns").get(0).path("items").size() == 1);
        assertThat(moderated.path("activity").path("wall").path("columns").get(0).path("items").get(0).path("weight").asInt()).isEqualTo(2);
        elodie.ws().awaitView(v -> v.path("activity").path("me").path("contributions").toString().contains("\"hidden\""));

        // ---- synthesis ------------------------------------------------------------------------
        ack(console, cmd("prioritisation.setStage").put("stage", "SYNTHESIS"));
        rejected(camille.ws(), cmd("prioritisation.contribute").put("text", "Trop tard ?").put("kind", "difficulty").put("category", "other"));
        ObjectNode theme1 = cmd("prioritisation.createTheme").put("name", "Horaires atypiques");
        theme1.withArray("contributionIds").add(horaires).add(samedi).add(decales);
        ack(console, theme1);
        ObjectNode theme2 = cmd("prioritisation.createTheme").put("name", "Image et connaissance du métier");
        theme2.withArray("contributionIds").add(college).add(salaire).add(stages);
        ack(console, theme2);
        JsonNode synthesis = screen.awaitView(v -> v.path("activity").path("synthesis").path("themes").size() == 2);
        JsonNode first = synthesis.path("activity").path("synthesis").path("themes").get(0);
        assertThat(first.path("name").asText()).isEqualTo("Horaires atypiques");
        assertThat(first.path("counts").path("count").asInt()).isEqualTo(3);
        assertThat(first.path("recurring").asBoolean()).isTrue();
        assertThat(first.path("counts").path("bySide").path("public").asInt()).isEqualTo(1);
        assertThat(first.path("counts").path("bySide").path("employers").asInt()).isEqualTo(1);
        assertThat(first.path("counts").path("byProfile").path("partner").asInt()).isEqualTo(1);
        assertThat(first.path("counts").path("byCategory").path("conditions").asInt()).isEqualTo(2);
        JsonNode consoleView = console.awaitView(v -> v.path("activity").path("synthesis").path("themes").size() == 2);
        String horairesTheme = consoleView.path("activity").path("synthesis").path("themes").get(0).path("id").asText();
        String imageTheme = consoleView.path("activity").path("synthesis").path("themes").get(1).path("id").asText();

        // ---- proposals and vote -------------------------------------------------------------------
        ack(console, cmd("prioritisation.propose").put("contributionId", stages));
        ack(console, cmd("prioritisation.propose").put("text", "Organiser un job dating le samedi matin").put("themeId", horairesTheme));
        ack(console, cmd("prioritisation.propose").put("text", "Témoignages de professionnels dans les collèges").put("themeId", imageTheme));
        ack(console, cmd("prioritisation.settings").put("budget", 5).put("maxPerProposal", 3).put("ratings", true));
        ack(console, cmd("prioritisation.setStage").put("stage", "VOTE"));
        consoleView = console.awaitView(v -> v.path("activity").path("vote").path("proposals").size() == 3);
        String pStages = proposalId(consoleView, "Faire découvrir le métier par des stages courts");
        String pJobDating = proposalId(consoleView, "Organiser un job dating le samedi matin");
        String pTemoignages = proposalId(consoleView, "Témoignages de professionnels dans les collèges");

        int[][] dots = {
            {3, 0, 2}, // Camille (public)
            {2, 0, 3}, // Élodie (public)
            {0, 3, 2}, // Marc (employer)
            {1, 2, 0}, // Sophie (partner)
        };
        String[] ids = {pStages, pJobDating, pTemoignages};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                if (dots[i][j] > 0) {
                    ack(phones.get(i).ws(), cmd("prioritisation.vote").put("proposalId", ids[j]).put("dots", dots[i][j]));
                }
            }
            ack(phones.get(i).ws(), cmd("prioritisation.rate").put("proposalId", pStages).put("impact", 4).put("feasibility", 4));
            ack(phones.get(i).ws(), cmd("prioritisation.rate").put("proposalId", pJobDating).put("impact", 3).put("feasibility", 2));
        }
        JsonNode over = rejected(camille.ws(), cmd("prioritisation.vote").put("proposalId", pJobDating).put("dots", 1));
        assertThat(over.path("message").asText()).contains("gommettes");
        JsonNode marcVote = marc.ws().awaitView(v -> v.path("activity").path("vote").path("remaining").asInt() == 0);
        assertThat(marcVote.path("activity").has("results")).as("no result before the reveal").isFalse();
        assertThat(marcVote.path("activity").findValues("dots")).isEmpty();
        JsonNode screenVote = screen.awaitView(v -> v.path("activity").path("vote").path("voters").asInt() == 4);
        assertThat(screenVote.path("activity").has("results")).isFalse();
        assertThat(screenVote.path("activity").findValues("dots")).isEmpty();

        ack(console, cmd("prioritisation.reveal"));
        rejected(sophie.ws(), cmd("prioritisation.vote").put("proposalId", pJobDating).put("dots", 3));
        JsonNode revealed = sophie.ws().awaitView(v -> v.path("activity").path("revealed").asBoolean());
        JsonNode rows = revealed.path("activity").path("results").path("rows");
        // Stages 6, témoignages 7, job dating 5: témoignages first, then stages, then job dating.
        assertThat(rows).extracting(r -> r.path("proposalId").asText()).containsExactly(pTemoignages, pStages, pJobDating);
        assertThat(rows).extracting(r -> r.path("dots").asInt()).containsExactly(7, 6, 5);
        assertThat(rows.get(1).path("quadrant").asText()).isEqualTo("priority");
        assertThat(rows.get(2).path("quadrant").asText()).isEqualTo("project");
        assertThat(rows.get(0).path("dotsBySide").path("public").asInt()).isEqualTo(5);
        assertThat(rows.get(0).path("dotsBySide").path("employers").asInt()).isEqualTo(2);
        JsonNode employers = revealed.path("activity").path("results").path("sides").get(1);
        assertThat(employers.path("side").asText()).isEqualTo("employers");
        assertThat(employers.path("places").get(0).path("proposalId").asText()).isEqualTo(pJobDating);
        screen.awaitView(v -> v.path("activity").path("results").path("rows").size() == 3);

        // ---- action plan ------------------------------------------------------------------------
        ack(console, cmd("prioritisation.setStage").put("stage", "PLAN"));
        ack(console, cmd("prioritisation.addAction").put("proposalId", pTemoignages).put("lead", "Mission locale de Dreux").put("deadline", "2026-03-31"));
        ack(console, cmd("prioritisation.addAction").put("proposalId", pStages).put("lead", "France Travail").put("deadline", "2026-06-30"));
        rejected(console, cmd("prioritisation.addAction").put("proposalId", pStages));
        JsonNode plan = phones.get(0).ws().awaitView(v -> v.path("activity").path("plan").size() == 2);
        String actionTemoignages = plan.path("activity").path("plan").get(0).path("id").asText();
        assertThat(plan.path("activity").path("plan").get(0).path("lead").asText()).isEqualTo("Mission locale de Dreux");
        screen.awaitView(v -> v.path("activity").path("plan").size() == 2);

        ack(console, cmd("session.end"));
        String session1 = sessionId(code);
        pg.await(v -> v != null && (Long) v == 1L, "select count(*) from project_session where session_id = ?", session1);
        assertThat(pg.value("select count(*) from project_contribution where project_id = ?", projectId)).isEqualTo(7L);
        assertThat(pg.value("select hidden from project_contribution where project_id = ? and id = ?", projectId, blague)).isEqualTo(true);
        assertThat(pg.value("select merged_into from project_contribution where project_id = ? and id = ?", projectId, decales)).isEqualTo(horaires);
        assertThat(pg.value("select text from project_contribution where project_id = ? and id = ?", projectId, college))
                .isEqualTo("Personne ne m'a parlé de ce métier au collège");
        assertThat(pg.value("select profile from project_contribution where project_id = ? and id = ?", projectId, samedi)).isEqualTo("employer");
        assertThat(pg.value("select count(*) from project_theme where project_id = ?", projectId)).isEqualTo(2L);
        assertThat(pg.value("select count(*) from project_proposal where project_id = ?", projectId)).isEqualTo(3L);
        // Reports are queries: the vote by side.
        assertThat(pg.value("select sum(dots) from project_vote where session_id = ? and proposal_id = ? and profile in ('young', 'jobseeker')",
                session1, pTemoignages)).isEqualTo(5L);
        assertThat(pg.value("select count(*) from project_action where project_id = ? and status = 'planned'", projectId)).isEqualTo(2L);
        assertThat(pg.value("select deadline::text from project_action where project_id = ? and id = ?", projectId, actionTemoignages))
                .isEqualTo("2026-03-31");
        long events = (Long) pg.value("select count(*) from session_event where session_id = ?", session1);
        node.server().archiver().archive(session1).await();
        assertThat(pg.value("select count(*) from project_contribution where project_id = ?", projectId)).isEqualTo(7L);
        assertThat(pg.value("select count(*) from project_vote where session_id = ?", session1)).isEqualTo(11L);
        assertThat(pg.value("select count(*) from session_event where session_id = ?", session1)).isEqualTo(events);

        Http.Response synthesisCsv = http.get("/api/sessions/" + code + "/export.csv", created.get("hostToken").asText());
        assertThat(synthesisCsv.status()).isEqualTo(200);
        assertThat(synthesisCsv.body()).contains("\"Horaires atypiques\"").contains("\"Plan d'action\"")
                .contains("\"Mission locale de Dreux\"").contains("\"31/03/2026\"").contains("\"<b>Salaire</b> trop bas pour les trajets\"");
        JsonNode synth = http.get("/api/sessions/" + code + "/synthesis", created.get("hostToken").asText()).json();
        assertThat(synth.path("results").path("ranking").path("rows")).hasSize(3);
        for (Phone p : phones) {
            p.ws().close();
        }
        console.close();
        screen.close();

        // ---- session 2: everything is there, the plan is updated -------------------------------
        JsonNode report = http.get("/api/projects/" + projectId, key).json();
        assertThat(report.path("sessions")).hasSize(1);
        assertThat(report.path("project").path("sessions").asInt()).isEqualTo(1);
        assertThat(report.path("project").path("contributions")).as("the hidden one is not carried over").hasSize(6);
        assertThat(report.path("project").path("actions")).hasSize(2);
        assertThat(report.path("votes")).isNotEmpty();
        assertThat(report.path("synthesis").path("themes").get(0).path("counts").path("count").asInt()).isEqualTo(3);
        Http.Response planCsv = http.get("/api/projects/" + projectId + "/plan.csv", key);
        assertThat(planCsv.status()).isEqualTo(200);
        assertThat(planCsv.body()).startsWith("\uFEFF").contains("\"Témoignages de professionnels dans les collèges\"")
                .contains("\"Mission locale de Dreux\"").contains("\"À lancer\"");
        assertThat(http.get("/api/projects/" + projectId + "/plan.csv", "mauvaise-cle").status()).isEqualTo(401);

        JsonNode created2 = http.createSession("prioritisation", "Dessine-moi le travail, séance 2");
        String code2 = created2.get("code").asText();
        WsClient console2 = node.connect();
        console2.hello(code2, "facilitator", created2.get("hostToken").asText());
        ack(console2, useProject(projectId, key, "s2cd"));
        JsonNode carried = console2.awaitView(v -> v.path("activity").path("contributions").size() == 6);
        assertThat(carried.path("activity").path("project").path("previousSessions").asInt()).isEqualTo(1);
        assertThat(carried.path("activity").path("contributions")).allMatch(c -> c.path("earlier").asBoolean());
        assertThat(carried.path("activity").path("synthesis").path("themes")).hasSize(2);
        assertThat(carried.path("activity").path("plan")).hasSize(2);
        Phone nadia = join(code2, "Nadia");
        ack(console2, cmd("session.start"));
        ack(nadia.ws(), cmd("prioritisation.setProfile").put("profile", "employee"));
        String trajets = contribute(nadia, "Les trajets entre deux domiciles ne sont pas payés", "experience", "conditions");
        assertThat(trajets).startsWith("s2cd-");
        ack(console2, cmd("prioritisation.hide").put("contributionId", trajets).put("hidden", false));
        ObjectNode regroup = cmd("prioritisation.group").put("themeId", horairesTheme);
        regroup.withArray("contributionIds").add(trajets);
        ack(console2, regroup);
        ack(console2, cmd("prioritisation.updateAction").put("actionId", actionTemoignages).put("title", "Témoignages de professionnels dans les collèges")
                .put("lead", "Mission locale de Dreux").put("deadline", "2026-03-31").put("status", "in_progress"));
        ack(console2, cmd("prioritisation.addAction").put("title", "Plaquette sur les trajets remboursés").put("lead", "Fédération des employeurs"));
        ack(console2, cmd("session.end"));
        String session2 = sessionId(code2);
        pg.await(v -> v != null && (Long) v == 1L, "select count(*) from project_session where session_id = ?", session2);
        assertThat(pg.value("select status from project_action where project_id = ? and id = ?", projectId, actionTemoignages)).isEqualTo("in_progress");
        assertThat(pg.value("select updated_session_id from project_action where project_id = ? and id = ?", projectId, actionTemoignages))
                .isEqualTo(session2);
        assertThat(pg.value("select session_id from project_action where project_id = ? and id = ?", projectId, actionTemoignages))
                .as("created in the first session").isEqualTo(session1);
        assertThat(pg.value("select count(*) from project_action where project_id = ?", projectId)).isEqualTo(3L);
        assertThat(pg.value("select theme_id from project_contribution where project_id = ? and id = ?", projectId, trajets)).isEqualTo(horairesTheme);
        assertThat(pg.value("select count(*) from project_contribution where project_id = ?", projectId)).isEqualTo(8L);
        // Untouched carried-over items were not rewritten by the second session.
        assertThat(pg.value("select session_id from project_contribution where project_id = ? and id = ?", projectId, samedi)).isEqualTo(session1);
        JsonNode after = http.get("/api/projects/" + projectId, key).json();
        assertThat(after.path("sessions")).hasSize(2);
        assertThat(after.path("project").path("actions")).hasSize(3);
        assertThat(after.path("synthesis").path("themes").get(0).path("counts").path("count").asInt()).isEqualTo(4);
        nadia.ws().close();
        console2.close();

        // ---- a session that claims the project without its key is refused at once, changes nothing --
        JsonNode created3 = http.createSession("prioritisation", "Usurpation");
        String code3 = created3.get("code").asText();
        WsClient console3 = node.connect();
        console3.hello(code3, "facilitator", created3.get("hostToken").asText());
        ObjectNode forged = cmd("prioritisation.useProject").put("projectKey", "une-cle-inventee-0123456789").put("tag", "evil");
        forged.set("project", after.get("project"));
        JsonNode refused = console3.command(forged);
        assertThat(refused.path("code").asText()).as("%s", refused).isEqualTo("forbidden");
        ack(console3, cmd("session.start"));
        assertThat(console3.command(cmd("prioritisation.updateAction").put("actionId", actionTemoignages).put("title", "Sabotage")
                .put("status", "dropped")).path("code").asText()).as("the project's actions were never loaded").isEqualTo("not_found");
        ack(console3, cmd("session.end"));
        String session3 = sessionId(code3);
        pg.await(v -> v != null, "select archived_at from session where id = ?", session3);
        node.server().archiver().archive(session3).await();
        assertThat(pg.value("select count(*) from project_session where session_id = ?", session3)).isEqualTo(0L);
        assertThat(pg.value("select title from project_action where project_id = ? and id = ?", projectId, actionTemoignages))
                .isEqualTo("Témoignages de professionnels dans les collèges");
        console3.close();

        // ---- a session run without a project keeps what it collected in a project of its own -----
        JsonNode created4 = http.createSession("prioritisation", "Atelier sans projet");
        String code4 = created4.get("code").asText();
        String host4 = created4.get("hostToken").asText();
        WsClient console4 = node.connect();
        console4.hello(code4, "facilitator", host4);
        ack(console4, cmd("session.start"));
        ack(console4, cmd("prioritisation.contribute").put("text", "Post-it : le permis de conduire est exigé").put("kind", "difficulty")
                .put("category", "recruitment").put("profile", "jobseeker"));
        rejected(console4, useProject(projectId, key, "late"));
        ack(console4, cmd("session.end"));
        String session4 = sessionId(code4);
        String own = "pj_" + session4;
        pg.await(v -> v != null && (Long) v == 1L, "select count(*) from project_contribution where project_id = ?", own);
        JsonNode ownProject = http.get("/api/projects/" + own, host4).json();
        assertThat(ownProject.path("project").path("name").asText()).isEqualTo("Atelier sans projet");
        assertThat(ownProject.path("project").path("contributions").get(0).path("profile").asText()).isEqualTo("jobseeker");
        console4.close();
    }
}
