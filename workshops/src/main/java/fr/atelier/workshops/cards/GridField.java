package fr.atelier.workshops.cards;

/**
 * One field of the observation grid. {@code kind}: {@code card} (the drawn card's number, filled in),
 * {@code list} (short items, tallied), {@code structures} (doors to open, picked among the deck's
 * structures, tallied) or {@code text} (free text). {@code hint} is optional.
 */
public record GridField(String id, String label, String kind, String hint) {
    public static final String CARD = "card";
    public static final String LIST = "list";
    public static final String STRUCTURES = "structures";
    public static final String TEXT = "text";
    /** The list field whose items the synthesis sums up as "schemes cited". */
    public static final String SCHEMES_ID = "schemes";

    public boolean tallied() {
        return LIST.equals(kind) || STRUCTURES.equals(kind);
    }
}
