package fr.atelier.workshops.core;

import java.util.List;
import java.util.Map;

/**
 * The team facts of every format that plays in teams, declared once: a format's event records
 * implement these shapes (keeping their format's type names in the log), {@link Teams#apply}
 * evolves them once, and {@link Factory} lets {@link TeamRules} build the format's own records.
 */
public interface TeamEvent {

    long at();

    /** {@code by}: the participant who created it (and joins it), null for the facilitator. */
    interface TeamCreated extends TeamEvent {
        String teamId();

        String name();

        String by();
    }

    interface TeamRenamed extends TeamEvent {
        String teamId();

        String name();
    }

    interface TeamRemoved extends TeamEvent {
        String teamId();
    }

    interface MemberJoined extends TeamEvent {
        String teamId();

        String participantId();
    }

    interface MemberLeft extends TeamEvent {
        String participantId();
    }

    /** The draw's seed, the teams it created, and the resulting membership of every team. */
    interface TeamsBalanced extends TeamEvent {
        long seed();

        List<Teams.NewTeam> created();

        Map<String, List<String>> assignment();
    }

    /**
     * Builds one format's team event records, from their constructors:
     * {@code new Factory<>(TeamCreated::new, TeamRenamed::new, TeamRemoved::new, MemberJoined::new, MemberLeft::new, TeamsBalanced::new)}.
     */
    record Factory<E>(Created<E> created, Renamed<E> renamed, ById<E> removed, Joined<E> joined, ById<E> left,
                      Balanced<E> balanced) {}

    interface Created<E> {
        E of(String teamId, String name, String by, long at);
    }

    interface Renamed<E> {
        E of(String teamId, String name, long at);
    }

    interface ById<E> {
        E of(String id, long at);
    }

    interface Joined<E> {
        E of(String teamId, String participantId, long at);
    }

    interface Balanced<E> {
        E of(long seed, List<Teams.NewTeam> created, Map<String, List<String>> assignment, long at);
    }
}
