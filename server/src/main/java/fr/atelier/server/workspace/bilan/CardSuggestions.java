package fr.atelier.server.workspace.bilan;

import fr.atelier.server.workspace.bilan.Bilan.CardCase;
import fr.atelier.server.workspace.bilan.Bilan.CardItem;
import fr.atelier.workshops.cards.CaseCard;
import fr.atelier.workshops.cards.Deck;
import fr.atelier.workshops.cards.StructureCard;
import fr.atelier.workshops.core.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The card game's blind spots (issue 18, item 3): the doors (structures) and schemes each played case
 * card suggests, against those the observers' grids cited in the same rounds. The suggestions come from
 * the deck by its id; a deck the library no longer knows counts its citations only.
 */
public final class CardSuggestions {
    static final String DOOR = "door";
    static final String SCHEME = "scheme";

    record Round(String deckId, int caseNumber, String title, long rounds) {}

    record Cited(String deckId, int caseNumber, String kind, String fieldId, String itemKey, String label, long rounds) {}

    record Played(List<CardItem> items, List<CardCase> cases) {}

    private final Function<String, Optional<Deck>> decks;

    public CardSuggestions(Function<String, Optional<Deck>> decks) {
        this.decks = decks;
    }

    Played compare(List<Round> rounds, List<Cited> cited) {
        Map<String, long[]> counts = new LinkedHashMap<>();   // kind|key -> suggested, citedWhenSuggested, cited
        Map<String, String> labels = new HashMap<>();
        Map<String, Map<String, Long>> citedByCase = new HashMap<>();
        for (Cited c : cited) {
            String kind = "structures".equals(c.kind()) ? DOOR : SCHEME;
            String key = kind + "|" + c.itemKey();
            counts.computeIfAbsent(key, k -> new long[3])[2] += c.rounds();
            labels.putIfAbsent(key, c.label());
            citedByCase.computeIfAbsent(c.deckId() + "#" + c.caseNumber(), k -> new HashMap<>()).merge(key, c.rounds(), Long::sum);
        }
        List<CardCase> cases = new ArrayList<>();
        for (Round r : rounds) {
            Optional<Deck> deck = decks.apply(r.deckId());
            Optional<CaseCard> card = deck.flatMap(d -> d.cases().stream().filter(c -> c.number() == r.caseNumber()).findFirst());
            if (card.isEmpty()) {
                continue;
            }
            Map<String, Long> citedHere = citedByCase.getOrDefault(r.deckId() + "#" + r.caseNumber(), Map.of());
            List<String> missedDoors = new ArrayList<>();
            List<String> missedSchemes = new ArrayList<>();
            for (String door : card.get().structures()) {
                String key = DOOR + "|" + door;
                String label = deck.get().structures().stream().filter(s -> s.id().equals(door)).map(StructureCard::name)
                        .findFirst().orElse(door);
                labels.put(key, label);
                if (suggest(counts, key, r.rounds(), citedHere.getOrDefault(key, 0L))) {
                    missedDoors.add(label);
                }
            }
            for (String scheme : card.get().schemes()) {
                String key = SCHEME + "|" + Text.foldForComparison(scheme);
                labels.put(key, scheme);
                if (suggest(counts, key, r.rounds(), citedHere.getOrDefault(key, 0L))) {
                    missedSchemes.add(scheme);
                }
            }
            cases.add(new CardCase(r.deckId(), r.caseNumber(), r.title() == null ? card.get().title() : r.title(), r.rounds(),
                    missedDoors, missedSchemes));
        }
        List<CardItem> items = new ArrayList<>();
        counts.forEach((key, c) -> {
            int bar = key.indexOf('|');
            items.add(new CardItem(key.substring(0, bar), key.substring(bar + 1), labels.get(key), c[0], c[1], c[2]));
        });
        items.sort(Comparator.comparing(CardItem::kind).thenComparing(Comparator.comparingLong(CardItem::suggestedRounds).reversed())
                .thenComparing(Comparator.comparingLong(CardItem::citedRounds).reversed()).thenComparing(CardItem::label));
        return new Played(items, cases);
    }

    /** Counts a suggestion; true when it was never cited in the rounds of this case. */
    private static boolean suggest(Map<String, long[]> counts, String key, long rounds, long cited) {
        long[] c = counts.computeIfAbsent(key, k -> new long[3]);
        c[0] += rounds;
        c[1] += Math.min(cited, rounds);
        return cited == 0;
    }
}
