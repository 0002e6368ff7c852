package fr.atelier.workshops.core;

import java.util.List;

/**
 * A format's editable content (question banks, card decks, challenges): the built-in catalogue
 * shipped as YAML under {@code content/<format>/}, plus import and export with a line-by-line
 * report of what is wrong. The facilitator's console sends the chosen content inside a command, so
 * the session's log records exactly what was played.
 */
public interface ContentLibrary<T> {

    /** One built-in item of the catalogue. */
    record Item(String id, String title, String description, int size) {}

    /** One problem found while importing, with the line (1-based; 0 when not tied to a line). */
    record Problem(int line, String message) {}

    /** What an import gives: the content when there is no problem, else the problems. */
    record Parsed<T>(T content, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    Class<T> type();

    List<Item> catalogue();

    T load(String id);

    /** {@code kind} is "yaml" or "csv" (when the format supports CSV). */
    Parsed<T> parse(String text, String kind);

    String export(T content, String kind);

    /**
     * How many questions, cases, challenges... the content holds, as the library's shelves show it.
     * By default the length of the content's first list.
     */
    default int sizeOf(T content) {
        com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.valueToTree(content);
        for (com.fasterxml.jackson.databind.JsonNode n : tree) {
            if (n.isArray()) {
                return n.size();
            }
        }
        return 0;
    }
}
