package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * French that a teenager reads easily (issue 15, item 8), kept so: in the French catalogues no
 * "question(s)" (plurals go through Intl.PluralRules: `{n|question|questions}` or a `.one`/`.other`
 * pair), one apostrophe (the curly ’, typographically right) and the inclusive form the app uses,
 * "l’animateur ou l’animatrice", never the word alone nor "animateur·rice".
 */
class FrenchCataloguesTest {
    private static final Path APP = Path.of("..", "web", "src", "main", "resources", "webroot", "app");
    private static final Pattern ENTRY = Pattern.compile("^  '([^']+)': (?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"),?$",
            Pattern.MULTILINE);
    private static final Pattern STRAIGHT_APOSTROPHE = Pattern.compile("\\p{L}'\\p{L}");
    private static final Pattern OPTIONAL_PLURAL = Pattern.compile("\\p{L}\\((?:s|x|es)\\)");
    private static final Pattern PLURAL_CHOICE = Pattern.compile("\\{(\\w+)\\|([^|{}]*)\\|([^|{}]*)\\}");
    private static final Pattern FACILITATOR = Pattern.compile("(?i)animat(?:eur|rice)s?(?:·\\p{L}+)?");

    private static final Pattern PAIR = Pattern.compile("animateur ou (?:à )?l’animatrice|animateurs et (?:les )?animatrices|animateur ou animatrice");

    record Entry(Path file, String key, String text) {}

    static List<Entry> entries() throws IOException {
        List<Path> files = new ArrayList<>(List.of(APP.resolve("i18n").resolve("fr.js")));
        try (Stream<Path> formats = Files.list(APP.resolve("formats"))) {
            formats.map(f -> f.resolve("i18n.fr.js")).filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            Matcher m = ENTRY.matcher(Files.readString(f));
            while (m.find()) {
                out.add(new Entry(f, m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
            }
        }
        return out;
    }

    @Test
    void theCataloguesAreRead() throws IOException {
        assertThat(entries()).hasSizeGreaterThan(500)
                .anySatisfy(e -> assertThat(e.key()).isEqualTo("phone.offline"));
    }

    @Test
    void noOptionalPluralButPluralRules() throws IOException {
        for (Entry e : entries()) {
            assertThat(OPTIONAL_PLURAL.matcher(e.text()).find()).as("%s in %s: « %s »: use {n|singulier|pluriel}", e.key(), e.file(), e.text())
                    .isFalse();
            Matcher choice = PLURAL_CHOICE.matcher(e.text());
            while (choice.find()) {
                assertThat(e.text()).as("%s: the plural choice names a placeholder of the message", e.key())
                        .contains("{" + choice.group(1) + "}");
            }
        }
    }

    @Test
    void oneApostropheTheCurlyOne() throws IOException {
        for (Entry e : entries()) {
            assertThat(STRAIGHT_APOSTROPHE.matcher(e.text()).find()).as("%s in %s: « %s »: write ’ not '", e.key(), e.file(), e.text())
                    .isFalse();
        }
    }

    @Test
    void theFacilitatorIsNamedInTheAppsInclusiveForm() throws IOException {
        for (Entry e : entries()) {
            Matcher m = FACILITATOR.matcher(e.text());
            while (m.find()) {
                String word = m.group().toLowerCase();
                String around = e.text().substring(Math.max(0, m.start() - 20), Math.min(e.text().length(), m.end() + 20)).toLowerCase();
                boolean paired = PAIR.matcher(around).find();
                assertThat(!word.contains("·") && paired).as("%s: « %s »", e.key(), e.text()).isTrue();
            }
        }
    }
}
