package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.Json;
import org.junit.jupiter.api.Test;

/** A question's image (issue 16): {src, alt}, alt required, older bare addresses still read. */
class QuizImageTest {
    private static final QuizLibrary LIBRARY = new QuizLibrary();

    private static String bank(String image) {
        return """
                id: images
                title: Images
                questions:
                  - id: q1
                    type: truefalse
                    text: Ce logo est celui d'Étoile.
                    answer: vrai
                    source: { name: Étoile, url: "https://www.etoile.regioncentre-valdeloire.fr" }
                """ + image;
    }

    @Test
    void anImageWithItsDescriptionIsKept() {
        Parsed<QuizBank> p = LIBRARY.parse(bank("    image: { src: /media/img-0123456789abcdef01234567, alt: \"Logo du portail Étoile\" }\n"), "yaml");
        assertThat(p.problems()).isEmpty();
        assertThat(p.content().question("q1").image()).isEqualTo(new QuizBank.Image("/media/img-0123456789abcdef01234567", "Logo du portail Étoile"));
    }

    @Test
    void anImageWithoutDescriptionIsRefusedOnItsLine() {
        Parsed<QuizBank> p = LIBRARY.parse(bank("    image: /media/img-0123456789abcdef01234567\n"), "yaml");
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).hasSize(1);
        assertThat(p.problems().get(0).line()).isEqualTo(9);
        assertThat(p.problems().get(0).message()).contains("Décrivez l'image").contains("alt");
    }

    @Test
    void anImageElsewhereThanHttpOrThisSiteIsRefused() {
        Parsed<QuizBank> p = LIBRARY.parse(bank("    image: { src: \"javascript:alert(1)\", alt: Piège }\n"), "yaml");
        assertThat(p.problems()).extracting(fr.atelier.workshops.core.ContentLibrary.Problem::message)
                .anyMatch(m -> m.contains("http(s)://"));
    }

    @Test
    void aSessionLogWrittenBeforeIssue16StillReads() throws Exception {
        QuizBank.Question q = Json.MAPPER.readValue("""
                {"id":"q1","type":"truefalse","text":"?","answer":true,"image":"/img/logo.png"}""", QuizBank.Question.class);
        assertThat(q.image()).isEqualTo(new QuizBank.Image("/img/logo.png", null));
        QuizBank.Question now = Json.MAPPER.readValue("""
                {"id":"q1","type":"truefalse","text":"?","answer":true,"image":{"src":"/media/x","alt":"Un logo"}}""", QuizBank.Question.class);
        assertThat(now.image().alt()).isEqualTo("Un logo");
    }

    @Test
    void csvCarriesTheDescriptionBothWays() {
        QuizBank b = LIBRARY.parse(bank("    image: { src: /media/img-0123456789abcdef01234567, alt: \"Logo du portail\" }\n"), "yaml").content();
        String csv = LIBRARY.export(b, "csv");
        assertThat(csv).contains("image_alt").contains("Logo du portail");
        assertThat(LIBRARY.parse(csv, "csv").content().question("q1").image().alt()).isEqualTo("Logo du portail");
    }
}
