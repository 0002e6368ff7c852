package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question bank, exactly as in the YAML files under {@code content/quiz/}: the console sends the
 * whole bank inside {@code quiz.useBank}, so the session's log records what was played.
 * {@code answer} keeps the YAML's shape, which depends on the type: a choice id (single), a list of
 * choice ids (multiple), a boolean (truefalse), a number (number, with {@code tolerance}), a list of
 * accepted texts (text). {@link QuizBankCheck} says whether a bank is well formed.
 */
public record QuizBank(String id, String title, String description, List<Question> questions) {
    public QuizBank {
        questions = questions == null ? null : List.copyOf(questions);
    }

    public int size() {
        return questions == null ? 0 : questions.size();
    }

    public Question question(String questionId) {
        int i = indexOf(questionId);
        return i < 0 ? null : questions.get(i);
    }

    public int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    public enum Type {
        @JsonProperty("single") SINGLE,
        @JsonProperty("multiple") MULTIPLE,
        @JsonProperty("truefalse") TRUEFALSE,
        @JsonProperty("number") NUMBER,
        @JsonProperty("text") TEXT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Choice(String id, String text) {}

    /** Where to check the answer: the partner's site. */
    public record Source(String name, String url) {}

    /**
     * A question's picture (issue 16): {@code src} an address of this site (an uploaded image is
     * {@code /media/<id>}) or http(s); {@code alt} the text read to people who do not see it,
     * required. A bare string (banks written before issue 16, sessions' logs) reads as the address.
     */
    public record Image(String src, String alt) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
        public Image(@JsonProperty("src") String src, @JsonProperty("alt") String alt) {
            this.src = src;
            this.alt = alt;
        }

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static Image of(String src) {
            return new Image(src, null);
        }
    }

    /**
     * One question. {@code image} (optional) is shown above the question; {@code points}
     * (optional, default {@link #DEFAULT_POINTS}) is what a right answer earns; {@code theme}
     * (optional) groups questions for a draw "N at random by theme" (issue 16); {@code seconds}
     * (optional) is this question's own time to answer, in place of the session's.
     */
    public record Question(String id, Type type, String text, List<Choice> choices, JsonNode answer, Double tolerance,
                           String explanation, Source source, Image image, Integer points, String theme, Integer seconds) {
        public static final int DEFAULT_POINTS = 100;

        /** A question without theme nor time of its own. */
        public Question(String id, Type type, String text, List<Choice> choices, JsonNode answer, Double tolerance,
                        String explanation, Source source, Image image, Integer points) {
            this(id, type, text, choices, answer, tolerance, explanation, source, image, points, null, null);
        }

        public Question {
            choices = choices == null ? null : List.copyOf(choices);
        }

        public int worth() {
            return points == null ? DEFAULT_POINTS : points;
        }

        public Choice choice(String choiceId) {
            if (choices != null) {
                for (Choice c : choices) {
                    if (c.id().equals(choiceId)) {
                        return c;
                    }
                }
            }
            return null;
        }

        public int choiceIndex(String choiceId) {
            if (choices != null) {
                for (int i = 0; i < choices.size(); i++) {
                    if (choices.get(i).id().equals(choiceId)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** The right choice ids (single: one; multiple: several), in the order of the choices. */
        public Set<String> rightChoices() {
            Set<String> ids = new LinkedHashSet<>(acceptedTexts());
            Set<String> ordered = new LinkedHashSet<>();
            if (choices != null) {
                for (Choice c : choices) {
                    if (ids.contains(c.id())) {
                        ordered.add(c.id());
                    }
                }
            }
            return ordered;
        }

        public Boolean rightTruth() {
            return answer != null && answer.isBoolean() ? answer.booleanValue() : null;
        }

        public Double rightNumber() {
            return answer != null && answer.isNumber() ? answer.doubleValue() : null;
        }

        public double tolerance0() {
            return tolerance == null ? 0 : tolerance;
        }

        /** The accepted texts of a text question, as written in the bank (the answer's texts, for any type). */
        public List<String> acceptedTexts() {
            List<String> out = new ArrayList<>();
            if (answer == null) {
                return out;
            }
            if (answer.isArray()) {
                answer.forEach(n -> out.add(n.asText()));
            } else {
                out.add(answer.asText());
            }
            return out;
        }

        public boolean accepts(String text) {
            String folded = Text.foldForComparison(text);
            for (String a : acceptedTexts()) {
                if (Text.foldForComparison(a).equals(folded)) {
                    return true;
                }
            }
            return false;
        }
    }
}
