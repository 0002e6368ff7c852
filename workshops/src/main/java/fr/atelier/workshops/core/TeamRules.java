package fr.atelier.workshops.core;

import java.util.List;
import java.util.function.Predicate;

/**
 * The team rules every team format shares, once the format has said the phase allows the command
 * (who may, and when, is the format's). Refusals carry the same codes and French messages in every
 * format; events are the format's own records, built by its {@link TeamEvent.Factory}.
 */
public final class TeamRules<E> {
    public static final String NOT_FOUND = "Cette équipe n'existe pas (ou plus).";
    private final TeamEvent.Factory<E> events;
    private final String prefix;

    /** {@code prefix}: the start of the format's team ids ("t1", "t2"...). */
    public TeamRules(TeamEvent.Factory<E> events, String prefix) {
        this.events = events;
        this.prefix = prefix;
    }

    /** A new team; {@code by} (a participant, or null for the facilitator) joins it at once. */
    public Decision<E> create(Teams teams, String rawName, String by, long at) {
        String name = Teams.cleanName(rawName);
        String problem = teams.problemCreating(name);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        String id = teams.nextId(prefix);
        if (by == null) {
            return Decision.accept(events.created().of(id, name, null, at));
        }
        return Decision.accept(events.created().of(id, name, by, at), events.joined().of(id, by, at));
    }

    public Decision<E> rename(Teams teams, String teamId, String rawName, long at) {
        if (teamId == null || teams.team(teamId).isEmpty()) {
            return notFound();
        }
        String name = Teams.cleanName(rawName);
        String problem = teams.problemWithName(name, teamId);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return name.equals(teams.team(teamId).get().name()) ? Decision.accept(List.of())
                : Decision.accept(events.renamed().of(teamId, name, at));
    }

    public Decision<E> remove(Teams teams, String teamId, long at) {
        return teamId == null || teams.team(teamId).isEmpty() ? notFound() : Decision.accept(events.removed().of(teamId, at));
    }

    /** A participant joins by themself: the size limit counts only {@code counts} members. */
    public Decision<E> join(Teams teams, String participantId, String teamId, Predicate<String> counts, long at) {
        if (teamId != null && teamId.equals(teams.teamIdOf(participantId))) {
            return Decision.accept(List.of());
        }
        String problem = teams.problemJoining(participantId, teamId, counts);
        if (problem != null) {
            return Decision.reject(teams.team(teamId).isEmpty() ? "not_found" : "invalid", problem);
        }
        return Decision.accept(events.joined().of(teamId, participantId, at));
    }

    public Decision<E> leave(Teams teams, String participantId, long at) {
        return teams.teamOf(participantId).isEmpty() ? Decision.accept(List.of()) : Decision.accept(events.left().of(participantId, at));
    }

    /** The facilitator moves someone ({@code teamId} null: out of any team); the size limit is for self-service only. */
    public Decision<E> move(Teams teams, String participantId, String teamId, long at) {
        String current = teams.teamIdOf(participantId);
        if (teamId == null) {
            return current == null ? Decision.accept(List.of()) : Decision.accept(events.left().of(participantId, at));
        }
        if (teams.team(teamId).isEmpty()) {
            return notFound();
        }
        return teamId.equals(current) ? Decision.accept(List.of()) : Decision.accept(events.joined().of(teamId, participantId, at));
    }

    /** The seeded draw over {@code people} (the format says who counts). */
    public Decision<E> balance(Teams teams, Long seed, Integer count, List<String> people, long at) {
        Teams.Draw draw = teams.draw(seed, count, prefix, people);
        if (draw.problem() != null) {
            return Decision.reject(draw.code(), draw.problem());
        }
        return Decision.accept(events.balanced().of(seed, draw.created(), draw.assignment(), at));
    }

    public static <E> Decision<E> notFound() {
        return Decision.reject("not_found", NOT_FOUND);
    }
}
