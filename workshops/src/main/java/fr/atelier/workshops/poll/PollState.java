package fr.atelier.workshops.poll;

import java.util.ArrayList;
import java.util.List;

/** Every question asked so far, the last one being the current one. */
public record PollState(List<Poll> questions) {
    public PollState {
        questions = List.copyOf(questions);
    }

    public Poll current() {
        return questions.isEmpty() ? null : questions.get(questions.size() - 1);
    }

    PollState replaceCurrent(Poll p) {
        List<Poll> copy = new ArrayList<>(questions);
        copy.set(copy.size() - 1, p);
        return new PollState(copy);
    }

    PollState add(Poll p) {
        List<Poll> copy = new ArrayList<>(questions);
        copy.add(p);
        return new PollState(copy);
    }
}
