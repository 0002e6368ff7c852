package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The moderation components' own catalogues (components/moderation.{fr,en}.js) keep the same keys, like every other pair. */
class ModerationCataloguesTest {
    private static final Path COMPONENTS = Path.of("..", "web", "src", "main", "resources", "webroot", "app", "components");
    private static final Pattern KEY = Pattern.compile("^  '([^']+)': ", Pattern.MULTILINE);

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> fr = keys(COMPONENTS.resolve("moderation.fr.js"));
        assertThat(fr).isNotEmpty();
        assertThat(keys(COMPONENTS.resolve("moderation.en.js"))).containsExactlyInAnyOrderElementsOf(fr);
    }

    private static Set<String> keys(Path catalogue) throws IOException {
        Matcher m = KEY.matcher(Files.readString(catalogue));
        Set<String> keys = new LinkedHashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
