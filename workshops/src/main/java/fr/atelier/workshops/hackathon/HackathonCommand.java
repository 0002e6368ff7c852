package fr.atelier.workshops.hackathon;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.TeamCommand;
import fr.atelier.workshops.core.WireNames;
import java.util.List;
import java.util.Map;

/** What the facilitator, the phones (team members, jurors) and the server's timers can ask of a hackathon. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("hackathon")
public sealed interface HackathonCommand {
    /** Facilitator, while teams form: the challenges and rubric to play (the log keeps them) and the settings. */
    record Setup(HackathonKit kit, HackathonSettings settings) implements HackathonCommand {}

    /** Facilitator, or a participant when teams are self-service (they then join it). */
    record CreateTeam(String name) implements HackathonCommand, TeamCommand.CreateTeam {}

    /** Facilitator or a member of the team, until the pitches. */
    record RenameTeam(String teamId, String name) implements HackathonCommand, TeamCommand.RenameTeam {}

    /** Facilitator, while teams form: its members are left without a team. */
    record RemoveTeam(String teamId) implements HackathonCommand, TeamCommand.RemoveTeam {}

    /** Participant: joins a team (switching only while teams form; later only when in none). */
    record JoinTeam(String teamId) implements HackathonCommand, TeamCommand.JoinTeam {}

    /** Participant, while teams form. */
    record LeaveTeam() implements HackathonCommand, TeamCommand.LeaveTeam {}

    /** Facilitator: puts someone in a team ({@code teamId} null: no team); may exceed the size limit. */
    record MoveMember(String participantId, String teamId) implements HackathonCommand, TeamCommand.MoveMember {}

    /** Facilitator, while teams form: spreads the active non-jury participants; {@code teams} creates teams up to that count first. */
    record BalanceTeams(Long seed, Integer teams) implements HackathonCommand, TeamCommand.BalanceTeams {}

    /** A team member (their team) or the facilitator ({@code teamId} required); {@code challengeId} null: none. */
    record ChooseChallenge(String teamId, String challengeId) implements HackathonCommand {}

    /**
     * Facilitator: moves the day on to {@code to} (a later stage). {@code minutes} (optional) overrides the
     * phase's countdown (0: none); {@code seed} draws the pitch order when entering PITCH.
     */
    record Advance(String to, Integer minutes, Long seed) implements HackathonCommand {}

    /** Facilitator: adds minutes to the current countdown (restarts it from now when it has run out). */
    record Extend(Integer minutes) implements HackathonCommand {}

    /** The server at a deadline: stage or pitch countdown, or a presence that timed out. Stale ones do nothing. */
    @WireNames.Formerly("hackathon.expire")
    record TimeUp(@JsonAlias("at") long deadline) implements HackathonCommand, fr.atelier.workshops.core.TimeUp {}

    /** A team member starts writing in a field (teammates see it). */
    record Focus(String field) implements HackathonCommand {}

    /** A team member leaves a field. */
    record Blur(String field) implements HackathonCommand {}

    /**
     * A team member saves a field's text. {@code baseRev} is the field revision the text was written
     * from: if a teammate saved in between, the edit is refused with {@code conflict} and nothing is lost.
     */
    record Edit(String field, Integer baseRev, String text) implements HackathonCommand {}

    record AddIdea(String text) implements HackathonCommand {}

    /** The idea's author (or the facilitator). */
    record RemoveIdea(String ideaId) implements HackathonCommand {}

    /** A team member puts ({@code on}) or takes back a dot on one of the team's ideas. */
    record Dot(String ideaId, Boolean on) implements HackathonCommand {}

    /** Facilitator, during the pitches: the whole running order (team ids). */
    record PitchOrder(List<String> order) implements HackathonCommand {}

    /** Facilitator, during the pitches: starts this team's pitch and its timer ({@code teamId} null: stops). */
    record Pitch(String teamId) implements HackathonCommand {}

    /** Facilitator: a new jury seat; the console keeps the token and sends only its SHA-256 (hex). */
    record InviteJury(String label, String tokenHash) implements HackathonCommand {}

    /** Facilitator: removes a seat and its ballots. */
    record RevokeJury(String seatId) implements HackathonCommand {}

    /** Participant: presents the token of a jury link to take its seat. */
    record ClaimJury(String token) implements HackathonCommand {}

    /** Juror or participant: scores (1–5) on every criterion of the rubric for a team that has pitched. */
    record Score(String teamId, Map<String, Integer> scores) implements HackathonCommand {}
}
