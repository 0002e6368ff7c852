package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fr.atelier.workshops.core.TeamCommand;
import fr.atelier.workshops.core.WireNames;
import java.util.List;

/** What the facilitator, the phones and the server's timers can ask of a quiz. */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(WireNames.class)
@WireNames.Prefix("quiz")
public sealed interface QuizCommand {
    /** Facilitator, before the start: the whole bank to play (the log keeps it). */
    record UseBank(QuizBank bank) implements QuizCommand {}

    /** Facilitator, before the start. */
    record Configure(QuizSettings settings) implements QuizCommand {}

    /** Facilitator, or a participant when teams are self-service (they then join it). */
    record CreateTeam(String name) implements QuizCommand, TeamCommand.CreateTeam {}

    /** Facilitator. */
    record RenameTeam(String teamId, String name) implements QuizCommand, TeamCommand.RenameTeam {}

    /** Facilitator, before the start: members are left without a team. */
    record RemoveTeam(String teamId) implements QuizCommand, TeamCommand.RemoveTeam {}

    /** Participant: joins (or, before the start, switches to) a team. */
    record JoinTeam(String teamId) implements QuizCommand, TeamCommand.JoinTeam {}

    /** Participant, before the start. */
    record LeaveTeam() implements QuizCommand, TeamCommand.LeaveTeam {}

    /** Facilitator: puts someone in a team ({@code teamId} null: no team). */
    record MoveMember(String participantId, String teamId) implements QuizCommand, TeamCommand.MoveMember {}

    /**
     * Facilitator, before the start: spreads the active participants evenly. {@code teams} (optional)
     * first creates teams up to that count; {@code seed} drives the draw and is recorded.
     */
    record BalanceTeams(Long seed, Integer teams) implements QuizCommand, TeamCommand.BalanceTeams {}

    /** Facilitator: closes the set-up and starts playing. */
    record Start() implements QuizCommand {}

    /** Facilitator, live pacing: shows a question ({@code index} optional: the next one). */
    record Show(Integer index) implements QuizCommand {}

    /** Any member of a team: the team's answer (one field set, matching the type; empty clears it). */
    record Answer(String questionId, List<String> choices, Boolean truth, Double number, String text) implements QuizCommand {}

    /** Facilitator or timer, live pacing: no more answers to the current question. */
    record Lock(String questionId) implements QuizCommand {}

    /** Facilitator, live pacing: distribution, right answer, explanation and source (locks first). */
    record Reveal(String questionId) implements QuizCommand {}

    /** Facilitator, live pacing, after a reveal. */
    @JsonTypeName("quiz.scoreboard")
    record ShowScoreboard() implements QuizCommand {}

    /** A team member, challenge pacing: the team hands in its answers. */
    record Submit() implements QuizCommand {}

    /** Facilitator: more time for the current countdown (live) or the challenge. */
    record Extend(Integer seconds) implements QuizCommand {}

    /** Facilitator, or the timer at the challenge's deadline: podium and debrief. */
    record Finish() implements QuizCommand {}

    /** Facilitator, at the end: shows one question's debrief ({@code index} null: back to the podium). */
    record Debrief(Integer index) implements QuizCommand {}

    /** The server, at a deadline: locks the open question (live) or ends the challenge; stale ones do nothing. */
    record TimeUp(long deadline) implements QuizCommand, fr.atelier.workshops.core.TimeUp {}
}
