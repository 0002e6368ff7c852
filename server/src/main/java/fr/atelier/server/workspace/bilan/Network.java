package fr.atelier.server.workspace.bilan;

import fr.atelier.server.workspace.bilan.Bilan.Meeting;
import fr.atelier.server.workspace.bilan.Bilan.Structure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structures met and how often each two met (issue 18, item 3), from the (session, structure)
 * pairs of the period: one indexed read of {@code session_structure} counted here, instead of a
 * self-join in SQL that hashed the whole table twice (decision 180).
 */
final class Network {
    /** A partner structure's name, kind and territory. */
    record Known(String name, String kind, String territory) {}

    record Result(List<Structure> structures, List<Meeting> meetings) {}

    private Network() {}

    static Result of(Iterable<String[]> sessionStructure, Map<String, Known> known) {
        Map<String, List<String>> bySession = new HashMap<>();
        for (String[] pair : sessionStructure) {
            bySession.computeIfAbsent(pair[0], k -> new ArrayList<>(4)).add(pair[1]);
        }
        Map<String, long[]> met = new HashMap<>();
        Map<String, long[]> pairs = new HashMap<>();
        for (List<String> present : bySession.values()) {
            present.sort(null);
            for (int i = 0; i < present.size(); i++) {
                met.computeIfAbsent(present.get(i), k -> new long[1])[0]++;
                for (int j = i + 1; j < present.size(); j++) {
                    pairs.computeIfAbsent(present.get(i) + '\n' + present.get(j), k -> new long[1])[0]++;
                }
            }
        }
        List<Structure> structures = new ArrayList<>();
        met.forEach((id, n) -> {
            Known k = known.get(id);
            structures.add(k == null ? new Structure(id, id, null, null, n[0]) : new Structure(id, k.name(), k.kind(), k.territory(), n[0]));
        });
        structures.sort(Comparator.comparingLong(Structure::sessions).reversed().thenComparing(Structure::name));
        List<Meeting> meetings = new ArrayList<>();
        pairs.forEach((key, n) -> {
            int cut = key.indexOf('\n');
            String a = key.substring(0, cut);
            String b = key.substring(cut + 1);
            meetings.add(new Meeting(a, name(known, a), b, name(known, b), n[0]));
        });
        meetings.sort(Comparator.comparingLong(Meeting::sessions).reversed().thenComparing(Meeting::a).thenComparing(Meeting::b));
        return new Result(structures, meetings);
    }

    private static String name(Map<String, Known> known, String id) {
        Known k = known.get(id);
        return k == null ? id : k.name();
    }
}
