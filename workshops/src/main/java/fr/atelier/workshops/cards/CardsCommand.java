package fr.atelier.workshops.cards;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;
import java.util.Map;

/** What the facilitator, the phones and the timer can ask of a card session. Seeds make draws replayable. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("cards")
public sealed interface CardsCommand {
    /** Facilitator, before the first round: the whole deck travels in the command so the log records it. */
    record UseDeck(Deck deck) implements CardsCommand {}

    /** Participant: volunteers for a role. */
    record RaiseHand() implements CardsCommand {}

    record LowerHand() implements CardsCommand {}

    /** Facilitator: opens a round (the first, or the next one after a debrief). */
    record NextRound() implements CardsCommand {}

    /** Facilitator: gives the two roles by hand (any active participants). */
    record Assign(String counsellor, String beneficiary) implements CardsCommand {}

    /** Facilitator: picks both players at random among the raised hands. */
    record PickRandom(Long seed) implements CardsCommand {}

    /** Facilitator or the counsellor: draws (or redraws) a case card. */
    record DrawCase(Long seed) implements CardsCommand {}

    /** Facilitator or the beneficiary: draws (or redraws) a structure card. */
    record DrawStructure(Long seed) implements CardsCommand {}

    /** Facilitator: the scene begins; {@code seconds} (optional) sets the timer. */
    record StartScene(Integer seconds) implements CardsCommand {}

    /** Facilitator, during the scene: a new timer from now, or none when {@code seconds} is null. */
    record SetTimer(Integer seconds) implements CardsCommand {}

    /** The server's timer; stale ones (another round or deadline) are ignored. */
    record TimeUp(Integer round, long deadline) implements CardsCommand, fr.atelier.workshops.core.TimeUp {}

    /** Observer: the whole draft of their grid (autosaved), field id → values. */
    record SaveGrid(Integer round, Map<String, List<String>> answers) implements CardsCommand {}

    /** Facilitator: the scene is over, the players say how they lived it. */
    record OpenFeelings() implements CardsCommand {}

    /** Counsellor or beneficiary: their own feelings, in a few words. */
    record ShareFeeling(Integer round, String text) implements CardsCommand {}

    /** Facilitator: grids close and their aggregate goes on the projector. */
    record OpenDebrief() implements CardsCommand {}

    /**
     * Facilitator: a paper observation grid typed in (rooms without network), for a round already
     * played; field id → values, as {@link SaveGrid}. A card field, when given, must be the round's card.
     */
    record AddPaperGrid(Integer round, Map<String, List<String>> answers) implements CardsCommand {}

    /** Facilitator: removes a paper grid typed in by mistake ({@code paperId} as the console lists it). */
    record RemovePaperGrid(Integer round, String paperId) implements CardsCommand {}
}
