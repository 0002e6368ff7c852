package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The front end's shape (issue 13): a format is a folder with one module per role, its styles and
 * its messages; the shared catalogues hold no format's keys; no file of the front end over 500 lines.
 */
class WebLayoutTest {
    private static final Path APP = Path.of("..", "web", "src", "main", "resources", "webroot", "app");
    private static final Pattern REGISTERED = Pattern.compile("^  '([a-z]+)',$", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("^  '([^']+)': ", Pattern.MULTILINE);
    private static final Map<String, String> TAGS = Map.of("phone.js", "phone", "projector.js", "screen",
            "console.js", "console", "synthesis.js", "synthesis");

    @Test
    void everyRegisteredFormatIsAFolderWithItsRolesStylesAndMessages() throws IOException {
        List<String> formats = registered();
        assertThat(formats).contains("poll", "cards", "quiz", "hackathon", "prioritisation");
        for (String id : formats) {
            Path folder = APP.resolve("formats").resolve(id);
            for (String file : List.of("styles.css", "i18n.fr.js", "i18n.en.js")) {
                assertThat(folder.resolve(file)).as(id).isRegularFile();
            }
            for (Map.Entry<String, String> role : TAGS.entrySet()) {
                assertThat(Files.readString(folder.resolve(role.getKey())))
                        .as(id + "/" + role.getKey())
                        .contains("customElements.define('" + id + "-" + role.getValue() + "'");
            }
            assertThat(keys(folder.resolve("i18n.en.js"))).as(id + ": same keys in French and English")
                    .containsExactlyInAnyOrderElementsOf(keys(folder.resolve("i18n.fr.js")));
        }
    }

    @Test
    void aKeyLivesInOneCatalogueOnly() throws IOException {
        for (String lang : List.of("fr", "en")) {
            Map<String, String> owner = new HashMap<>();
            List<Path> catalogues = new ArrayList<>(List.of(APP.resolve("i18n").resolve(lang + ".js")));
            for (String id : registered()) {
                catalogues.add(APP.resolve("formats").resolve(id).resolve("i18n." + lang + ".js"));
            }
            for (Path catalogue : catalogues) {
                for (String key : keys(catalogue)) {
                    String before = owner.put(key, catalogue.toString());
                    assertThat(before).as(key + " in " + catalogue).isNull();
                }
            }
        }
    }

    /** Every French catalogue has its English twin with the same keys: X.fr.js beside X.en.js, or const fr / const en in one file. */
    @Test
    void everyFrenchCatalogueHasItsEnglishTwinWithTheSameKeys() throws IOException {
        int pairs = 0;
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".fr.js")) {
                    Path en = file.resolveSibling(name.replace(".fr.js", ".en.js"));
                    assertThat(en).as(file + " has its English twin").isRegularFile();
                    assertThat(keys(en)).as(en.toString()).containsExactlyInAnyOrderElementsOf(keys(file));
                    pairs++;
                }
                String text = Files.readString(file);
                int fr = text.indexOf("\nconst fr = {");
                if (fr >= 0) {
                    int en = text.indexOf("\nconst en = {");
                    assertThat(en).as(file + " has an English catalogue beside the French one").isPositive();
                    String french = text.substring(fr, text.indexOf("\n};", fr));
                    String english = text.substring(en, text.indexOf("\n};", en));
                    assertThat(keysIn(english)).as(file.toString()).containsExactlyInAnyOrderElementsOf(keysIn(french));
                    pairs++;
                }
            }
        }
        assertThat(pairs).as("catalogue pairs read").isGreaterThanOrEqualTo(9);
    }

    @Test
    void noScriptStylesheetOrPageIsLongerThan500Lines() throws IOException {
        try (Stream<Path> files = Files.walk(APP.getParent().getParent())) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.(js|css|html)$")).toList()) {
                assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(500);
            }
        }
    }

    private static List<String> registered() throws IOException {
        Matcher m = REGISTERED.matcher(Files.readString(APP.resolve("formats").resolve("index.js")));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Set<String> keys(Path catalogue) throws IOException {
        return keysIn(Files.readString(catalogue));
    }

    private static Set<String> keysIn(String catalogue) {
        Matcher m = KEY.matcher(catalogue);
        Set<String> keys = new LinkedHashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
