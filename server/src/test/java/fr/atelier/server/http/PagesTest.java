package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One import map, defined once, inserted into every page and allowed by its hash alone. */
class PagesTest {
    private static final List<String> PAGES = List.of("index.html", "phone.html", "screen.html", "console.html",
            "synthesis.html", "projet.html", "coordination.html");
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final Pages pages = new Pages();

    @Test
    void everyPageCarriesTheOneImportMapAndItsHashIsTheOnlyInlineScriptAllowed() throws Exception {
        String expected = Pages.importMap().encode();
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8))) + "'";
        for (String file : PAGES) {
            String page = pages.html(file);
            assertThat(page).as(file).isNotNull().doesNotContain("<!-- import map:");
            Matcher m = SCRIPT.matcher(page);
            assertThat(m.find()).as(file).isTrue();
            assertThat(m.group(1)).as(file).isEqualTo(expected);
            assertThat(m.find()).as(file + ": a second import map").isFalse();
            assertThat(page).as(file).contains("<link rel=\"modulepreload\" href=\"/webjars/lit/");
        }
        assertThat(pages.csp()).contains("script-src 'self' " + hash + ";").doesNotContain("unsafe-inline");
    }

    @Test
    void theImportMapNamesOnlyModulesThatAWebJarServes() {
        assertThat(Pages.importMap().getJsonObject("imports").getString("lit")).startsWith("/webjars/lit/").endsWith("/index.js");
    }
}
