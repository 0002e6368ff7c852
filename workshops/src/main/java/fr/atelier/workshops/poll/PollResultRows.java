package fr.atelier.workshops.poll;

import java.util.ArrayList;
import java.util.List;

/**
 * The poll's results as rows, computed once for both readers: the archive writes each question
 * and its options into its two tables, the CSV export lists the options. Built from the results
 * records ({@link PollViews#results}), which the synthesis also carries as JSON.
 */
public record PollResultRows(List<Question> questions) {
    public PollResultRows {
        questions = List.copyOf(questions);
    }

    /** One asked question; {@code position} counts from 1 in the order asked. */
    public record Question(String questionId, int position, String text, int answered, List<Option> options) {
        public Question {
            options = List.copyOf(options);
        }
    }

    /** One proposed answer with its votes; {@code index} counts from 0. */
    public record Option(int index, String label, int votes, boolean correct) {}

    public static PollResultRows of(PollState state) {
        return of(PollViews.results(state));
    }

    public static PollResultRows of(List<PollViews.Result> results) {
        List<Question> questions = new ArrayList<>();
        for (PollViews.Result q : results) {
            List<Option> options = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                boolean correct = q.correct() != null && q.correct() == i;
                int votes = i < q.distribution().length ? q.distribution()[i] : 0;
                options.add(new Option(i, q.options().get(i), votes, correct));
            }
            questions.add(new Question(q.id(), questions.size() + 1, q.text(), q.answered(), options));
        }
        return new PollResultRows(questions);
    }
}
