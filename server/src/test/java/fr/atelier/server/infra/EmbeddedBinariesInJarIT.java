package fr.atelier.server.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Run by Failsafe after the shade plugin built {@code atelier.jar}: the jar people download holds
 * PostgreSQL and Redis for every platform {@link EmbeddedPlatform} lists (issue 20).
 */
class EmbeddedBinariesInJarIT {

    @Test
    void theRunnableJarCarriesEveryPlatformsBinaries() throws IOException {
        Path jar = Path.of(System.getProperty("atelier.jar", "target/atelier.jar"));
        assertThat(Files.isRegularFile(jar)).as("%s was built", jar).isTrue();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (EmbeddedPlatform p : EmbeddedPlatform.SUPPORTED) {
                for (String resource : new String[] {p.postgresResource(), p.redisResource()}) {
                    ZipEntry entry = zip.getEntry(resource);
                    assertThat(entry).as("%s binary %s in %s", p.name(), resource, jar).isNotNull();
                    assertThat(entry.getSize()).as("%s size", resource).isGreaterThan(1_000_000L);
                }
            }
        }
    }
}
