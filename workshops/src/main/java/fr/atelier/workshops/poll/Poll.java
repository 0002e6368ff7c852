package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.atelier.workshops.core.PersistentMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One poll question and its answers: the reusable piece (a format can embed it to ask the room
 * something). Answers are private; the distribution is public only once revealed.
 *
 * <p>{@code answers}: one option per phone (SINGLE, SCALE); {@code picks}: a list per phone (the
 * options chosen, MULTIPLE; the order, best first, RANKING); {@code entries}: texts (WORDS, OPEN,
 * QA) by entry id, {@code authored}: each phone's entry ids, {@code votes}: "entryId/participantId"
 * of every Q&amp;A upvote. Every map shares structure between versions (a burst of 2,500 answers).
 */
public record Poll(String id, String text, List<String> options, Integer correct, Status status,
                   Map<String, Integer> answers, Long deadline, long openedAt, PollKind kind, PollQuestion.Scale scale,
                   Map<String, List<Integer>> picks, Map<String, Entry> entries, Map<String, List<String>> authored,
                   Map<String, Boolean> votes) {

    public enum Status { OPEN, CLOSED, REVEALED }

    /** A text sent by a phone. {@code key}: the text folded (case, accents, spaces) to merge equal words. */
    public record Entry(String id, String author, String text, String key, Visibility visibility, int votes,
                        boolean answered, long at) {
        Entry with(Visibility v) {
            return new Entry(id, author, text, key, v, votes, answered, at);
        }

        Entry voted() {
            return new Entry(id, author, text, key, visibility, votes + 1, answered, at);
        }

        Entry answered(boolean a) {
            return new Entry(id, author, text, key, visibility, votes, a, at);
        }
    }

    /** PENDING: waiting for the facilitator (open text); SHOWN: on the wall; HIDDEN: removed by the facilitator. */
    public enum Visibility { PENDING, SHOWN, HIDDEN }

    public Poll {
        options = List.copyOf(options);
        kind = kind == null ? PollKind.SINGLE : kind; // snapshots from before the types
        answers = PersistentMap.of(answers);
        picks = PersistentMap.of(picks == null ? Map.of() : picks);
        entries = PersistentMap.of(entries == null ? Map.of() : entries);
        authored = PersistentMap.of(authored == null ? Map.of() : authored);
        votes = PersistentMap.of(votes == null ? Map.of() : votes);
    }

    public static Poll open(String id, String text, List<String> options, Integer correct, Long deadline, long at) {
        return open(id, text, options, correct, deadline, at, PollKind.SINGLE, null);
    }

    public static Poll open(String id, String text, List<String> options, Integer correct, Long deadline, long at,
                            PollKind kind, PollQuestion.Scale scale) {
        return new Poll(id, text, options, correct, Status.OPEN, Map.of(), deadline, at, kind, scale, Map.of(), Map.of(),
                Map.of(), Map.of());
    }

    public Poll answer(String participantId, int option) {
        return new Poll(id, text, options, correct, status, ((PersistentMap<String, Integer>) answers).plus(participantId, option),
                deadline, openedAt, kind, scale, picks, entries, authored, votes);
    }

    public Poll pick(String participantId, List<Integer> list) {
        return new Poll(id, text, options, correct, status, answers, deadline, openedAt, kind, scale,
                ((PersistentMap<String, List<Integer>>) picks).plus(participantId, List.copyOf(list)), entries, authored, votes);
    }

    public Poll write(Entry e) {
        List<String> mine = new ArrayList<>(authored.getOrDefault(e.author(), List.of()));
        mine.add(e.id());
        return new Poll(id, text, options, correct, status, answers, deadline, openedAt, kind, scale, picks,
                ((PersistentMap<String, Entry>) entries).plus(e.id(), e),
                ((PersistentMap<String, List<String>>) authored).plus(e.author(), List.copyOf(mine)), votes);
    }

    public Poll replace(Entry e) {
        return new Poll(id, text, options, correct, status, answers, deadline, openedAt, kind, scale, picks,
                ((PersistentMap<String, Entry>) entries).plus(e.id(), e), authored, votes);
    }

    public Poll upvote(String entryId, String participantId) {
        return new Poll(id, text, options, correct, status, answers, deadline, openedAt, kind, scale, picks,
                ((PersistentMap<String, Entry>) entries).plus(entryId, entries.get(entryId).voted()), authored,
                ((PersistentMap<String, Boolean>) votes).plus(voteKey(entryId, participantId), Boolean.TRUE));
    }

    public Poll withStatus(Status s) {
        return new Poll(id, text, options, correct, s, answers, deadline, openedAt, kind, scale, picks, entries, authored, votes);
    }

    static String voteKey(String entryId, String participantId) {
        return entryId + "/" + participantId;
    }

    public boolean votedFor(String entryId, String participantId) {
        return votes.containsKey(voteKey(entryId, participantId));
    }

    /** How many phones answered (sent at least one text, for the text types). */
    @JsonIgnore
    public int answeredCount() {
        return kind.isText() ? authored.size() : kind.isList() ? picks.size() : answers.size();
    }

    /**
     * Per option: votes (SINGLE, SCALE, MULTIPLE) or Borda points (RANKING: with n options, first
     * place n - 1 points, last 0). Empty for the text types.
     */
    public int[] distribution() {
        int[] counts = new int[kind.isText() ? 0 : options.size()];
        if (kind == PollKind.RANKING) {
            for (List<Integer> order : picks.values()) {
                for (int place = 0; place < order.size(); place++) {
                    counts[order.get(place)] += options.size() - 1 - place;
                }
            }
        } else if (kind == PollKind.MULTIPLE) {
            for (List<Integer> chosen : picks.values()) {
                for (int option : chosen) {
                    counts[option]++;
                }
            }
        } else if (!kind.isText()) {
            for (int option : answers.values()) {
                counts[option]++;
            }
        }
        return counts;
    }

    /** The entries on the wall (SHOWN), in the order sent. */
    public List<Entry> shown() {
        return entries.values().stream().filter(e -> e.visibility() == Visibility.SHOWN)
                .sorted(java.util.Comparator.comparingInt(e -> number(e.id()))).toList();
    }

    static int number(String entryId) {
        return Integer.parseInt(entryId.substring(1));
    }
}
