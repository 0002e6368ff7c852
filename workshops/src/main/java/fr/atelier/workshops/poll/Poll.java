package fr.atelier.workshops.poll;

import fr.atelier.workshops.core.PersistentMap;
import java.util.List;
import java.util.Map;

/**
 * One poll question and its answers: the reusable piece (a format can embed it to ask the room
 * something). Answers are private; the distribution is public only once revealed.
 */
public record Poll(String id, String text, List<String> options, Integer correct, Status status,
                   Map<String, Integer> answers, Long deadline, long openedAt) {

    public enum Status { OPEN, CLOSED, REVEALED }

    public Poll {
        options = List.copyOf(options);
        // Shares structure between versions: an answer in a room of 2,500 copies ~100 references, not the map.
        answers = PersistentMap.of(answers);
    }

    public static Poll open(String id, String text, List<String> options, Integer correct, Long deadline, long at) {
        return new Poll(id, text, options, correct, Status.OPEN, Map.of(), deadline, at);
    }

    public Poll answer(String participantId, int option) {
        return new Poll(id, text, options, correct, status, ((PersistentMap<String, Integer>) answers).plus(participantId, option),
                deadline, openedAt);
    }

    public Poll withStatus(Status s) {
        return new Poll(id, text, options, correct, s, answers, deadline, openedAt);
    }

    public int[] distribution() {
        int[] counts = new int[options.size()];
        for (int option : answers.values()) {
            counts[option]++;
        }
        return counts;
    }
}
