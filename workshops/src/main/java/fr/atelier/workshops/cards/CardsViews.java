package fr.atelier.workshops.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.cards.CardsState.Round;
import fr.atelier.workshops.cards.CardsState.Stage;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each audience sees of a card session. Secrets: the briefing (only the beneficiary's phone and
 * the console), the facilitator's notes (console only), undrawn cards (nobody but the console's
 * counts), and each observer's grid (its author's phone; the room sees only the aggregate, at the debrief).
 */
public final class CardsViews {
    private CardsViews() {}

    /** The public face of a case card: what the counsellor reads aloud. */
    public record CaseFace(int number, String title, String situation) {}

    /** The whole case card, for the console. */
    public record CaseFull(int number, String title, String situation, String briefing, String notes,
                           List<StructureOption> structures, List<String> schemes) {}

    public record StructureOption(String id, String name) {}

    public record Tally(String key, String label, int count) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldAggregate(String id, String label, String kind, List<Tally> tally, List<String> texts) {}

    /** The observers' grids put together, anonymously; {@code paper} of the {@code grids} were typed in from paper. */
    public record Aggregate(int grids, int paper, List<FieldAggregate> fields) {}

    /** A paper grid as the console lists it, to check or remove it. */
    public record PaperGrid(int round, String id, Map<String, List<String>> answers) {}

    public record GridForm(List<GridField> fields, List<StructureOption> structures, Map<String, List<String>> answers, boolean open) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeelingsForm(String prompt, String mine, boolean open) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhoneRound(int number, Stage stage, String role, String counsellor, String beneficiary, CaseFace card,
                             String briefing, StructureCard structure, Long deadline, boolean timeUp, boolean canDrawCase,
                             boolean canDrawStructure, GridForm grid, FeelingsForm feelings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhoneView(String deckTitle, List<String> rules, boolean handRaised, int volunteers, int roundsPlayed, PhoneRound round) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreenRound(int number, Stage stage, String counsellor, String beneficiary, CaseFace card, StructureCard structure,
                              Long deadline, boolean timeUp, int grids, Aggregate aggregate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreenView(String deckTitle, List<String> rules, List<String> volunteers, int roundsPlayed, ScreenRound round) {}

    public record Person(String id, String nickname, boolean active) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeckSummary(String id, String title, String description, String feelings, List<String> rules, int cases,
                              List<StructureOption> structures, List<GridField> grid) {}

    public record Feeling(String role, String nickname, String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsoleRound(int number, Stage stage, Person counsellor, Person beneficiary, Long pickSeed, CaseFull card,
                               StructureCard structure, List<Integer> casesDrawn, List<String> structuresDrawn, Long deadline,
                               boolean timeUp, int grids, Aggregate aggregate, List<Feeling> feelings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsoleView(DeckSummary deck, List<Person> volunteers, int casesLeft, int structuresLeft, ConsoleRound round,
                              List<RoundResult> history, List<PaperGrid> paper) {}

    /** One played round, for the synthesis, the archive and the console's history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoundResult(int number, Stage stage, Integer caseNumber, String caseTitle, String structureId, String structureName,
                              String counsellor, String beneficiary, List<Integer> casesDrawn, List<String> structuresDrawn,
                              Long startedAt, int grids, int paperGrids, List<FieldAggregate> grid) {}

    /** A player's feeling as the synthesis keeps it: the role only, no name, no round (protocol.md, decision 36). */
    public record FeelingResult(String role, String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(String deckId, String deckTitle, int roundsPlayed, List<RoundResult> rounds,
                          List<Tally> topStructures, List<Tally> topSchemes, List<FeelingResult> feelings) {}

    public static Object view(CardsState s, Roster roster, Audience audience) {
        if (audience instanceof Audience.Participant me) {
            return phone(s, roster, me.id());
        }
        if (audience instanceof Audience.Facilitator) {
            return console(s, roster);
        }
        return screen(s, roster);
    }

    private static int played(CardsState s) {
        return (int) s.rounds().stream().filter(Round::played).count();
    }

    private static PhoneView phone(CardsState s, Roster roster, String me) {
        Deck deck = s.deck();
        if (deck == null) {
            return new PhoneView(null, null, s.hands().contains(me), 0, 0, null);
        }
        int volunteers = (int) s.hands().stream().filter(roster::isActive).count();
        Round r = s.current();
        PhoneRound round = null;
        if (r != null) {
            String role = r.roleOf(me);
            boolean observer = CardsState.OBSERVER.equals(role);
            CaseCard card = r.caseNumber() == null ? null : deck.caseCard(r.caseNumber()).orElse(null);
            boolean scene = r.stage() != Stage.SETUP;
            GridForm grid = null;
            if (observer && scene && card != null) {
                Map<String, List<String>> answers = new LinkedHashMap<>(r.grids().getOrDefault(me, Map.of()));
                for (GridField f : deck.grid()) {
                    if (GridField.CARD.equals(f.kind())) {
                        answers.put(f.id(), List.of(Integer.toString(card.number())));
                    }
                }
                boolean open = r.stage() == Stage.SCENE || r.stage() == Stage.FEELINGS;
                grid = new GridForm(deck.grid(), options(deck), answers, open);
            }
            FeelingsForm feelings = null;
            if (!observer && (r.stage() == Stage.FEELINGS || r.stage() == Stage.DEBRIEF)) {
                feelings = new FeelingsForm(deck.feelingsPrompt(), r.feelings().get(me), true);
            }
            round = new PhoneRound(r.number(), r.stage(), role, nickname(roster, r.counsellor()), nickname(roster, r.beneficiary()),
                    card == null ? null : face(card),
                    CardsState.BENEFICIARY.equals(role) && card != null ? card.briefing() : null,
                    r.structureId() == null ? null : deck.structure(r.structureId()).orElse(null),
                    r.stage() == Stage.SCENE ? r.deadline() : null, r.timeUp(),
                    CardsState.COUNSELLOR.equals(role) && r.stage() == Stage.SETUP && !s.casesLeft().isEmpty(),
                    CardsState.BENEFICIARY.equals(role) && r.stage() == Stage.SETUP && !s.structuresLeft().isEmpty(),
                    grid, feelings);
        }
        return new PhoneView(deck.title(), deck.rules(), s.hands().contains(me), volunteers, played(s), round);
    }

    private static ScreenView screen(CardsState s, Roster roster) {
        Deck deck = s.deck();
        if (deck == null) {
            return new ScreenView(null, null, null, 0, null);
        }
        List<String> volunteers = s.hands().stream().filter(roster::isActive).map(id -> nickname(roster, id)).toList();
        Round r = s.current();
        ScreenRound round = null;
        if (r != null) {
            CaseCard card = r.caseNumber() == null ? null : deck.caseCard(r.caseNumber()).orElse(null);
            Aggregate aggregate = r.stage() == Stage.DEBRIEF ? aggregate(deck, r) : null;
            round = new ScreenRound(r.number(), r.stage(), nickname(roster, r.counsellor()), nickname(roster, r.beneficiary()),
                    card == null ? null : face(card), r.structureId() == null ? null : deck.structure(r.structureId()).orElse(null),
                    r.stage() == Stage.SCENE ? r.deadline() : null, r.timeUp(), observerGrids(r).size(), aggregate);
        }
        return new ScreenView(deck.title(), deck.rules(), volunteers, played(s), round);
    }

    private static ConsoleView console(CardsState s, Roster roster) {
        Deck deck = s.deck();
        if (deck == null) {
            return new ConsoleView(null, null, 0, 0, null, null, null);
        }
        DeckSummary summary = new DeckSummary(deck.id(), deck.title(), deck.description(), deck.feelingsPrompt(), deck.rules(),
                deck.cases().size(), options(deck), deck.grid());
        List<Person> volunteers = s.hands().stream().map(id -> person(roster, id)).toList();
        Round r = s.current();
        ConsoleRound round = null;
        if (r != null) {
            CaseCard card = r.caseNumber() == null ? null : deck.caseCard(r.caseNumber()).orElse(null);
            CaseFull full = card == null ? null : new CaseFull(card.number(), card.title(), card.situation(), card.briefing(), card.notes(),
                    card.structures().stream().map(id -> new StructureOption(id, structureName(deck, id))).toList(), card.schemes());
            List<Feeling> feelings = new ArrayList<>();
            r.feelings().forEach((id, text) -> feelings.add(new Feeling(r.roleOf(id), nickname(roster, id), text)));
            round = new ConsoleRound(r.number(), r.stage(), r.counsellor() == null ? null : person(roster, r.counsellor()),
                    r.beneficiary() == null ? null : person(roster, r.beneficiary()), r.pickSeed(), full,
                    r.structureId() == null ? null : deck.structure(r.structureId()).orElse(null), r.casesDrawn(), r.structuresDrawn(),
                    r.stage() == Stage.SCENE ? r.deadline() : null, r.timeUp(), observerGrids(r).size(), aggregate(deck, r), feelings);
        }
        List<RoundResult> history = s.rounds().stream().filter(Round::played).map(x -> result(deck, roster, x)).toList();
        List<PaperGrid> paper = new ArrayList<>();
        for (Round x : s.rounds()) {
            x.paperGrids().forEach(id -> paper.add(new PaperGrid(x.number(), id, x.grids().get(id))));
        }
        return new ConsoleView(summary, volunteers, s.casesLeft().size(), s.structuresLeft().size(), round, history, paper);
    }

    public static Results results(CardsState s, Roster roster) {
        Deck deck = s.deck();
        if (deck == null) {
            return new Results(null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        List<RoundResult> rounds = new ArrayList<>();
        Map<String, Tally> structures = new LinkedHashMap<>();
        Map<String, Tally> schemes = new LinkedHashMap<>();
        for (Round r : s.rounds()) {
            if (!r.played()) {
                continue;
            }
            RoundResult rr = result(deck, roster, r);
            rounds.add(rr);
            for (FieldAggregate f : rr.grid()) {
                if (GridField.STRUCTURES.equals(f.kind())) {
                    f.tally().forEach(t -> add(structures, t.key(), t.label(), t.count()));
                } else if (GridField.SCHEMES_ID.equals(f.id()) && f.tally() != null) {
                    f.tally().forEach(t -> add(schemes, t.key(), t.label(), t.count()));
                }
            }
        }
        return new Results(deck.id(), deck.title(), rounds.size(), rounds, sorted(structures), sorted(schemes), feelings(s));
    }

    /**
     * Every feeling the players shared, counsellors' first, each group in alphabetical order: the
     * rounds name their players, so neither a name nor a round number goes with a feeling.
     */
    static List<FeelingResult> feelings(CardsState s) {
        List<FeelingResult> all = new ArrayList<>();
        for (Round r : s.rounds()) {
            if (r.played()) {
                r.feelings().forEach((id, text) -> all.add(new FeelingResult(r.roleOf(id), text)));
            }
        }
        all.sort(java.util.Comparator.comparing((FeelingResult f) -> CardsState.COUNSELLOR.equals(f.role()) ? 0 : 1)
                .thenComparing(FeelingResult::text));
        return List.copyOf(all);
    }

    static RoundResult result(Deck deck, Roster roster, Round r) {
        CaseCard card = r.caseNumber() == null ? null : deck.caseCard(r.caseNumber()).orElse(null);
        Aggregate aggregate = aggregate(deck, r);
        return new RoundResult(r.number(), r.stage(), r.caseNumber(), card == null ? null : card.title(), r.structureId(),
                r.structureId() == null ? null : structureName(deck, r.structureId()),
                nickname(roster, r.counsellor()), nickname(roster, r.beneficiary()), r.casesDrawn(), r.structuresDrawn(),
                r.startedAt(), aggregate.grids(), aggregate.paper(), aggregate.fields());
    }

    /** Observers' grids with at least one value, in the order they were first saved. */
    static List<Map<String, List<String>>> observerGrids(Round r) {
        List<Map<String, List<String>>> grids = new ArrayList<>();
        r.grids().forEach((id, g) -> {
            if (!r.isPlayer(id) && g.values().stream().anyMatch(v -> !v.isEmpty())) {
                grids.add(g);
            }
        });
        return grids;
    }

    public static Aggregate aggregate(Deck deck, Round r) {
        List<Map<String, List<String>>> grids = observerGrids(r);
        List<FieldAggregate> fields = new ArrayList<>();
        for (GridField f : deck.grid()) {
            if (GridField.CARD.equals(f.kind())) {
                continue;
            }
            if (GridField.TEXT.equals(f.kind())) {
                List<String> texts = new ArrayList<>();
                for (Map<String, List<String>> g : grids) {
                    texts.addAll(g.getOrDefault(f.id(), List.of()));
                }
                fields.add(new FieldAggregate(f.id(), f.label(), f.kind(), null, texts));
                continue;
            }
            Map<String, Tally> tally = new LinkedHashMap<>();
            boolean structures = GridField.STRUCTURES.equals(f.kind());
            for (Map<String, List<String>> g : grids) {
                for (String v : g.getOrDefault(f.id(), List.of())) {
                    if (structures) {
                        add(tally, v, structureName(deck, v), 1);
                    } else {
                        add(tally, Text.foldForComparison(v), v, 1);
                    }
                }
            }
            fields.add(new FieldAggregate(f.id(), f.label(), f.kind(), sorted(tally), null));
        }
        int paper = (int) r.paperGrids().stream().filter(id -> r.grids().get(id).values().stream().anyMatch(v -> !v.isEmpty())).count();
        return new Aggregate(grids.size(), paper, fields);
    }

    private static void add(Map<String, Tally> tally, String key, String label, int n) {
        Tally t = tally.get(key);
        tally.put(key, t == null ? new Tally(key, label, n) : new Tally(key, t.label(), t.count() + n));
    }

    /** Most cited first; ties keep the order in which items were first noted. */
    private static List<Tally> sorted(Map<String, Tally> tally) {
        List<Tally> list = new ArrayList<>(tally.values());
        list.sort(Comparator.comparingInt(Tally::count).reversed());
        return list;
    }

    private static CaseFace face(CaseCard c) {
        return new CaseFace(c.number(), c.title(), c.situation());
    }

    private static List<StructureOption> options(Deck deck) {
        return deck.structures().stream().map(x -> new StructureOption(x.id(), x.name())).toList();
    }

    private static String structureName(Deck deck, String id) {
        return deck.structure(id).map(StructureCard::name).orElse(id);
    }

    private static String nickname(Roster roster, String id) {
        return id == null ? null : roster.member(id).map(Roster.Member::nickname).orElse("?");
    }

    private static Person person(Roster roster, String id) {
        Roster.Member m = roster.member(id).orElse(null);
        return m == null ? new Person(id, "?", false) : new Person(id, m.nickname(), m.active());
    }
}
