package fr.atelier.workshops.cards;

import java.util.List;

/** Small decks for tests, plus the built-in regional deck. */
final class TestDecks {
    private TestDecks() {}

    static final List<GridField> GRID = List.of(
            new GridField("card", "Numéro de la carte", "card", null),
            new GridField("questions", "Questions pertinentes posées", "list", null),
            new GridField("doors", "Porte(s) à ouvrir", "structures", null),
            new GridField("schemes", "Dispositifs repérés", "list", null),
            new GridField("worked", "Ce qui a bien fonctionné", "text", null));

    static CaseCard card(int n) {
        return new CaseCard(n, "Titre " + n, "Situation lue à voix haute " + n, "BRIEFING-SECRET-" + n,
                "NOTES-ANIMATION-" + n, List.of("cio"), List.of("Dispositif " + n));
    }

    static StructureCard structure(String id) {
        return new StructureCard(id, "Nom " + id, "MISSIONS-" + id, "PUBLICS-" + id);
    }

    /** {@code cases} case cards numbered 1.., {@code structures} structures "s1".. plus "cio". */
    static Deck small(int cases, int structures) {
        List<StructureCard> s = new java.util.ArrayList<>(List.of(structure("cio")));
        for (int i = 1; i < structures; i++) {
            s.add(structure("s" + i));
        }
        List<CaseCard> c = new java.util.ArrayList<>();
        for (int i = 1; i <= cases; i++) {
            c.add(card(i));
        }
        return new Deck("petit", "Petit jeu", null, null, List.of("Pas de jugement de valeur."), s, c, GRID);
    }

    static Deck spro() {
        return new CardsLibrary().load("spro");
    }
}
