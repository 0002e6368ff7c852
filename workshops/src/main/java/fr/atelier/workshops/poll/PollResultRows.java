package fr.atelier.workshops.poll;

import java.util.ArrayList;
import java.util.List;

/**
 * The poll's results as rows, computed once for both readers: the archive writes {@code questions}
 * and {@code options} into its two tables, the CSV export lists {@code options}. Built from the
 * results records ({@link PollViews#results}), which the synthesis also carries as JSON.
 */
public record PollResultRows(List<Question> questions, List<Option> options) {
    public PollResultRows {
        questions = List.copyOf(questions);
        options = List.copyOf(options);
    }

    /** One asked question; {@code position} counts from 1 in the order asked. */
    public record Question(String questionId, int position, String text, int answered) {}

    /** One proposed answer of a question with its votes; {@code index} counts from 0. */
    public record Option(String questionId, String questionText, int index, String label, int votes, boolean correct) {}

    public static PollResultRows of(PollState state) {
        return of(PollViews.results(state));
    }

    public static PollResultRows of(List<PollViews.Result> results) {
        List<Question> questions = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        for (PollViews.Result q : results) {
            questions.add(new Question(q.id(), questions.size() + 1, q.text(), q.answered()));
            for (int i = 0; i < q.options().size(); i++) {
                boolean correct = q.correct() != null && q.correct() == i;
                int votes = i < q.distribution().length ? q.distribution()[i] : 0;
                options.add(new Option(q.id(), q.text(), i, q.options().get(i), votes, correct));
            }
        }
        return new PollResultRows(questions, options);
    }
}
