package fr.atelier.workshops.core;

/**
 * The team commands of every format that plays in teams (quiz, hackathon), declared once. A
 * format's own command records implement these shapes: a record cannot belong to two sealed
 * hierarchies, and each keeps its format's wire name ({@code quiz.joinTeam}, {@code hackathon.joinTeam}).
 * {@link TeamRules} holds the rules they share.
 */
public interface TeamCommand {

    /** Facilitator, or a participant when teams are self-service (they then join it). */
    interface CreateTeam extends TeamCommand {
        String name();
    }

    interface RenameTeam extends TeamCommand {
        String teamId();

        String name();
    }

    /** Facilitator: its members are left without a team. */
    interface RemoveTeam extends TeamCommand {
        String teamId();
    }

    /** Participant: joins (or, while the format allows it, switches to) a team. */
    interface JoinTeam extends TeamCommand {
        String teamId();
    }

    interface LeaveTeam extends TeamCommand {}

    /** Facilitator: puts someone in a team ({@code teamId} null: no team); may exceed the size limit. */
    interface MoveMember extends TeamCommand {
        String participantId();

        String teamId();
    }

    /**
     * Facilitator: spreads the active participants evenly; {@code teams} (optional) first creates
     * teams up to that count; {@code seed} drives the draw and is recorded.
     */
    interface BalanceTeams extends TeamCommand {
        Long seed();

        Integer teams();
    }
}
