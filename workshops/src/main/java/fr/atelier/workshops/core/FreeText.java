package fr.atelier.workshops.core;

/**
 * A command carrying a text that participants write for the room (a word of the cloud, a text of
 * the wall, a question to the speaker). The server checks it against the {@link NameFilter} at the
 * edge, like nicknames ({@link NamesIn}), and refuses it with {@link #CODE}.
 */
public interface FreeText {
    String CODE = "text_refused";
    /** Neutral, like the nickname's refusal: it does not repeat the word. */
    String REFUSAL = "Ce texte n’est pas accepté ici. Reformulez-le.";

    String freeText();
}
