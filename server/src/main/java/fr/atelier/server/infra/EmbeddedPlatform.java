package fr.atelier.server.infra;

import java.util.List;
import java.util.Locale;

/**
 * Which embedded PostgreSQL and Redis binaries (shipped inside the jar, from Maven Central) run on
 * this machine. Chosen here rather than by each library so that the choice is one tested table and
 * an unsupported machine gets one clear sentence instead of a library's stack trace.
 */
public record EmbeddedPlatform(String name, String postgresResource, String redisResource) {

    /** Every platform the jar carries binaries for; the README lists the same. */
    public static final List<EmbeddedPlatform> SUPPORTED = List.of(
            new EmbeddedPlatform("Linux x86-64", "postgres-linux-x86_64.txz", "redis-server-6.2.6-v5-linux-amd64"),
            new EmbeddedPlatform("Linux arm64", "postgres-linux-arm_64.txz", "redis-server-6.2.7-linux-arm64"),
            new EmbeddedPlatform("macOS x86-64", "postgres-darwin-x86_64.txz", "redis-server-6.2.6-v5-darwin-amd64"),
            new EmbeddedPlatform("macOS arm64", "postgres-darwin-arm_64.txz", "redis-server-6.2.6-v5-darwin-arm64"),
            new EmbeddedPlatform("Windows x86-64", "postgres-windows-x86_64.txz", "redis-server-5.0.14.1-windows-amd64.exe"));

    /** The platform of this JVM. */
    public static EmbeddedPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform for a JVM's {@code os.name} and {@code os.arch}.
     *
     * @throws UnsupportedPlatform when the jar carries no binaries for it
     */
    public static EmbeddedPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        String family = os.startsWith("linux") ? "Linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "macOS"
                : os.startsWith("windows") ? "Windows"
                : null;
        String wanted = family == null ? null : family + (x64 ? " x86-64" : arm64 ? " arm64" : " ?");
        for (EmbeddedPlatform p : SUPPORTED) {
            if (p.name.equals(wanted)) {
                return p;
            }
        }
        throw new UnsupportedPlatform(osName + " " + osArch);
    }

    /** No embedded binaries for this machine: the external services still work. */
    public static final class UnsupportedPlatform extends RuntimeException {
        public UnsupportedPlatform(String platform) {
            super("Pas de Redis ni de PostgreSQL intégrés pour " + platform
                    + " : installez Redis et PostgreSQL puis donnez ATELIER_REDIS_URL et ATELIER_DATABASE_URL."
                    + " / No embedded Redis and PostgreSQL for " + platform
                    + ": install both and set ATELIER_REDIS_URL and ATELIER_DATABASE_URL.", null, false, false);
        }
    }
}
