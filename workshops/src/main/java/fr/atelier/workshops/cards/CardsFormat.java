package fr.atelier.workshops.cards;

import fr.atelier.workshops.cards.CardsCommand.Assign;
import fr.atelier.workshops.cards.CardsCommand.DrawCase;
import fr.atelier.workshops.cards.CardsCommand.DrawStructure;
import fr.atelier.workshops.cards.CardsCommand.LowerHand;
import fr.atelier.workshops.cards.CardsCommand.NextRound;
import fr.atelier.workshops.cards.CardsCommand.OpenDebrief;
import fr.atelier.workshops.cards.CardsCommand.OpenFeelings;
import fr.atelier.workshops.cards.CardsCommand.PickRandom;
import fr.atelier.workshops.cards.CardsCommand.RaiseHand;
import fr.atelier.workshops.cards.CardsCommand.SaveGrid;
import fr.atelier.workshops.cards.CardsCommand.SetTimer;
import fr.atelier.workshops.cards.CardsCommand.ShareFeeling;
import fr.atelier.workshops.cards.CardsCommand.StartScene;
import fr.atelier.workshops.cards.CardsCommand.UseDeck;
import fr.atelier.workshops.cards.CardsEvent.CaseDrawn;
import fr.atelier.workshops.cards.CardsEvent.DebriefOpened;
import fr.atelier.workshops.cards.CardsEvent.DeckChosen;
import fr.atelier.workshops.cards.CardsEvent.FeelingShared;
import fr.atelier.workshops.cards.CardsEvent.FeelingsOpened;
import fr.atelier.workshops.cards.CardsEvent.GridSaved;
import fr.atelier.workshops.cards.CardsEvent.HandLowered;
import fr.atelier.workshops.cards.CardsEvent.HandRaised;
import fr.atelier.workshops.cards.CardsEvent.RolesAssigned;
import fr.atelier.workshops.cards.CardsEvent.RoundStarted;
import fr.atelier.workshops.cards.CardsEvent.SceneStarted;
import fr.atelier.workshops.cards.CardsEvent.StructureDrawn;
import fr.atelier.workshops.cards.CardsEvent.TimerSet;
import fr.atelier.workshops.cards.CardsState.Round;
import fr.atelier.workshops.cards.CardsState.Stage;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.FormatBase;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * "Jeu de cartes SPRO" (good practice #4 of the regional guide): two volunteers play a counsellor and
 * a person seeking help on a drawn case card and structure card, the others observe with a grid,
 * then the group debriefs.
 */
public final class CardsFormat extends FormatBase<CardsState, CardsCommand, CardsEvent> {
    public static final String ID = "cards";
    public static final int SECONDS_MIN = 10;
    public static final int SECONDS_MAX = 3600;
    public static final int TEXT_MAX = 600;
    public static final int ITEM_MAX = 150;
    public static final int ITEMS_MAX = 12;
    public static final int FEELING_MAX = 500;

    public CardsFormat() {
        super(ID, "Jeu de cartes SPRO", CardsState.class, CardsCommand.class, CardsEvent.class, CardsState.empty(),
                CardsViews::view, CardsViews::results);
    }

    @Override
    public Decision<CardsEvent> decide(CardsState s, Roster roster, Actor who, CardsCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof CardsCommand.TimeUp t) {
            return timeUp(s, who, t, at);
        }
        if (c instanceof RaiseHand || c instanceof LowerHand) {
            return hand(s, roster, who, c instanceof RaiseHand, at);
        }
        if (c instanceof SaveGrid g) {
            return saveGrid(s, roster, who, g, at);
        }
        if (c instanceof ShareFeeling f) {
            return shareFeeling(s, who, f, at);
        }
        Round r = s.current();
        if (c instanceof DrawCase d && r != null && who instanceof Actor.Participant p && p.id().equals(r.counsellor())) {
            return drawCase(s, d, at);
        }
        if (c instanceof DrawStructure d && r != null && who instanceof Actor.Participant p && p.id().equals(r.beneficiary())) {
            return drawStructure(s, d, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Seul l'animateur ou l'animatrice peut faire cela.");
        }
        if (c instanceof UseDeck u) {
            return useDeck(s, u, at);
        }
        if (s.deck() == null) {
            return Decision.reject("wrong_phase", "Choisissez d'abord un jeu de cartes.");
        }
        if (c instanceof CardsCommand.AddPaperGrid p) {
            return PaperGrids.add(s, p, at);
        }
        if (c instanceof CardsCommand.RemovePaperGrid p) {
            return PaperGrids.remove(s, p, at);
        }
        if (c instanceof NextRound) {
            if (r != null && r.stage() != Stage.DEBRIEF) {
                return Decision.reject("wrong_phase", "Terminez la manche en cours (débriefing) avant d'en lancer une autre.");
            }
            return Decision.accept(new RoundStarted(s.rounds().size() + 1, at));
        }
        if (r == null) {
            return Decision.reject("wrong_phase", "Lancez d'abord une manche.");
        }
        if (c instanceof Assign a) {
            return assign(r, roster, a, at);
        }
        if (c instanceof PickRandom p) {
            return pickRandom(s, r, roster, p, at);
        }
        if (c instanceof DrawCase d) {
            return drawCase(s, d, at);
        }
        if (c instanceof DrawStructure d) {
            return drawStructure(s, d, at);
        }
        if (c instanceof StartScene st) {
            return startScene(r, roster, st, at);
        }
        if (c instanceof SetTimer t) {
            if (r.stage() != Stage.SCENE) {
                return Decision.reject("wrong_phase", "Le minuteur ne sert que pendant la scène.");
            }
            if (!validSeconds(t.seconds())) {
                return Decision.reject("invalid", secondsMessage());
            }
            return Decision.accept(new TimerSet(r.number(), deadline(t.seconds(), at), at));
        }
        if (c instanceof OpenFeelings) {
            if (r.stage() != Stage.SCENE) {
                return Decision.reject("wrong_phase", "Le retour des joueurs suit la scène.");
            }
            return Decision.accept(new FeelingsOpened(r.number(), at));
        }
        if (c instanceof OpenDebrief) {
            if (r.stage() != Stage.SCENE && r.stage() != Stage.FEELINGS) {
                return Decision.reject("wrong_phase", r.stage() == Stage.DEBRIEF ? "Le débriefing est déjà affiché."
                        : "Jouez d'abord la scène.");
            }
            return Decision.accept(new DebriefOpened(r.number(), at));
        }
        throw new IllegalStateException("unknown command " + c);
    }

    private Decision<CardsEvent> useDeck(CardsState s, UseDeck u, long at) {
        if (!s.rounds().isEmpty()) {
            return Decision.reject("wrong_phase", "Le jeu de cartes ne peut plus changer une fois la première manche lancée.");
        }
        if (u.deck() == null) {
            return Decision.reject("invalid", "Aucun jeu de cartes reçu.");
        }
        List<ContentLibrary.Problem> problems = CardsLibrary.check(u.deck());
        if (!problems.isEmpty()) {
            String first = problems.get(0).message();
            return Decision.reject("invalid", problems.size() == 1 ? "Jeu de cartes invalide : " + first
                    : "Jeu de cartes invalide (" + problems.size() + " problèmes) : " + first);
        }
        return Decision.accept(new DeckChosen(u.deck(), at));
    }

    private Decision<CardsEvent> hand(CardsState s, Roster roster, Actor who, boolean raise, long at) {
        if (!(who instanceof Actor.Participant me) || !roster.isActive(me.id())) {
            return Decision.reject("forbidden", "Seuls les participants se portent volontaires.");
        }
        boolean raised = s.hands().contains(me.id());
        if (raise == raised) {
            return Decision.accept(List.of());
        }
        return Decision.accept(raise ? new HandRaised(me.id(), at) : new HandLowered(me.id(), at));
    }

    private Decision<CardsEvent> assign(Round r, Roster roster, Assign a, long at) {
        if (r.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Les rôles se donnent avant la scène.");
        }
        if (a.counsellor() == null || a.beneficiary() == null || !roster.isActive(a.counsellor()) || !roster.isActive(a.beneficiary())) {
            return Decision.reject("not_found", "Choisissez deux participants présents.");
        }
        if (a.counsellor().equals(a.beneficiary())) {
            return Decision.reject("invalid", "Il faut deux personnes différentes pour les deux rôles.");
        }
        return Decision.accept(new RolesAssigned(r.number(), a.counsellor(), a.beneficiary(), null, at));
    }

    private Decision<CardsEvent> pickRandom(CardsState s, Round r, Roster roster, PickRandom p, long at) {
        if (r.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Les rôles se donnent avant la scène.");
        }
        List<String> candidates = s.hands().stream().filter(roster::isActive).toList();
        if (candidates.size() < 2) {
            return Decision.reject("wrong_phase", "Il faut au moins deux volontaires pour un tirage au sort.");
        }
        long seed = seed(p.seed(), at, r.number());
        int i = index(seed, candidates.size());
        int j = index(mix(seed), candidates.size() - 1);
        if (j >= i) {
            j++;
        }
        return Decision.accept(new RolesAssigned(r.number(), candidates.get(i), candidates.get(j), seed, at));
    }

    private Decision<CardsEvent> drawCase(CardsState s, DrawCase d, long at) {
        int round = s.current().number();
        return draw(s.current(), s.casesLeft(), "Toutes les cartes situation ont déjà été tirées pendant cette session.", d.seed(), at,
                (card, seed) -> new CaseDrawn(round, card.number(), seed, at));
    }

    private Decision<CardsEvent> drawStructure(CardsState s, DrawStructure d, long at) {
        int round = s.current().number();
        return draw(s.current(), s.structuresLeft(), "Toutes les cartes structure ont déjà été tirées pendant cette session.", d.seed(),
                at, (card, seed) -> new StructureDrawn(round, card.id(), seed, at));
    }

    /** One card of those {@code left}, by the seed given (or one made of the time): before the scene only. */
    private static <T> Decision<CardsEvent> draw(Round r, List<T> left, String allDrawn, Long given, long at,
                                                 BiFunction<T, Long, CardsEvent> drawn) {
        if (r.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Les cartes se tirent avant la scène.");
        }
        if (left.isEmpty()) {
            return Decision.reject("wrong_phase", allDrawn);
        }
        long seed = seed(given, at, r.number());
        return Decision.accept(drawn.apply(left.get(index(seed, left.size())), seed));
    }

    private Decision<CardsEvent> startScene(Round r, Roster roster, StartScene st, long at) {
        if (r.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "La scène a déjà commencé.");
        }
        if (r.counsellor() == null || !roster.isActive(r.counsellor()) || !roster.isActive(r.beneficiary())) {
            return Decision.reject("wrong_phase", "Donnez d'abord les deux rôles à des participants présents.");
        }
        if (r.caseNumber() == null || r.structureId() == null) {
            return Decision.reject("wrong_phase", "Tirez d'abord une carte situation et une carte structure.");
        }
        if (st.seconds() != null && !validSeconds(st.seconds())) {
            return Decision.reject("invalid", secondsMessage());
        }
        return Decision.accept(new SceneStarted(r.number(), deadline(st.seconds(), at), at));
    }

    private Decision<CardsEvent> timeUp(CardsState s, Actor who, CardsCommand.TimeUp t, long at) {
        if (!(who instanceof Actor.System)) {
            return Decision.reject("forbidden", "Seul le minuteur du serveur termine le temps.");
        }
        Round r = s.current();
        if (r == null || t.round() == null || r.number() != t.round() || r.stage() != Stage.SCENE || r.timeUp()
                || r.deadline() == null || !r.deadline().equals(t.deadline())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new CardsEvent.TimeUp(r.number(), at));
    }

    private Decision<CardsEvent> saveGrid(CardsState s, Roster roster, Actor who, SaveGrid g, long at) {
        if (!(who instanceof Actor.Participant me) || !roster.isActive(me.id())) {
            return Decision.reject("forbidden", "Seuls les participants remplissent une grille d'observation.");
        }
        Round r = s.current();
        if (r == null || g.round() == null || r.number() != g.round()) {
            return Decision.reject("not_found", "Cette manche n'est plus en cours.");
        }
        if (r.isPlayer(me.id())) {
            return Decision.reject("forbidden", "Les joueurs ne remplissent pas la grille d'observation.");
        }
        if (r.stage() != Stage.SCENE && r.stage() != Stage.FEELINGS) {
            return Decision.reject("wrong_phase", r.stage() == Stage.SETUP ? "La grille s'ouvre quand la scène commence."
                    : "Trop tard : les grilles sont fermées pour le débriefing.");
        }
        if (g.answers() == null) {
            return Decision.reject("invalid", "Grille vide.");
        }
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : g.answers().entrySet()) {
            GridField field = s.deck().grid().stream().filter(f -> f.id().equals(e.getKey())).findFirst().orElse(null);
            if (field == null) {
                return Decision.reject("invalid", "Champ de grille inconnu : « " + Text.clean(e.getKey()) + " ».");
            }
            if (GridField.CARD.equals(field.kind())) {
                continue; // always the drawn card: never taken from a phone
            }
            String problem = cleanValues(s.deck(), field, e.getValue(), clean);
            if (problem != null) {
                return Decision.reject("invalid", problem);
            }
        }
        Map<String, List<String>> before = r.grids().get(me.id());
        if (Objects.equals(before == null ? Map.of() : before, clean)) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new GridSaved(r.number(), me.id(), clean, at));
    }

    /** Cleans one field's values into {@code out} (empty fields are left out); a French problem, or null. */
    static String cleanValues(Deck deck, GridField field, List<String> values, Map<String, List<String>> out) {
        if (values == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            String item = Text.clean(v);
            if (item.isEmpty()) {
                continue;
            }
            if (GridField.TEXT.equals(field.kind())) {
                if (item.length() > TEXT_MAX) {
                    return "« " + field.label() + " » : " + TEXT_MAX + " caractères au plus.";
                }
                if (!kept.isEmpty()) {
                    return "« " + field.label() + " » attend un seul texte.";
                }
            } else if (GridField.STRUCTURES.equals(field.kind())) {
                if (deck.structure(item).isEmpty()) {
                    return "« " + field.label() + " » : structure inconnue.";
                }
            } else {
                if (item.contains("\n")) {
                    item = item.replaceAll("\\s*\\n\\s*", " ");
                }
                if (item.length() > ITEM_MAX) {
                    return "« " + field.label() + " » : chaque élément fait " + ITEM_MAX + " caractères au plus.";
                }
            }
            if (seen.add(GridField.STRUCTURES.equals(field.kind()) ? item : Text.foldForComparison(item))) {
                kept.add(item);
            }
        }
        int max = GridField.STRUCTURES.equals(field.kind()) ? deck.structures().size() : ITEMS_MAX;
        if (kept.size() > max) {
            return "« " + field.label() + " » : " + max + " éléments au plus.";
        }
        if (!kept.isEmpty()) {
            out.put(field.id(), List.copyOf(kept));
        }
        return null;
    }

    private Decision<CardsEvent> shareFeeling(CardsState s, Actor who, ShareFeeling f, long at) {
        Round r = s.current();
        if (!(who instanceof Actor.Participant me) || r == null || !r.isPlayer(me.id())) {
            return Decision.reject("forbidden", "Seuls les deux joueurs partagent leur ressenti.");
        }
        if (f.round() == null || r.number() != f.round()) {
            return Decision.reject("not_found", "Cette manche n'est plus en cours.");
        }
        if (r.stage() != Stage.FEELINGS && r.stage() != Stage.DEBRIEF) {
            return Decision.reject("wrong_phase", "Le ressenti se partage après la scène.");
        }
        String text = Text.clean(f.text());
        if (text.isEmpty() || text.length() > FEELING_MAX) {
            return Decision.reject("invalid", "Votre ressenti doit faire de 1 à " + FEELING_MAX + " caractères.");
        }
        if (text.equals(r.feelings().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new FeelingShared(r.number(), me.id(), text, at));
    }

    private static boolean validSeconds(Integer seconds) {
        return seconds == null || (seconds >= SECONDS_MIN && seconds <= SECONDS_MAX);
    }

    private static String secondsMessage() {
        return "La durée doit être comprise entre " + SECONDS_MIN + " secondes et une heure.";
    }

    private static Long deadline(Integer seconds, long at) {
        return seconds == null ? null : at + seconds * 1000L;
    }

    /** The command's seed, or one derived from the command's time when a client sent none. */
    private static long seed(Long given, long at, int round) {
        return given != null ? given : mix(at * 31 + round);
    }

    private static int index(long seed, int size) {
        return (int) Math.floorMod(mix(seed), (long) size);
    }

    /** SplitMix64 finaliser: spreads close seeds apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public CardsState evolve(CardsState s, CardsEvent e) {
        if (e instanceof DeckChosen d) {
            return s.withDeck(d.deck());
        }
        if (e instanceof HandRaised h) {
            List<String> hands = new ArrayList<>(s.hands());
            hands.add(h.participantId());
            return s.withHands(hands);
        }
        if (e instanceof HandLowered h) {
            return s.withHands(s.hands().stream().filter(id -> !id.equals(h.participantId())).toList());
        }
        if (e instanceof RoundStarted rs) {
            return s.add(Round.start(rs.round(), rs.at()));
        }
        Round r = s.current();
        if (e instanceof RolesAssigned a) {
            // The two players are no longer waiting to volunteer.
            List<String> hands = s.hands().stream().filter(id -> !id.equals(a.counsellor()) && !id.equals(a.beneficiary())).toList();
            return s.withHands(hands).withCurrent(r.withRoles(a.counsellor(), a.beneficiary(), a.seed()));
        }
        if (e instanceof CaseDrawn d) {
            return s.withCurrent(r.withCase(d.number()));
        }
        if (e instanceof StructureDrawn d) {
            return s.withCurrent(r.withStructure(d.structureId()));
        }
        if (e instanceof SceneStarted st) {
            return s.withCurrent(r.withStage(Stage.SCENE).withDeadline(st.deadline(), false));
        }
        if (e instanceof TimerSet t) {
            return s.withCurrent(r.withDeadline(t.deadline(), false));
        }
        if (e instanceof CardsEvent.TimeUp) {
            return s.withCurrent(r.withDeadline(r.deadline(), true));
        }
        if (e instanceof GridSaved g) {
            return s.withCurrent(r.withGrid(g.participantId(), g.answers()));
        }
        if (e instanceof CardsEvent.PaperGridAdded p) {
            return s.withRound(s.round(p.round()).withGrid(p.paperId(), p.answers()));
        }
        if (e instanceof CardsEvent.PaperGridRemoved p) {
            return s.withRound(s.round(p.round()).withoutGrid(p.paperId()));
        }
        if (e instanceof FeelingsOpened) {
            return s.withCurrent(r.withStage(Stage.FEELINGS));
        }
        if (e instanceof FeelingShared f) {
            return s.withCurrent(r.withFeeling(f.participantId(), f.text()));
        }
        if (e instanceof DebriefOpened) {
            return s.withCurrent(r.withStage(Stage.DEBRIEF));
        }
        throw new IllegalStateException("unknown event " + e);
    }

    /** Grids and feelings change only their author's phone; raised hands change every phone's volunteer count. */
    @Override
    public Impact impact(CardsEvent e) {
        if (e instanceof GridSaved g) {
            return Impact.only(g.participantId());
        }
        if (e instanceof FeelingShared f) {
            return Impact.only(f.participantId());
        }
        if (e instanceof CardsEvent.PaperGridAdded || e instanceof CardsEvent.PaperGridRemoved) {
            return Impact.AGGREGATES_ONLY;
        }
        return Impact.ALL;
    }

    @Override
    public Instant nextDeadline(CardsState s) {
        Round r = s.current();
        return r != null && r.stage() == Stage.SCENE && r.deadline() != null && !r.timeUp()
                ? Instant.ofEpochMilli(r.deadline()) : null;
    }

    @Override
    public CardsCommand timeUp(CardsState s, Instant deadline) {
        Round r = s.current();
        return r == null || deadline == null ? null : new CardsCommand.TimeUp(r.number(), deadline.toEpochMilli());
    }
}
