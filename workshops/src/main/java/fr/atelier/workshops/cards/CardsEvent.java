package fr.atelier.workshops.cards;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.WireNames;
import java.util.List;
import java.util.Map;

/** Facts of a card session. Random outcomes are recorded with their seed, so replays never re-draw. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("cards")
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

    /** A paper grid typed in by the facilitator; {@code paperId} ("paper-1"…) stands where a phone grid has its observer. */
    record PaperGridAdded(int round, String paperId, Map<String, List<String>> answers, long at) implements CardsEvent {}

    record PaperGridRemoved(int round, String paperId, long at) implements CardsEvent {}
}
