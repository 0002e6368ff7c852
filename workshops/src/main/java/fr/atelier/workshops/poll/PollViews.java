package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each audience sees of a poll. The distribution and the correct answer are secrets until
 * revealed; so is the answer count for phones (protocol.md: absent, not 0, before the reveal).
 * Texts: no view ever names an author; a phone sees its own texts, the Q&amp;A questions on the
 * wall, and the cloud or the wall once revealed, never a pending or hidden text of another phone.
 * The projector shows the wall (SHOWN texts) live; the console sees every text, to moderate it.
 */
public final class PollViews {
    /** The cloud shows the most frequent words only, readable from the back of the room. */
    public static final int CLOUD_MAX = 60;

    private PollViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(String id, String text, List<String> options, Poll.Status status, Long deadline,
                               Integer answered, Integer myAnswer, int[] distribution, Integer correct, PollKind kind,
                               PollQuestion.Scale scale, List<Integer> myPicks, List<EntryView> mine, List<EntryView> entries,
                               List<Word> cloud, Integer pending) {}

    /** A text as shown. {@code visibility}: console, and a phone's own texts; {@code voted}, {@code mine}: a phone's Q&amp;A. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(String id, String text, Integer votes, Boolean answered, Poll.Visibility visibility,
                            Boolean voted, Boolean mine) {}

    /** A word of the cloud: equal words merged without case and accents, shown in their most frequent spelling. */
    public record Word(String text, int count) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(QuestionView question, Integer asked, List<QuestionView> history, PollList prepared) {
        public View(QuestionView question, Integer asked, List<QuestionView> history) {
            this(question, asked, history, null);
        }
    }

    /** One question's result, for the synthesis and the archive. {@code entries}: the SHOWN texts (Q&amp;A: by votes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, String text, List<String> options, Integer correct, int answered, int[] distribution,
                         PollKind kind, PollQuestion.Scale scale, List<Word> cloud, List<EntryView> entries) {
        public Result(String id, String text, List<String> options, Integer correct, int answered, int[] distribution) {
            this(id, text, options, correct, answered, distribution, null, null, null, null);
        }
    }

    public static Object view(PollState s, Roster roster, Audience audience) {
        Poll p = s.current();
        int asked = s.questions().size();
        if (audience instanceof Audience.Facilitator) {
            // Past questions without their texts: the console's history shows their cloud or bars, and a
            // view resent at every change stays small after a few walls of 2,500 texts.
            List<QuestionView> history = s.questions().stream().map(q -> q == p ? full(q) : past(q)).toList();
            return new View(p == null ? null : full(p), asked, history, s.prepared());
        }
        if (p == null) {
            return new View(null, asked, null, null);
        }
        boolean revealed = p.status() == Poll.Status.REVEALED;
        if (audience instanceof Audience.Participant me) {
            return new View(phone(p, me.id(), revealed), asked, null, null);
        }
        boolean text = p.kind().isText();
        return new View(new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(), p.answeredCount(), null,
                revealed && !text ? p.distribution() : null, revealed ? p.correct() : null, p.kind(), p.scale(), null, null,
                p.kind() == PollKind.WORDS ? null : wall(p, null, false),
                p.kind() == PollKind.WORDS ? cloud(p) : null, null), asked, null, null);
    }

    private static QuestionView phone(Poll p, String me, boolean revealed) {
        boolean text = p.kind().isText();
        List<EntryView> mine = null;
        List<EntryView> entries = null;
        List<Word> cloud = null;
        if (text) {
            mine = p.authored().getOrDefault(me, List.of()).stream().map(id -> p.entries().get(id))
                    .map(e -> new EntryView(e.id(), e.text(), null, null, e.visibility(), null, null)).toList();
            if (p.kind() == PollKind.QA) {
                entries = wall(p, me, false);
            } else if (revealed) {
                entries = p.kind() == PollKind.OPEN ? wall(p, null, false) : null;
                cloud = p.kind() == PollKind.WORDS ? cloud(p) : null;
            }
        }
        return new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(),
                revealed ? Integer.valueOf(p.answeredCount()) : null, p.answers().get(me),
                revealed && !text ? p.distribution() : null, revealed ? p.correct() : null, p.kind(), p.scale(),
                p.picks().get(me), mine, entries, cloud, null);
    }

    private static QuestionView full(Poll p) {
        int pending = (int) p.entries().values().stream().filter(e -> e.visibility() == Poll.Visibility.PENDING).count();
        return new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(), p.answeredCount(), null,
                p.kind().isText() ? null : p.distribution(), p.correct(), p.kind(), p.scale(), null, null,
                p.kind().isText() ? wall(p, null, true) : null, p.kind() == PollKind.WORDS ? cloud(p) : null,
                p.kind().isText() ? pending : null);
    }

    private static QuestionView past(Poll q) {
        QuestionView f = full(q);
        return f.entries() == null ? f : new QuestionView(f.id(), f.text(), f.options(), f.status(), f.deadline(), f.answered(),
                null, f.distribution(), f.correct(), f.kind(), f.scale(), null, null, null, f.cloud(), f.pending());
    }

    /**
     * The texts: SHOWN ones (every text with {@code all}, for the console), Q&amp;A sorted by votes
     * (unanswered first), the others in the order sent. {@code me}: a phone, to mark its votes and texts.
     */
    static List<EntryView> wall(Poll p, String me, boolean all) {
        List<Poll.Entry> list = all ? p.entries().values().stream().sorted(Comparator.comparingInt(e -> Poll.number(e.id()))).toList()
                : p.shown();
        if (p.kind() == PollKind.QA) {
            list = new ArrayList<>(list);
            list.sort(Comparator.comparing((Poll.Entry e) -> e.answered()).thenComparing(Comparator.comparingInt(Poll.Entry::votes).reversed())
                    .thenComparingInt(e -> Poll.number(e.id())));
        }
        boolean qa = p.kind() == PollKind.QA;
        return list.stream().map(e -> new EntryView(e.id(), e.text(), qa ? e.votes() : null, qa ? e.answered() : null,
                all ? e.visibility() : null, me != null ? p.votedFor(e.id(), me) : null,
                me != null ? e.author().equals(me) : null)).toList();
    }

    /** The SHOWN words merged by their folded key, most frequent first (at most {@link #CLOUD_MAX}). */
    static List<Word> cloud(Poll p) {
        Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
        for (Poll.Entry e : p.shown()) {
            spellings.computeIfAbsent(e.key(), k -> new LinkedHashMap<>()).merge(e.text(), 1, Integer::sum);
        }
        List<Word> words = new ArrayList<>();
        for (Map<String, Integer> forms : spellings.values()) {
            String best = null;
            int count = 0;
            int bestCount = 0;
            for (Map.Entry<String, Integer> f : forms.entrySet()) {
                count += f.getValue();
                if (f.getValue() > bestCount) {
                    best = f.getKey();
                    bestCount = f.getValue();
                }
            }
            words.add(new Word(best, count));
        }
        words.sort(Comparator.comparingInt(Word::count).reversed().thenComparing(Word::text));
        return words.size() > CLOUD_MAX ? List.copyOf(words.subList(0, CLOUD_MAX)) : words;
    }

    public static List<Result> results(PollState s) {
        return s.questions().stream().map(PollViews::result).toList();
    }

    private static Result result(Poll p) {
        if (p.kind() == PollKind.SINGLE) {
            return new Result(p.id(), p.text(), p.options(), p.correct(), p.answeredCount(), p.distribution());
        }
        return new Result(p.id(), p.text(), p.options(), p.correct(), p.answeredCount(), p.distribution(), p.kind(), p.scale(),
                p.kind() == PollKind.WORDS ? cloud(p) : null,
                p.kind() == PollKind.OPEN || p.kind() == PollKind.QA ? wall(p, null, false) : null);
    }

}
