package fr.atelier.workshops.quiz;

import java.util.List;

/**
 * A team's answer to one question. Exactly one field is set, matching the question's type:
 * {@code choices} (single: one id; multiple: several), {@code truth}, {@code number} or {@code text}.
 */
public record AnswerValue(List<String> choices, Boolean truth, Double number, String text) {
    public AnswerValue {
        choices = choices == null ? null : List.copyOf(choices);
    }

    public static AnswerValue ofChoices(List<String> ids) {
        return new AnswerValue(ids, null, null, null);
    }

    public static AnswerValue ofTruth(boolean truth) {
        return new AnswerValue(null, truth, null, null);
    }

    public static AnswerValue ofNumber(double number) {
        return new AnswerValue(null, null, number, null);
    }

    public static AnswerValue ofText(String text) {
        return new AnswerValue(null, null, null, text);
    }
}
