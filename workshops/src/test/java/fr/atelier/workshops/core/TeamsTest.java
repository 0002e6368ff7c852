package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Teams on their own: names, joins, moves, the size limit and the seeded auto-balance. */
class TeamsTest {
    static final java.util.function.Predicate<String> EVERYONE = id -> true;

    private static Teams three() {
        Teams t = Teams.EMPTY;
        t = t.create(t.nextId("t"), "Les Orienteurs");
        t = t.create(t.nextId("t"), "Cap Avenir");
        return t.create(t.nextId("t"), "Étoile filante");
    }

    @Test
    void teamsGetIdsFromACounterThatNeverGoesBack() {
        Teams t = three();
        assertThat(t.teams()).extracting(Teams.Team::id).containsExactly("t1", "t2", "t3");
        t = t.remove("t3");
        assertThat(t.nextId("t")).isEqualTo("t4");
    }

    @Test
    void namesAreUniqueWithoutCaseOrAccents() {
        Teams t = three();
        assertThat(t.problemCreating("etoile FILANTE")).contains("déjà ce nom");
        assertThat(t.problemWithName("Étoile filante", "t3")).isNull();
        assertThat(t.problemCreating("")).contains("1 à 30");
        assertThat(t.problemCreating("x".repeat(31))).contains("1 à 30");
        assertThat(Teams.cleanName("  Les   Orienteurs \n")).isEqualTo("Les Orienteurs");
    }

    @Test
    void joiningMovesAParticipantOutOfTheirPreviousTeam() {
        Teams t = three().join("p1", "t1").join("p2", "t1").join("p1", "t2");
        assertThat(t.team("t1").get().members()).containsExactly("p2");
        assertThat(t.teamIdOf("p1")).isEqualTo("t2");
        t = t.leave("p1");
        assertThat(t.teamOf("p1")).isEmpty();
        t = t.join("p2", "t3").remove("t3");
        assertThat(t.teamOf("p2")).isEmpty();
    }

    @Test
    void theSizeLimitCountsOnlyWhoTheCallerCounts() {
        Teams t = three().withSizeLimit(2).join("p1", "t1").join("p2", "t1");
        assertThat(t.problemJoining("p3", "t1", EVERYONE)).contains("complète");
        assertThat(t.problemJoining("p3", "t1", id -> !id.equals("p2"))).isNull();
        assertThat(t.problemJoining("p1", "t1", EVERYONE)).as("already in").isNull();
        assertThat(t.problemJoining("p3", "t9", EVERYONE)).contains("n'existe pas");
        assertThat(Teams.problemWithSizeLimit(0)).isNotNull();
        assertThat(Teams.problemWithSizeLimit(null)).isNull();
    }

    @Test
    void balanceKeepsPeopleInPlaceWhenItCanAndIsReproducible() {
        Teams t = three().join("p1", "t1").join("p2", "t1").join("p3", "t1").join("p4", "t1").join("p5", "t2");
        List<String> people = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        Map<String, List<String>> a = t.balance(people, 42);
        assertThat(a).isEqualTo(t.balance(people, 42));
        assertThat(a.get("t1")).containsExactly("p1", "p2", "p3");
        assertThat(a.get("t2")).startsWith("p5").hasSize(2);
        assertThat(a.get("t3")).hasSize(2);
        Teams after = t.assign(a);
        assertThat(after.teams()).extracting(x -> x.members().size()).containsExactly(3, 2, 2);
    }

    @Test
    void balanceRefusesWhenThereIsNoRoom() {
        assertThat(Teams.EMPTY.balance(List.of("p1"), 1)).isNull();
        assertThat(three().withSizeLimit(1).balance(List.of("p1", "p2", "p3", "p4"), 1)).isNull();
    }

    record Draw(int teams, int people, int alreadyPlaced, long seed) {}

    @Test
    void balanceAlwaysPlacesEveryoneOnceWithSizesWithinOne() {
        Gen<Integer> teams = Gen.between(1, 8).withEdges(1, 8);
        Gen<Integer> people = Gen.between(0, 40).withEdges(0, 1, 40);
        Gen<Integer> placed = Gen.between(0, 40).withEdges(0, 40);
        Gen<Long> seeds = Gen.longs().withEdges(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        Property.tries(200).forAll(r -> new Draw(teams.next(r), people.next(r), placed.next(r), seeds.next(r)),
                d -> balancePlacesEveryoneOnce(d.teams(), d.people(), d.alreadyPlaced(), d.seed()));
    }

    private static void balancePlacesEveryoneOnce(int teams, int people, int alreadyPlaced, long seed) {
        Teams t = Teams.EMPTY;
        for (int i = 0; i < teams; i++) {
            t = t.create(t.nextId("t"), "Équipe " + i);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            ids.add("p" + i);
            if (i < alreadyPlaced) {
                t = t.join("p" + i, "t" + (1 + (i * 7) % teams));
            }
        }
        t = t.join("gone", "t1");
        Map<String, List<String>> a = t.balance(ids, seed);
        Set<String> seen = new HashSet<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (List<String> members : a.values()) {
            for (String m : members) {
                assertThat(seen.add(m)).as("placed once: %s", m).isTrue();
            }
            min = Math.min(min, members.size());
            max = Math.max(max, members.size());
        }
        assertThat(seen).isEqualTo(new HashSet<>(ids));
        assertThat(a).hasSize(teams);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }
}
