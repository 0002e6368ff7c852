package fr.atelier.server.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The embedded default runs on the laptops people have, and says so clearly where it cannot. */
class EmbeddedPlatformTest {

    @Test
    void eachOperatingSystemAndArchitecturePicksItsOwnBinaries() {
        assertThat(EmbeddedPlatform.of("Linux", "amd64").name()).isEqualTo("Linux x86-64");
        assertThat(EmbeddedPlatform.of("Linux", "aarch64").name()).isEqualTo("Linux arm64");
        assertThat(EmbeddedPlatform.of("Mac OS X", "x86_64").name()).isEqualTo("macOS x86-64");
        assertThat(EmbeddedPlatform.of("Mac OS X", "aarch64").name()).isEqualTo("macOS arm64");
        assertThat(EmbeddedPlatform.of("Windows 11", "amd64").name()).isEqualTo("Windows x86-64");
        assertThat(EmbeddedPlatform.of("Windows 10", "amd64").redisResource()).endsWith(".exe");
        assertThat(EmbeddedPlatform.of("Linux", "aarch64").postgresResource()).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(EmbeddedPlatform.of("Mac OS X", "aarch64").redisResource()).contains("darwin-arm64");
    }

    @Test
    void anUnsupportedMachineGetsOneSentenceSayingWhatToDo() {
        for (String[] machine : new String[][] {{"Linux", "arm"}, {"Linux", "riscv64"}, {"Windows 11", "aarch64"}, {"FreeBSD", "amd64"}, {"Windows 10", "x86"}}) {
            assertThatThrownBy(() -> EmbeddedPlatform.of(machine[0], machine[1]))
                    .isInstanceOf(EmbeddedPlatform.UnsupportedPlatform.class)
                    .hasMessageContaining(machine[0] + " " + machine[1])
                    .hasMessageContaining("ATELIER_REDIS_URL")
                    .hasMessageContaining("ATELIER_DATABASE_URL");
        }
    }

    /** The jar is built from this classpath (shade plugin): each binary it names must be in it. */
    @Test
    void everySupportedPlatformsBinariesShipWithTheServer() throws IOException {
        assertThat(EmbeddedPlatform.SUPPORTED).hasSize(5);
        for (EmbeddedPlatform p : EmbeddedPlatform.SUPPORTED) {
            for (String resource : new String[] {p.postgresResource(), p.redisResource()}) {
                try (InputStream in = EmbeddedPlatform.class.getResourceAsStream("/" + resource)) {
                    assertThat(in).as("%s binary %s on the classpath", p.name(), resource).isNotNull();
                    assertThat(in.readNBytes(1024)).as("%s is not empty", resource).hasSize(1024);
                }
            }
        }
    }

    @Test
    void thisMachineIsSupported() {
        assertThat(EmbeddedPlatform.SUPPORTED).contains(EmbeddedPlatform.current());
    }
}
