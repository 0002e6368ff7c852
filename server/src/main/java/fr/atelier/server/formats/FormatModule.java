package fr.atelier.server.formats;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.db.FormatArchive;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Format;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything the server needs to host one format: its decider, how its results go to PostgreSQL,
 * how they read in the CSV export (rows appended after the common sections), and its editable
 * content library (null when the format has none), and the checks its commands need against
 * PostgreSQL before they reach the decider (null when none).
 */
public record FormatModule(Format<?, ?, ?> format, FormatArchive archive, BiConsumer<JsonNode, List<List<String>>> csvRows,
                           ContentLibrary<?> library, Function<Database, CommandCheck> check) {
    public FormatModule(Format<?, ?, ?> format, FormatArchive archive, BiConsumer<JsonNode, List<List<String>>> csvRows,
                        ContentLibrary<?> library) {
        this(format, archive, csvRows, library, null);
    }
}
