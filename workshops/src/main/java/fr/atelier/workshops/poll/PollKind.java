package fr.atelier.workshops.poll;

/**
 * The question types (issue 17, item 3). SINGLE is the original one-answer poll; SCALE answers
 * like SINGLE (the options are the values); MULTIPLE and RANKING keep a list per phone; WORDS,
 * OPEN and QA collect moderated texts ({@link Poll.Entry}).
 */
public enum PollKind {
    SINGLE, MULTIPLE, WORDS, SCALE, OPEN, RANKING, QA;

    /** Read in any case: YAML lists write "words", the wire "WORDS". */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static PollKind of(String name) {
        return name == null ? null : valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The facilitator writes the options (SCALE's are generated from its bounds). */
    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == RANKING;
    }

    /** Phones send texts, kept as moderated entries. */
    public boolean isText() {
        return this == WORDS || this == OPEN || this == QA;
    }

    /** Phones send a list of options (several choices, or an order). */
    public boolean isList() {
        return this == MULTIPLE || this == RANKING;
    }
}
