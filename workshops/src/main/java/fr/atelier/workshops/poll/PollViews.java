package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import java.util.List;

/**
 * What each audience sees of a poll. The distribution and the correct answer are secrets until
 * revealed; so is the answer count for phones (protocol.md: absent, not 0, before the reveal).
 */
public final class PollViews {
    private PollViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(String id, String text, List<String> options, Poll.Status status, Long deadline,
                               Integer answered, Integer myAnswer, int[] distribution, Integer correct) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(QuestionView question, Integer asked, List<QuestionView> history) {}

    /** One question's result, for the synthesis and the archive. */
    public record Result(String id, String text, List<String> options, Integer correct, int answered, int[] distribution) {}

    public static Object view(PollState s, Roster roster, Audience audience) {
        Poll p = s.current();
        int asked = s.questions().size();
        if (audience instanceof Audience.Participant me) {
            if (p == null) {
                return new View(null, asked, null);
            }
            boolean revealed = p.status() == Poll.Status.REVEALED;
            return new View(new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(),
                    revealed ? Integer.valueOf(p.answers().size()) : null, p.answers().get(me.id()),
                    revealed ? p.distribution() : null, revealed ? p.correct() : null), asked, null);
        }
        if (audience instanceof Audience.Facilitator) {
            List<QuestionView> history = s.questions().stream().map(PollViews::full).toList();
            return new View(p == null ? null : full(p), asked, history);
        }
        if (p == null) {
            return new View(null, asked, null);
        }
        boolean revealed = p.status() == Poll.Status.REVEALED;
        return new View(new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(), p.answers().size(), null,
                revealed ? p.distribution() : null, revealed ? p.correct() : null), asked, null);
    }

    private static QuestionView full(Poll p) {
        return new QuestionView(p.id(), p.text(), p.options(), p.status(), p.deadline(), p.answers().size(), null,
                p.distribution(), p.correct());
    }

    public static List<Result> results(PollState s) {
        return s.questions().stream()
                .map(p -> new Result(p.id(), p.text(), p.options(), p.correct(), p.answers().size(), p.distribution()))
                .toList();
    }
}
