package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The join address phones get, whatever address the facilitator typed in the browser. */
class JoinBaseTest {
    private static final Optional<String> LAN = Optional.of("192.168.1.23");

    @Test
    void aPageOpenedOnLocalhostSendsPhonesToTheRoomNetworkAddress() {
        assertThat(JoinBase.choose(null, "http", "localhost:8080", false, () -> LAN))
                .isEqualTo(new JoinBase.Choice("http://192.168.1.23:8080", true));
        assertThat(JoinBase.choose(null, "http", "127.0.0.1:8080", false, () -> LAN).base()).isEqualTo("http://192.168.1.23:8080");
        assertThat(JoinBase.choose(null, "http", "[::1]:9000", false, () -> LAN).base()).isEqualTo("http://192.168.1.23:9000");
        assertThat(JoinBase.choose(null, "http", "localhost", false, () -> LAN).base()).isEqualTo("http://192.168.1.23");
    }

    @Test
    void aServerBoundToLoopbackOnPurposeKeepsTheAddressAsOpened() {
        assertThat(JoinBase.isLoopback("127.0.0.1")).isTrue();
        assertThat(JoinBase.isLoopback("[::1]")).isTrue();
        assertThat(JoinBase.isLoopback("0.0.0.0")).isFalse();
        assertThat(JoinBase.isLoopback("::")).isFalse();
    }

    @Test
    void withNoNetworkButLoopbackThePageIsWarned() {
        assertThat(JoinBase.choose(null, "http", "localhost:8080", false, Optional::empty))
                .isEqualTo(new JoinBase.Choice("http://localhost:8080", false));
    }

    @Test
    void aPublicUrlAProxyOrARealHostNameChangeNothing() {
        assertThat(JoinBase.choose("https://atelier.example.org", "http", "localhost:8080", false, () -> LAN))
                .isEqualTo(new JoinBase.Choice("https://atelier.example.org", true));
        assertThat(JoinBase.choose(null, "http", "localhost:8080", true, () -> LAN).base()).isEqualTo("http://localhost:8080");
        assertThat(JoinBase.choose(null, "http", "192.168.1.50:8080", false, () -> LAN).base()).isEqualTo("http://192.168.1.50:8080");
        assertThat(JoinBase.choose(null, "https", "atelier.local", false, () -> LAN).base()).isEqualTo("https://atelier.local");
    }
}
