package fr.atelier.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One template and one import map for every page; the map's hash is the only inline script allowed. */
class PagesTest {
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final Pages pages = new Pages();

    @Test
    void everyPageCarriesTheOneImportMapAndItsHashIsTheOnlyInlineScriptAllowed() throws Exception {
        String expected = Pages.importMap().encode();
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8))) + "'";
        for (Pages.Page p : Pages.PAGES) {
            String page = pages.html(p.path());
            assertThat(page).as(p.path()).isNotNull().doesNotContain("{{");
            Matcher m = SCRIPT.matcher(page);
            assertThat(m.find()).as(p.path()).isTrue();
            assertThat(m.group(1)).as(p.path()).isEqualTo(expected);
            assertThat(m.find()).as(p.path() + ": a second import map").isFalse();
            assertThat(page).as(p.path())
                    .contains("<link rel=\"modulepreload\" href=\"/webjars/lit/")
                    .contains("<script type=\"module\" src=\"/app/" + p.module() + ".js\"></script>")
                    .contains("<" + p.element() + "></" + p.element() + ">")
                    .contains("<body class=\"" + p.bodyClass() + "\">");
        }
        assertThat(pages.csp()).contains("script-src 'self' " + hash + ";").doesNotContain("unsafe-inline");
    }

    @Test
    void onlyTheLandingPageMayBeIndexed() {
        assertThat(pages.html("/")).doesNotContain("noindex").contains("<title>Atelier</title>");
        assertThat(pages.html("/h/:code")).contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("<title>Atelier — console d'animation</title>");
    }

    @Test
    void everyPageModuleExists() {
        for (Pages.Page p : Pages.PAGES) {
            assertThat(Pages.class.getClassLoader().getResource("webroot/app/" + p.module() + ".js")).as(p.module()).isNotNull();
        }
    }
}
