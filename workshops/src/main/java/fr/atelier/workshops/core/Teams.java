package fr.atelier.workshops.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Named teams of participants, reusable by any format that plays in groups (quiz, hackathon...).
 * Pure and immutable: a format's {@code decide} asks the {@code problem...} methods (French
 * messages, null when allowed), records an event, and its {@code evolve} applies the matching
 * transformation. A participant is in at most one team. Team ids are drawn here, from a counter, so
 * replaying the events gives the same ids; the auto-balance takes a seed and returns the whole
 * assignment, which the event records.
 *
 * <p>Members are participant ids. Teams do not see the roster: callers pass which members count
 * (usually the active ones) where a size matters.
 */
public record Teams(List<Team> teams, Integer sizeLimit, int created) {
    public static final int NAME_MAX = 30;
    public static final int TEAMS_MAX = 50;
    public static final int SIZE_MAX = 100;

    /** One team: its id, its name, its members in arrival order. */
    public record Team(String id, String name, List<String> members) {
        public Team {
            members = List.copyOf(members);
        }

        public int size(Predicate<String> counts) {
            int n = 0;
            for (String m : members) {
                if (counts.test(m)) {
                    n++;
                }
            }
            return n;
        }
    }

    public static final Teams EMPTY = new Teams(List.of(), null, 0);

    public Teams {
        teams = List.copyOf(teams);
    }

    // ---- queries ----------------------------------------------------------------------------

    public Optional<Team> team(String id) {
        for (Team t : teams) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public Optional<Team> teamOf(String participantId) {
        for (Team t : teams) {
            if (t.members().contains(participantId)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String teamIdOf(String participantId) {
        return teamOf(participantId).map(Team::id).orElse(null);
    }

    /** The id the next created team gets, with the caller's prefix ("t1", "t2"...). */
    public String nextId(String prefix) {
        return prefix + (created + 1);
    }

    public boolean nameTaken(String name, String exceptTeamId) {
        String wanted = Text.foldForComparison(name);
        for (Team t : teams) {
            if (!t.id().equals(exceptTeamId) && Text.foldForComparison(t.name()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    public boolean isFull(Team t, Predicate<String> counts) {
        return sizeLimit != null && t.size(counts) >= sizeLimit;
    }

    /** Trims a proposed name; see {@link #problemWithName}. */
    public static String cleanName(String name) {
        return Text.clean(name).replaceAll("\\s+", " ");
    }

    // ---- rules: null when allowed, else a French message ---------------------------------------

    /** {@code name} must be already cleaned. */
    public String problemWithName(String name, String exceptTeamId) {
        if (name == null || name.isEmpty() || name.length() > NAME_MAX) {
            return "Le nom d'équipe doit faire de 1 à " + NAME_MAX + " caractères.";
        }
        if (nameTaken(name, exceptTeamId)) {
            return "Une équipe porte déjà ce nom : choisissez-en un autre.";
        }
        return null;
    }

    public String problemCreating(String name) {
        if (teams.size() >= TEAMS_MAX) {
            return "Pas plus de " + TEAMS_MAX + " équipes.";
        }
        return problemWithName(name, null);
    }

    public String problemJoining(String participantId, String teamId, Predicate<String> counts) {
        Optional<Team> t = team(teamId);
        if (t.isEmpty()) {
            return "Cette équipe n'existe pas (ou plus).";
        }
        if (t.get().members().contains(participantId)) {
            return null;
        }
        if (isFull(t.get(), counts)) {
            return "L'équipe « " + t.get().name() + " » est complète (" + sizeLimit + " personnes au plus).";
        }
        return null;
    }

    public static String problemWithSizeLimit(Integer limit) {
        if (limit != null && (limit < 1 || limit > SIZE_MAX)) {
            return "La taille d'une équipe doit être comprise entre 1 et " + SIZE_MAX + " personnes.";
        }
        return null;
    }

    // ---- transformations (apply facts) ----------------------------------------------------------

    public Teams create(String id, String name) {
        List<Team> copy = new ArrayList<>(teams);
        copy.add(new Team(id, name, List.of()));
        return new Teams(copy, sizeLimit, created + 1);
    }

    public Teams rename(String id, String name) {
        List<Team> copy = new ArrayList<>(teams.size());
        for (Team t : teams) {
            copy.add(t.id().equals(id) ? new Team(t.id(), name, t.members()) : t);
        }
        return new Teams(copy, sizeLimit, created);
    }

    /** Removes a team; its members have no team any more. */
    public Teams remove(String id) {
        List<Team> copy = new ArrayList<>(teams.size());
        for (Team t : teams) {
            if (!t.id().equals(id)) {
                copy.add(t);
            }
        }
        return new Teams(copy, sizeLimit, created);
    }

    /** Puts a participant in a team, taking them out of any other. */
    public Teams join(String participantId, String teamId) {
        List<Team> copy = new ArrayList<>(teams.size());
        for (Team t : teams) {
            List<String> members = new ArrayList<>(t.members());
            boolean changed = members.remove(participantId);
            if (t.id().equals(teamId)) {
                members.add(participantId);
                changed = true;
            }
            copy.add(changed ? new Team(t.id(), t.name(), members) : t);
        }
        return new Teams(copy, sizeLimit, created);
    }

    public Teams leave(String participantId) {
        return join(participantId, null);
    }

    public Teams withSizeLimit(Integer limit) {
        return new Teams(teams, limit, created);
    }

    /** Replaces every team's members with the assignment (team id → members); other teams are emptied. */
    public Teams assign(Map<String, List<String>> assignment) {
        List<Team> copy = new ArrayList<>(teams.size());
        for (Team t : teams) {
            copy.add(new Team(t.id(), t.name(), assignment.getOrDefault(t.id(), List.of())));
        }
        return new Teams(copy, sizeLimit, created);
    }

    /** Applies one team fact, the same in every team format. */
    public Teams apply(TeamEvent e) {
        if (e instanceof TeamEvent.TeamCreated t) {
            return create(t.teamId(), t.name());
        }
        if (e instanceof TeamEvent.TeamRenamed t) {
            return rename(t.teamId(), t.name());
        }
        if (e instanceof TeamEvent.TeamRemoved t) {
            return remove(t.teamId());
        }
        if (e instanceof TeamEvent.MemberJoined j) {
            return join(j.participantId(), j.teamId());
        }
        if (e instanceof TeamEvent.MemberLeft l) {
            return leave(l.participantId());
        }
        if (e instanceof TeamEvent.TeamsBalanced b) {
            Teams t = this;
            for (NewTeam n : b.created()) {
                t = t.create(n.id(), n.name());
            }
            return t.assign(b.assignment());
        }
        throw new IllegalStateException("unknown team event " + e);
    }

    // ---- auto-balance ---------------------------------------------------------------------------

    /** A team the draw creates. */
    public record NewTeam(String id, String name) {}

    /**
     * The facilitator's automatic draw: first creates numbered teams ("Équipe 1"…) up to
     * {@code count} (optional), then {@link #balance balances} {@code people}. Either {@code problem}
     * (with its error {@code code}) or the teams created and every team's membership.
     */
    public record Draw(List<NewTeam> created, Map<String, List<String>> assignment, String code, String problem) {
        static Draw refused(String code, String problem) {
            return new Draw(List.of(), Map.of(), code, problem);
        }
    }

    public Draw draw(Long seed, Integer count, String idPrefix, List<String> people) {
        if (seed == null) {
            return Draw.refused("invalid", "Tirage impossible : graine manquante.");
        }
        if (count != null && (count < 1 || count > TEAMS_MAX)) {
            return Draw.refused("invalid", "Le nombre d'équipes doit être compris entre 1 et " + TEAMS_MAX + ".");
        }
        Teams next = this;
        List<NewTeam> created = new ArrayList<>();
        int number = 1;
        while (count != null && next.teams().size() < count) {
            String name = "Équipe " + number++;
            if (next.nameTaken(name, null)) {
                continue;
            }
            String id = next.nextId(idPrefix);
            created.add(new NewTeam(id, name));
            next = next.create(id, name);
        }
        if (next.teams().isEmpty()) {
            return Draw.refused("wrong_phase", "Créez d'abord au moins une équipe, ou indiquez combien d'équipes former.");
        }
        Map<String, List<String>> assignment = next.balance(people, seed);
        if (assignment == null) {
            return Draw.refused("invalid", "Pas assez de places : " + people.size() + " participants pour " + next.teams().size()
                    + " équipes de " + next.sizeLimit() + " au plus. Ajoutez une équipe ou augmentez la taille des équipes.");
        }
        return new Draw(List.copyOf(created), assignment, null, null);
    }

    /**
     * Spreads {@code participants} over the teams so that sizes differ by at most one. People already
     * in a team stay there while it is not over its fair share; everyone else (newcomers and the
     * surplus of crowded teams, picked in a seeded random order) fills the smallest teams.
     *
     * @return the full membership of every team (team id → participant ids), or null when there is
     *     no team or the size limit leaves too few places
     */
    public Map<String, List<String>> balance(Collection<String> participants, long seed) {
        if (teams.isEmpty()) {
            return null;
        }
        List<String> people = new ArrayList<>(new java.util.LinkedHashSet<>(participants));
        int k = teams.size();
        int n = people.size();
        if (sizeLimit != null && (long) sizeLimit * k < n) {
            return null;
        }
        int base = n / k;
        int extra = n % k;
        Set<String> wanted = new HashSet<>(people);
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<String> toPlace = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        // Biggest teams keep the "+1" places first, so that as few people as possible move.
        List<Team> bySize = new ArrayList<>(teams);
        bySize.sort((a, b) -> Integer.compare(kept(b, wanted), kept(a, wanted)));
        Map<String, Integer> share = new LinkedHashMap<>();
        for (int i = 0; i < bySize.size(); i++) {
            share.put(bySize.get(i).id(), base + (i < extra ? 1 : 0));
        }
        for (Team t : teams) {
            List<String> keep = new ArrayList<>();
            for (String m : t.members()) {
                if (wanted.contains(m) && !placed.contains(m)) {
                    if (keep.size() < share.get(t.id())) {
                        keep.add(m);
                        placed.add(m);
                    }
                }
            }
            result.put(t.id(), keep);
        }
        for (String p : people) {
            if (!placed.contains(p)) {
                toPlace.add(p);
            }
        }
        Collections.shuffle(toPlace, new Random(seed));
        for (String p : toPlace) {
            String target = null;
            for (Team t : teams) {
                List<String> members = result.get(t.id());
                if (members.size() < share.get(t.id())
                        && (target == null || members.size() < result.get(target).size())) {
                    target = t.id();
                }
            }
            result.get(target).add(p);
        }
        return result;
    }

    private static int kept(Team t, Set<String> wanted) {
        int n = 0;
        for (String m : t.members()) {
            if (wanted.contains(m)) {
                n++;
            }
        }
        return n;
    }
}
