package fr.atelier.workshops.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A question as the facilitator prepares or types it: what {@code poll.ask} carries and what a
 * prepared list ({@link PollList}) holds. {@link #checked} holds every rule, for the decider and the
 * library alike.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollQuestion(PollKind kind, String text, List<String> options, Integer correct, Integer seconds, Scale scale) {
    public static final int TEXT_MAX = 200;
    public static final int OPTION_MAX = 80;
    public static final int OPTIONS_MIN = 2;
    public static final int OPTIONS_MAX = 8;
    public static final int SECONDS_MAX = 3600;
    public static final int LABEL_MAX = 40;

    /** A scale: 1 to 5 or 0 to 10, with optional words at both ends ("Pas du tout", "Tout à fait"). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scale(int min, int max, String minLabel, String maxLabel) {
        public List<String> values() {
            List<String> v = new ArrayList<>();
            for (int i = min; i <= max; i++) {
                v.add(Integer.toString(i));
            }
            return v;
        }
    }

    /** What phones choose from: the options, a scale's values, nothing for the text types. */
    public List<String> choices() {
        return scale != null ? scale.values() : options == null ? List.of() : options;
    }

    /** The question cleaned (options null when the type has none), or the French reason it cannot be asked. */
    public record Checked(PollQuestion question, String problem) {}

    public static Checked checked(PollQuestion q) {
        PollKind kind = q.kind() == null ? PollKind.SINGLE : q.kind();
        String text = Text.clean(q.text());
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            return bad("La question doit faire de 1 à " + TEXT_MAX + " caractères.");
        }
        List<String> options = null;
        if (kind.hasOptions()) {
            if (q.options() == null || q.options().size() < OPTIONS_MIN || q.options().size() > OPTIONS_MAX) {
                return bad("Proposez entre " + OPTIONS_MIN + " et " + OPTIONS_MAX + " réponses.");
            }
            List<String> cleaned = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String o : q.options()) {
                String option = Text.clean(o);
                if (option.isEmpty() || option.length() > OPTION_MAX) {
                    return bad("Chaque réponse doit faire de 1 à " + OPTION_MAX + " caractères.");
                }
                if (kind != PollKind.SINGLE && !seen.add(Text.foldForComparison(option))) {
                    return bad("Deux réponses proposées sont identiques.");
                }
                cleaned.add(option);
            }
            options = cleaned;
        } else if (q.options() != null && !q.options().isEmpty()) {
            return bad("Ce type de question ne propose pas de réponses.");
        }
        if (q.correct() != null && (kind != PollKind.SINGLE || q.correct() < 0 || q.correct() >= options.size())) {
            return bad(kind != PollKind.SINGLE ? "Seul le choix unique peut avoir une bonne réponse."
                    : "La bonne réponse doit être l'une des réponses proposées.");
        }
        if (q.seconds() != null && (q.seconds() < 5 || q.seconds() > SECONDS_MAX)) {
            return bad("La durée doit être comprise entre 5 secondes et une heure.");
        }
        Scale scale = null;
        if (kind == PollKind.SCALE) {
            Scale s = q.scale() == null ? new Scale(1, 5, null, null) : q.scale();
            if (!((s.min() == 1 && s.max() == 5) || (s.min() == 0 && s.max() == 10))) {
                return bad("L'échelle va de 1 à 5 ou de 0 à 10.");
            }
            String minLabel = label(s.minLabel());
            String maxLabel = label(s.maxLabel());
            if ((minLabel != null && minLabel.length() > LABEL_MAX) || (maxLabel != null && maxLabel.length() > LABEL_MAX)) {
                return bad("Les mots aux extrémités de l'échelle font " + LABEL_MAX + " caractères au plus.");
            }
            scale = new Scale(s.min(), s.max(), minLabel, maxLabel);
        } else if (q.scale() != null) {
            return bad("Seule une question « échelle » a des bornes.");
        }
        return new Checked(new PollQuestion(kind, text, options, q.correct(), q.seconds(), scale), null);
    }

    private static String label(String s) {
        String t = Text.clean(s);
        return t.isEmpty() ? null : t;
    }

    private static Checked bad(String problem) {
        return new Checked(null, problem);
    }
}
