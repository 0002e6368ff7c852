package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A prepared list of poll questions: the library's "poll" kind (a warm-up of a few questions), and
 * what {@code poll.useList} carries into a session.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollList(String id, String title, String description, List<PollQuestion> questions) {
    public static final int QUESTIONS_MAX = 30;

    public PollList {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
