package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the privacy notice and the accessibility statement read from the environment (issue 19). */
class NoticesTest {

    @Test
    void withNothingSetThePagesNameNoOneAndSayTwelveMonths() {
        Notices n = Notices.from(Map.of(), 48);
        assertThat(n.organisation()).isNull();
        assertThat(n.contact()).isNull();
        assertThat(n.retentionMonths()).isEqualTo(12);
        assertThat(n.json().toString())
                .isEqualTo("{\"organisation\":null,\"contact\":null,\"retentionMonths\":12,\"liveRetentionHours\":48}");
    }

    @Test
    void theOrganisationItsContactAndTheRetentionComeFromTheEnvironment() {
        Notices n = Notices.from(Map.of("ATELIER_ORG_NAME", "  CIO de Dreux ", "ATELIER_ORG_CONTACT", "dpo@cio-dreux.fr",
                "ATELIER_RETENTION_MONTHS", "6"), 24);
        assertThat(n).isEqualTo(new Notices("CIO de Dreux", "dpo@cio-dreux.fr", 6, 24));
        assertThat(Notices.from(Map.of("ATELIER_ORG_NAME", " "), 48).organisation()).isNull();
    }

    @Test
    void aRetentionThatIsNotAPositiveNumberStopsTheStart() {
        assertThatThrownBy(() -> Notices.from(Map.of("ATELIER_RETENTION_MONTHS", "0"), 48)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Notices.from(Map.of("ATELIER_RETENTION_MONTHS", "douze"), 48)).isInstanceOf(NumberFormatException.class);
    }
}
