package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameFilterTest {
    static final NameFilter FILTER = NameFilter.bundled(List.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"Connard", "connard", "CONNARD", "C0nn4rd", "Connnnnnard", "c.o.n.n.a.r.d", "c o n n a r d", "Conn_ard",
            "Le Connard", "Conard", "Enculé", "encule", "$alope", "5alope", "Sallope", "Fils de pute", "FilsDePute", "nique ta mère",
            "Putain 2000", "Pétasse", "fuck", "F U C K", "Sh1t", "Bitch", "Cul", "Con", "connasse", "🖕", "Salope!!!", "p.u.t.e", "Les Enculés", "Connards", "Visiteur 1488", "a55"})
    void refuses(String name) {
        assertThat(FILTER.refuses(name)).as(name).isTrue();
        assertThat(FILTER.problemWith(name)).isEqualTo(NameFilter.REFUSAL);
    }

    /** The Scunthorpe problem: names containing a listed word inside another word pass. */
    @ParameterizedTest
    @ValueSource(strings = {"Conan", "Bastien", "Sébastien", "Cassandra", "Scunthorpe", "Constance", "Dominique", "Dom", "Hébé",
            "Anne-Sophie", "Assia", "Titouan", "Nicolas", "Lucas", "Pascal", "Jules", "Noé", "Bosser ensemble", "Les 69",
            "Team 42", "Cécile", "Analyse", "Mongin", "Sexton", "Pénélope", "Bitterois", "Cuvier", "Lucule", "Consuelo",
            "Équipe Orange", "Marie Curie", "Les Veuves Noires", "Suzanne", "Ascension", "Essex", "Middlesex", "Kamal",
            "Gaëlle", "Zoé", "Élodie", "Hugo 2.0", "Les bourrés de talent", "Grande Gueule", "Tit", "Assane", "Dickson", "Visiteur 455", "Table 5", "Équipe 455"})
    void accepts(String name) {
        assertThat(FILTER.refuses(name)).as(name).isFalse();
    }

    @Test
    void anExceptionAllowsAWordAndAnAddedWordIsRefused() {
        NameFilter edited = NameFilter.bundled(List.of("Patate pourrie"), List.of("Con"));
        assertThat(edited.refuses("Con")).isFalse();
        assertThat(edited.refuses("Connard")).isTrue();
        assertThat(edited.refuses("patate   POURRIE")).isTrue();
        assertThat(edited.refuses("Patate")).isFalse();
    }

    @Test
    void theListsAreTrimmedOfOrdinaryWords() {
        assertThat(FILTER.refuses("Veuve")).isFalse();
        assertThat(FILTER.refuses("Teuf")).isFalse();
        assertThat(FILTER.refuses("Idiot")).isFalse();
        assertThat(NameFilter.bundledWords()).contains("connard").doesNotContain("bosser", "veuve", "69");
    }

    /** Property: a first name of the table with random separators and case is never refused. */
    @Test
    void ordinaryNamesWithNoiseStayAccepted() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        String[] names = {"Conan", "Bastien", "Cassandra", "Scunthorpe", "Constance", "Sébastien", "Pascal", "Assia", "Dominique"};
        for (int i = 0; i < 500; i++) {
            String n = names[r.nextInt(names.length)];
            StringBuilder b = new StringBuilder();
            for (char c : n.toCharArray()) {
                b.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            String noisy = (r.nextBoolean() ? "Team " : "") + b + (r.nextBoolean() ? " " + r.nextInt(100) : "");
            assertThat(FILTER.refuses(noisy)).as("seed " + seed + ": " + noisy).isFalse();
        }
    }

    /** Property: a refused word stays refused whatever its case, accents, leetspeak or separators. */
    @Test
    void refusedWordsStayRefusedWhateverTheDisguise() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        String[] words = {"connard", "salope", "enculé", "pute", "merde", "fuck", "bitch"};
        for (int i = 0; i < 500; i++) {
            String w = words[r.nextInt(words.length)];
            StringBuilder b = new StringBuilder();
            String sep = r.nextBoolean() ? "" : List.of(".", " ", "-", "_").get(r.nextInt(4));
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (r.nextInt(4) == 0) {
                    c = switch (c) { case 'o' -> '0'; case 'e' -> '3'; case 'a' -> '4'; case 's' -> '$'; default -> c; };
                }
                b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
                if (k < w.length() - 1) {
                    b.append(sep);
                }
            }
            assertThat(FILTER.refuses(b.toString())).as("seed " + seed + ": " + b).isTrue();
        }
    }

    @Test
    void noFilterRefusesNothing() {
        assertThat(NameFilter.NONE.refuses("Connard")).isFalse();
    }
}
