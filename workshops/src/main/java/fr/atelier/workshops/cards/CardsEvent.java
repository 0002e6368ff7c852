package fr.atelier.workshops.cards;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** Facts of a card session. Random outcomes are recorded with their seed, so replays never re-draw. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CardsEvent.DeckChosen.class, name = "cards.deckChosen"),
    @JsonSubTypes.Type(value = CardsEvent.HandRaised.class, name = "cards.handRaised"),
    @JsonSubTypes.Type(value = CardsEvent.HandLowered.class, name = "cards.handLowered"),
    @JsonSubTypes.Type(value = CardsEvent.RoundStarted.class, name = "cards.roundStarted"),
    @JsonSubTypes.Type(value = CardsEvent.RolesAssigned.class, name = "cards.rolesAssigned"),
    @JsonSubTypes.Type(value = CardsEvent.CaseDrawn.class, name = "cards.caseDrawn"),
    @JsonSubTypes.Type(value = CardsEvent.StructureDrawn.class, name = "cards.structureDrawn"),
    @JsonSubTypes.Type(value = CardsEvent.SceneStarted.class, name = "cards.sceneStarted"),
    @JsonSubTypes.Type(value = CardsEvent.TimerSet.class, name = "cards.timerSet"),
    @JsonSubTypes.Type(value = CardsEvent.TimeUp.class, name = "cards.timeUp"),
    @JsonSubTypes.Type(value = CardsEvent.GridSaved.class, name = "cards.gridSaved"),
    @JsonSubTypes.Type(value = CardsEvent.FeelingsOpened.class, name = "cards.feelingsOpened"),
    @JsonSubTypes.Type(value = CardsEvent.FeelingShared.class, name = "cards.feelingShared"),
    @JsonSubTypes.Type(value = CardsEvent.DebriefOpened.class, name = "cards.debriefOpened"),
})
public sealed interface CardsEvent {
    record DeckChosen(Deck deck, long at) implements CardsEvent {}

    record HandRaised(String participantId, long at) implements CardsEvent {}

    record HandLowered(String participantId, long at) implements CardsEvent {}

    record RoundStarted(int round, long at) implements CardsEvent {}

    /** {@code seed} is set when the pair was picked at random among the raised hands. */
    record RolesAssigned(int round, String counsellor, String beneficiary, Long seed, long at) implements CardsEvent {}

    record CaseDrawn(int round, int number, long seed, long at) implements CardsEvent {}

    record StructureDrawn(int round, String structureId, long seed, long at) implements CardsEvent {}

    record SceneStarted(int round, Long deadline, long at) implements CardsEvent {}

    record TimerSet(int round, Long deadline, long at) implements CardsEvent {}

    record TimeUp(int round, long at) implements CardsEvent {}

    record GridSaved(int round, String participantId, Map<String, List<String>> answers, long at) implements CardsEvent {}

    record FeelingsOpened(int round, long at) implements CardsEvent {}

    record FeelingShared(int round, String participantId, String text, long at) implements CardsEvent {}

    record DebriefOpened(int round, long at) implements CardsEvent {}
}
