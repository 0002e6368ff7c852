package fr.atelier.workshops.poll;

import java.util.ArrayList;
import java.util.List;

/**
 * The poll's results as rows, computed once for both readers: the archive writes each question,
 * its options and its texts into its tables, the CSV export lists them. Built from the results
 * records ({@link PollViews#results}), which the synthesis also carries as JSON.
 */
public record PollResultRows(List<Question> questions) {
    public PollResultRows {
        questions = List.copyOf(questions);
    }

    /**
     * One asked question; {@code position} counts from 1 in the order asked; {@code kind} in lower
     * case ("single", "words"...); {@code mean}: a scale's mean answer (null otherwise or unanswered).
     */
    public record Question(String questionId, int position, String text, int answered, List<Option> options, String kind,
                           Double mean, List<TextRow> texts) {
        public Question {
            options = List.copyOf(options);
            texts = texts == null ? List.of() : List.copyOf(texts);
        }

        public Question(String questionId, int position, String text, int answered, List<Option> options) {
            this(questionId, position, text, answered, options, "single", null, List.of());
        }
    }

    /**
     * One proposed answer with its votes; {@code index} counts from 0. For a ranking, {@code votes}
     * are Borda points; for a scale, the option is the value.
     */
    public record Option(int index, String label, int votes, boolean correct) {}

    /** A word of the cloud (with how many sent it) or a text of the wall (Q&amp;A: its upvotes, answered). */
    public record TextRow(int index, String text, int count, boolean answered) {}

    public static PollResultRows of(PollState state) {
        return of(PollViews.results(state));
    }

    public static PollResultRows of(List<PollViews.Result> results) {
        List<Question> questions = new ArrayList<>();
        for (PollViews.Result q : results) {
            PollKind kind = q.kind() == null ? PollKind.SINGLE : q.kind();
            List<Option> options = new ArrayList<>();
            long total = 0;
            long weighted = 0;
            for (int i = 0; i < q.options().size(); i++) {
                boolean correct = q.correct() != null && q.correct() == i;
                int votes = q.distribution() != null && i < q.distribution().length ? q.distribution()[i] : 0;
                options.add(new Option(i, q.options().get(i), votes, correct));
                total += votes;
                weighted += (long) votes * (i + (q.scale() == null ? 0 : q.scale().min()));
            }
            Double mean = kind == PollKind.SCALE && total > 0 ? Math.round(weighted * 100.0 / total) / 100.0 : null;
            List<TextRow> texts = new ArrayList<>();
            if (q.cloud() != null) {
                q.cloud().forEach(w -> texts.add(new TextRow(texts.size(), w.text(), w.count(), false)));
            }
            if (q.entries() != null) {
                q.entries().forEach(e -> texts.add(new TextRow(texts.size(), e.text(), e.votes() == null ? 0 : e.votes(),
                        Boolean.TRUE.equals(e.answered()))));
            }
            questions.add(new Question(q.id(), questions.size() + 1, q.text(), q.answered(), options,
                    kind.name().toLowerCase(java.util.Locale.ROOT), mean, texts));
        }
        return new PollResultRows(questions);
    }
}
