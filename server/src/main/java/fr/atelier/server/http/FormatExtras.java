package fr.atelier.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ContentLibrary;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the shared API serves for one format: its rows of the CSV export (null: results as JSON in
 * one cell) and its editable content library (null when none). Formats implement it; http never
 * imports a format.
 */
public interface FormatExtras {
    String formatId();

    BiConsumer<JsonNode, List<List<String>>> csvRows();

    ContentLibrary<?> library();
}
