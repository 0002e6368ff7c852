package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A laptop where Atelier cannot start says why in one French/English line, exits non-zero and shows
 * no stack trace (issue 20). Real processes, real file systems: a regular file where the data folder
 * should be, a 1-MiB tmpfs as a full disk, and a processor we carry no binaries for.
 */
class StartupFailuresTest {
    private static final Duration EXIT = Duration.ofSeconds(90);

    @Test
    void aDataFolderThatCannotBeWrittenIsNamed() throws IOException {
        Path file = Files.createTempFile("atelier-not-a-folder-", ".txt");
        Map<String, String> env = TestConfig.env(TestConfig.embedded(file.resolve("data")));
        try (ServerProcess node = ServerProcess.start(env)) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "Impossible d'écrire dans le dossier de données", "ATELIER_DATA_DIR");
        }
    }

    @Test
    void aFullDiskIsSaidSo() throws Exception {
        Path mount = Files.createTempDirectory("atelier-full-disk-");
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        boolean mounted = m.waitFor(10, TimeUnit.SECONDS) && m.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "this machine does not let the test mount a small tmpfs (needs root)");
        try {
            Map<String, String> env = TestConfig.env(TestConfig.embedded(mount.resolve("data")));
            try (ServerProcess node = ServerProcess.start(env)) {
                assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
                assertOneClearLine(node.output(), "Disque plein", "Disk full");
            }
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMachineWithoutEmbeddedBinariesIsToldToUseExternalServices() {
        Map<String, String> env = TestConfig.env(TestConfig.embedded(TestConfig.newDataDir()));
        try (ServerProcess node = ServerProcess.start(env, List.of("-Dos.arch=riscv64"))) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "Pas de Redis ni de PostgreSQL intégrés", "ATELIER_REDIS_URL");
        }
    }

    @Test
    void aSettingThatIsNotANumberIsNamed() {
        Map<String, String> env = TestConfig.env(TestConfig.embedded(TestConfig.newDataDir()));
        env.put("ATELIER_DB_POOL_SIZE", "quatre");
        try (ServerProcess node = ServerProcess.start(env)) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "attend un nombre", "quatre");
        }
    }

    @Test
    void aWrongRetentionOrPurgeTimeIsNamed() {
        Map<String, String> env = TestConfig.env(TestConfig.embedded(TestConfig.newDataDir()));
        env.put("ATELIER_RETENTION_MONTHS", "0");
        try (ServerProcess node = ServerProcess.start(env)) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "ATELIER_RETENTION_MONTHS attend un nombre de mois entre 1 et 120", "« 0 »");
            assertThat(node.output()).doesNotContain("IllegalArgumentException");
        }
        env.put("ATELIER_RETENTION_MONTHS", "24");
        env.put("ATELIER_PURGE_AT", "3h30");
        try (ServerProcess node = ServerProcess.start(env)) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "ATELIER_PURGE_AT attend une heure au format HH:MM", "« 3h30 »");
            assertThat(node.output()).doesNotContain("DateTimeParseException");
        }
    }

    @Test
    void aWrongIdleEndIsNamed() {
        Map<String, String> env = TestConfig.env(TestConfig.embedded(TestConfig.newDataDir()));
        env.put("ATELIER_IDLE_END_HOURS", "douze");
        try (ServerProcess node = ServerProcess.start(env)) {
            assertThat(node.awaitExit(EXIT)).as("exit code").isNotZero();
            assertOneClearLine(node.output(), "ATELIER_IDLE_END_HOURS attend un nombre d’heures", "« douze »");
            assertThat(node.output()).doesNotContain("NumberFormatException");
        }
    }

    private static void assertOneClearLine(String output, String... words) {
        assertThat(output).contains(words).doesNotContain("\tat ").doesNotContain("Exception in thread");
        long lines = output.lines().filter(l -> l.contains(words[0])).count();
        assertThat(lines).as("the reason is said once:\n%s", output).isEqualTo(1);
    }
}
