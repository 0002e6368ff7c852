package fr.atelier.workshops.hackathon;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.WireNames;
import java.util.List;
import java.util.Map;

/**
 * Facts of a hackathon. Replaying them rebuilds the state; draws record their seed and outcome.
 * Workspace events carry {@code members}: the team's phones they change (see {@code impact}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("hackathon")
public sealed interface HackathonEvent {
    record SetUp(HackathonKit kit, HackathonSettings settings, long at) implements HackathonEvent {}

    /** {@code by}: the participant who created it (and joins it), null for the facilitator. */
    record TeamCreated(String teamId, String name, String by, long at) implements HackathonEvent, TeamEvent.TeamCreated {}

    record TeamRenamed(String teamId, String name, long at) implements HackathonEvent, TeamEvent.TeamRenamed {}

    record TeamRemoved(String teamId, long at) implements HackathonEvent, TeamEvent.TeamRemoved {}

    record MemberJoined(String teamId, String participantId, long at) implements HackathonEvent, TeamEvent.MemberJoined {}

    record MemberLeft(String participantId, long at) implements HackathonEvent, TeamEvent.MemberLeft {}

    /** The draw's seed, the teams it created, and the resulting membership of every team. */
    record TeamsBalanced(long seed, List<Teams.NewTeam> created, Map<String, List<String>> assignment, long at)
            implements HackathonEvent, TeamEvent.TeamsBalanced {}

    record ChallengeChosen(String teamId, String challengeId, long at) implements HackathonEvent {}

    /** {@code deadline}: the new stage's countdown; {@code pitchOrder} (entering PITCH): the drawn order and its seed. */
    record StageChanged(HackathonState.Stage stage, Long deadline, List<String> pitchOrder, Long seed, long at) implements HackathonEvent {}

    /** {@code what}: "stage" or "pitch". */
    record DeadlineExtended(String what, long deadline, long at) implements HackathonEvent {}

    /** {@code what}: "stage" or "pitch". */
    record TimeUp(String what, long at) implements HackathonEvent {}

    /** {@code field} null: the member left the field (blur, or a timeout when {@code timedOut}). */
    record PresenceChanged(String teamId, String participantId, String field, Long until, boolean timedOut, long at,
                           List<String> members) implements HackathonEvent {}

    /** The field's text as of revision {@code rev}. */
    record FieldEdited(String teamId, String field, int rev, String text, String by, long at, List<String> members)
            implements HackathonEvent {}

    record IdeaAdded(String teamId, String ideaId, String text, String by, long at, List<String> members) implements HackathonEvent {}

    record IdeaRemoved(String teamId, String ideaId, long at, List<String> members) implements HackathonEvent {}

    record DotChanged(String teamId, String ideaId, String participantId, boolean on, long at, List<String> members)
            implements HackathonEvent {}

    record PitchOrderSet(List<String> order, long at) implements HackathonEvent {}

    /** {@code teamId} null: no pitch running any more. */
    record PitchStarted(String teamId, Long deadline, long at) implements HackathonEvent {}

    record JuryInvited(String seatId, String label, String tokenHash, long at) implements HackathonEvent {}

    record JuryRevoked(String seatId, long at) implements HackathonEvent {}

    /** {@code previous}: who held the seat before (null if nobody); the new holder leaves their team. */
    record JuryClaimed(String seatId, String participantId, String previous, long at) implements HackathonEvent {}

    /** {@code voter}: the jury seat id, or the participant id for a public vote. */
    record Scored(String voter, boolean jury, String participantId, String teamId, Map<String, Integer> scores, long at)
            implements HackathonEvent {}
}
