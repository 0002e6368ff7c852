package fr.atelier.workshops.poll;

import java.util.ArrayList;
import java.util.List;

/** Every question asked so far, the last one being the current one, and the prepared questions (may be null). */
public record PollState(List<Poll> questions, PollList prepared) {
    public PollState {
        questions = List.copyOf(questions);
    }

    public PollState(List<Poll> questions) {
        this(questions, null);
    }

    public Poll current() {
        return questions.isEmpty() ? null : questions.get(questions.size() - 1);
    }

    PollState replaceCurrent(Poll p) {
        List<Poll> copy = new ArrayList<>(questions);
        copy.set(copy.size() - 1, p);
        return new PollState(copy, prepared);
    }

    PollState add(Poll p) {
        List<Poll> copy = new ArrayList<>(questions);
        copy.add(p);
        return new PollState(copy, prepared);
    }

    PollState prepare(PollList list) {
        return new PollState(questions, list);
    }
}
