package fr.atelier.workshops.cards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chosen deck, the raised hands (in order) and every round so far, the last being the current one.
 * Cards drawn in any round (redrawn ones included) are never drawn again in the session.
 */
public record CardsState(Deck deck, List<String> hands, List<Round> rounds) {

    /** A round goes: roles and draws, the scene, the players' feelings, the grids' debrief. */
    public enum Stage { SETUP, SCENE, FEELINGS, DEBRIEF }

    public static final String COUNSELLOR = "counsellor";
    public static final String BENEFICIARY = "beneficiary";
    public static final String OBSERVER = "observer";
    /** Grids typed in from paper stand in a round's {@code grids} under "paper-1", "paper-2"… (participant ids start "p_"). */
    public static final String PAPER_PREFIX = "paper-";

    public static boolean isPaper(String gridOwner) {
        return gridOwner.startsWith(PAPER_PREFIX);
    }

    /**
     * One round. {@code casesDrawn}/{@code structuresDrawn} hold every draw of the round in order, the
     * last being the one in play. {@code grids}: observer id → field id → values (the card field is
     * never stored: it is the drawn number). {@code feelings}: player id → text.
     */
    public record Round(int number, Stage stage, String counsellor, String beneficiary, Long pickSeed,
                        List<Integer> casesDrawn, List<String> structuresDrawn, Long deadline, boolean timeUp,
                        Map<String, Map<String, List<String>>> grids, Map<String, String> feelings, long startedAt) {
        public Round {
            casesDrawn = List.copyOf(casesDrawn);
            structuresDrawn = List.copyOf(structuresDrawn);
            Map<String, Map<String, List<String>>> g = new LinkedHashMap<>();
            grids.forEach((k, v) -> g.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            grids = Collections.unmodifiableMap(g);
            feelings = Collections.unmodifiableMap(new LinkedHashMap<>(feelings));
        }

        static Round start(int number, long at) {
            return new Round(number, Stage.SETUP, null, null, null, List.of(), List.of(), null, false, Map.of(), Map.of(), at);
        }

        public Integer caseNumber() {
            return casesDrawn.isEmpty() ? null : casesDrawn.get(casesDrawn.size() - 1);
        }

        public String structureId() {
            return structuresDrawn.isEmpty() ? null : structuresDrawn.get(structuresDrawn.size() - 1);
        }

        /** "counsellor", "beneficiary" or "observer". */
        public String roleOf(String participantId) {
            if (participantId.equals(counsellor)) {
                return COUNSELLOR;
            }
            if (participantId.equals(beneficiary)) {
                return BENEFICIARY;
            }
            return OBSERVER;
        }

        public boolean isPlayer(String participantId) {
            return participantId.equals(counsellor) || participantId.equals(beneficiary);
        }

        /** The scene has been played (the round counts in the synthesis). */
        public boolean played() {
            return stage != Stage.SETUP;
        }

        Round withStage(Stage s) {
            return new Round(number, s, counsellor, beneficiary, pickSeed, casesDrawn, structuresDrawn, deadline, timeUp, grids, feelings, startedAt);
        }

        Round withRoles(String c, String b, Long seed) {
            return new Round(number, stage, c, b, seed, casesDrawn, structuresDrawn, deadline, timeUp, grids, feelings, startedAt);
        }

        Round withCase(int n) {
            List<Integer> drawn = new ArrayList<>(casesDrawn);
            drawn.add(n);
            return new Round(number, stage, counsellor, beneficiary, pickSeed, drawn, structuresDrawn, deadline, timeUp, grids, feelings, startedAt);
        }

        Round withStructure(String id) {
            List<String> drawn = new ArrayList<>(structuresDrawn);
            drawn.add(id);
            return new Round(number, stage, counsellor, beneficiary, pickSeed, casesDrawn, drawn, deadline, timeUp, grids, feelings, startedAt);
        }

        Round withDeadline(Long d, boolean up) {
            return new Round(number, stage, counsellor, beneficiary, pickSeed, casesDrawn, structuresDrawn, d, up, grids, feelings, startedAt);
        }

        Round withGrid(String participantId, Map<String, List<String>> answers) {
            Map<String, Map<String, List<String>>> g = new LinkedHashMap<>(grids);
            g.put(participantId, answers);
            return new Round(number, stage, counsellor, beneficiary, pickSeed, casesDrawn, structuresDrawn, deadline, timeUp, g, feelings, startedAt);
        }

        Round withoutGrid(String owner) {
            Map<String, Map<String, List<String>>> g = new LinkedHashMap<>(grids);
            g.remove(owner);
            return new Round(number, stage, counsellor, beneficiary, pickSeed, casesDrawn, structuresDrawn, deadline, timeUp, g, feelings, startedAt);
        }

        /** The ids of the paper grids typed in for this round, in the order they were typed. */
        public List<String> paperGrids() {
            return grids.keySet().stream().filter(CardsState::isPaper).toList();
        }

        Round withFeeling(String participantId, String text) {
            Map<String, String> f = new LinkedHashMap<>(feelings);
            f.put(participantId, text);
            return new Round(number, stage, counsellor, beneficiary, pickSeed, casesDrawn, structuresDrawn, deadline, timeUp, grids, f, startedAt);
        }
    }

    public CardsState {
        hands = List.copyOf(hands);
        rounds = List.copyOf(rounds);
    }

    public static CardsState empty() {
        return new CardsState(null, List.of(), List.of());
    }

    public Round current() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** Case numbers drawn so far in the session, redraws included. */
    public Set<Integer> casesDrawn() {
        Set<Integer> all = new LinkedHashSet<>();
        rounds.forEach(r -> all.addAll(r.casesDrawn()));
        return all;
    }

    public Set<String> structuresDrawn() {
        Set<String> all = new LinkedHashSet<>();
        rounds.forEach(r -> all.addAll(r.structuresDrawn()));
        return all;
    }

    public List<CaseCard> casesLeft() {
        if (deck == null) {
            return List.of();
        }
        Set<Integer> drawn = casesDrawn();
        return deck.cases().stream().filter(c -> !drawn.contains(c.number())).toList();
    }

    public List<StructureCard> structuresLeft() {
        if (deck == null) {
            return List.of();
        }
        Set<String> drawn = structuresDrawn();
        return deck.structures().stream().filter(s -> !drawn.contains(s.id())).toList();
    }

    CardsState withDeck(Deck d) {
        return new CardsState(d, hands, rounds);
    }

    CardsState withHands(List<String> h) {
        return new CardsState(deck, h, rounds);
    }

    CardsState withCurrent(Round r) {
        List<Round> copy = new ArrayList<>(rounds);
        copy.set(copy.size() - 1, r);
        return new CardsState(deck, hands, copy);
    }

    public Round round(int number) {
        return rounds.stream().filter(r -> r.number() == number).findFirst().orElse(null);
    }

    CardsState withRound(Round r) {
        List<Round> copy = new ArrayList<>(rounds);
        copy.replaceAll(x -> x.number() == r.number() ? r : x);
        return new CardsState(deck, hands, copy);
    }

    CardsState add(Round r) {
        List<Round> copy = new ArrayList<>(rounds);
        copy.add(r);
        return new CardsState(deck, hands, copy);
    }
}
