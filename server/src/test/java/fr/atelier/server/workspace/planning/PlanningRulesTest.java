package fr.atelier.server.workspace.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.server.http.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure pieces of planning: Paris dates, code holding times, who may see and run a session. */
class PlanningRulesTest {
    static final Viewer ANA = new Viewer("a_ana", Viewer.FACILITATOR, Set.of("t_dreux"));
    static final Viewer BEA = new Viewer("a_bea", Viewer.FACILITATOR, Set.of("t_dreux"));
    static final Viewer ZOE = new Viewer("a_zoe", Viewer.FACILITATOR, Set.of("t_dreux"));
    static final Viewer CYR = new Viewer("a_cyr", Viewer.COORDINATOR, Set.of("t_dreux"));
    static final Viewer EVE = new Viewer("a_eve", Viewer.COORDINATOR, Set.of("t_tours"));
    static final Viewer ADA = new Viewer("a_ada", Viewer.ADMIN, Set.of());

    static Plan plan() {
        return new Plan("pl_1", "ABCDEF", "quiz", "Quiz", null, null, "t_dreux", "", "", null, "a_ana", List.of("a_bea"),
                Instant.EPOCH, null, null, Plan.Status.PREPARED);
    }

    @Test
    void datesAreTypedAndShownInParisTime() {
        Instant winter = When.parse("2026-12-13T14:00");
        assertThat(winter).isEqualTo(Instant.parse("2026-12-13T13:00:00Z"));
        assertThat(When.parse("2026-07-01T09:30")).isEqualTo(Instant.parse("2026-07-01T07:30:00Z"));
        assertThat(When.local(winter)).isEqualTo("2026-12-13T14:00");
        assertThat(When.day(winter)).isEqualTo("dimanche 13 décembre 2026");
        assertThat(When.time(winter)).isEqualTo("14 h 00");
        assertThat(When.notStarted("Quiz", winter))
                .isEqualTo("La séance « Quiz » commence le dimanche 13 décembre 2026 à 14 h 00 ; revenez à ce moment-là.");
        assertThat(When.parse(" ")).isNull();
        assertThatThrownBy(() -> When.parse("13/12/2026")).isInstanceOf(ApiError.class).hasMessageContaining("illisibles");
    }

    @Test
    void aReservedCodeOutlivesTheStartAndNeverLastsLessThanADay() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(Planner.holdFor(now.plus(Duration.ofDays(7)), now)).isEqualTo(Duration.ofDays(14));
        assertThat(Planner.holdFor(now.minus(Duration.ofDays(30)), now)).isEqualTo(Duration.ofDays(1));
        assertThat(Planner.holdFor(null, now)).isEqualTo(Planner.UNDATED_HOLD);
    }

    @Test
    void facilitatorsRunCoordinatorsReadOtherTerritoriesAreRefused() {
        Plan p = plan();
        Access.checkRun(ANA, p);
        Access.checkRun(BEA, p);
        Access.checkSee(CYR, p);
        Access.checkSee(ADA, p);
        assertThatThrownBy(() -> Access.checkRun(CYR, p)).hasMessage(Access.COORDINATOR_READS);
        assertThatThrownBy(() -> Access.checkSee(ZOE, p)).hasMessage(Access.NOT_YOURS);
        assertThatThrownBy(() -> Access.checkSee(EVE, p)).hasMessage(Access.OTHER_TERRITORY)
                .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(403));
        Access.checkPrepare(ANA, "t_dreux");
        Access.checkPrepare(ADA, "t_tours");
        assertThatThrownBy(() -> Access.checkPrepare(ANA, "t_tours")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> Access.checkPrepare(CYR, "t_dreux")).hasMessage(Access.COORDINATOR_READS);
    }

    @Test
    void aPreparedProjectIsANewOneForDessineMoiOnly() {
        com.fasterxml.jackson.databind.node.ObjectNode settings = fr.atelier.workshops.core.Json.MAPPER.createObjectNode();
        assertThat(PreparedProject.of("prioritisation", settings)).isNull();
        settings.putObject("project").putObject("new").put("sector", "  Soins ").put("territory", "Dreux");
        assertThat(PreparedProject.of("prioritisation", settings)).isEqualTo(new PreparedProject("", "Soins", "Dreux", ""));
        assertThatThrownBy(() -> PreparedProject.of("hackathon", settings)).hasMessageContaining("Dessine-moi");
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.path("project").path("new")).put("sector", " ");
        assertThatThrownBy(() -> PreparedProject.of("prioritisation", settings)).hasMessageContaining("secteur");
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.path("project").path("new")).put("sector", "a\nb");
        assertThatThrownBy(() -> PreparedProject.of("prioritisation", settings)).hasMessageContaining("une ligne");
        settings.putObject("project").put("id", "pj_x");
        assertThatThrownBy(() -> PreparedProject.of("prioritisation", settings)).hasMessage(PreparedProject.CONTINUE_IN_CONSOLE);
    }
}
