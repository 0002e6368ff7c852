package fr.atelier.server.formats;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.http.FormatExtras;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Format;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything the server needs to host one format: its decider, how its results go to PostgreSQL,
 * how they read in the CSV export (rows appended after the common sections), its editable content
 * library (null when none), the checks its commands need against PostgreSQL before they reach the
 * decider (null when none) and its own HTTP routes (null when none).
 */
public record FormatModule(Format<?, ?, ?> format, FormatArchive<?> archive, BiConsumer<JsonNode, List<List<String>>> csvRows,
                           ContentLibrary<?> library, Function<FormatServices, CommandCheck> check,
                           Function<FormatServices, FormatRoutes> routes) implements FormatExtras {
    public FormatModule(Format<?, ?, ?> format, FormatArchive<?> archive, BiConsumer<JsonNode, List<List<String>>> csvRows,
                        ContentLibrary<?> library) {
        this(format, archive, csvRows, library, null, null);
    }

    public FormatModule withCheck(Function<FormatServices, CommandCheck> check) {
        return new FormatModule(format, archive, csvRows, library, check, routes);
    }

    public FormatModule withRoutes(Function<FormatServices, FormatRoutes> routes) {
        return new FormatModule(format, archive, csvRows, library, check, routes);
    }

    @Override
    public String formatId() {
        return format.id();
    }
}
