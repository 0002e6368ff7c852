package fr.atelier.server.workspace.library;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.FormatExtras;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.YamlContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The library's kinds: every format whose module has a {@link ContentLibrary} (found through the
 * formats registry, as {@code /api/formats/:format/library} does). Checks content sent as JSON by
 * the format's own library, so the editors and the YAML/CSV import obey the same rules: the JSON is
 * written one value a line and read back by the library, and each problem's line gives its path.
 */
public final class LibraryKinds {
    /** A problem of content sent as JSON: {@code path} like {@code questions/3/text} ("" for the whole). */
    public record PathProblem(String path, String message) {}

    /** The checked content (as the library keeps it) and its size, or the problems. */
    public record Checked(JsonNode content, int size, List<PathProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Every value on its own line, list items too, so that a line names one path. */
    private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter ONE_VALUE_A_LINE =
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withArrayIndenter(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private final Map<String, ContentLibrary<?>> libraries = new LinkedHashMap<>();

    public LibraryKinds(List<? extends FormatExtras> modules) {
        modules.stream().filter(m -> m.library() != null).forEach(m -> libraries.put(m.formatId(), m.library()));
    }

    LibraryKinds(Map<String, ContentLibrary<?>> libraries) {
        this.libraries.putAll(libraries);
    }

    public Set<String> kinds() {
        return libraries.keySet();
    }

    public Map<String, ContentLibrary<?>> all() {
        return libraries;
    }

    /** The kind's library, or a 400 naming the kinds there are. */
    public ContentLibrary<?> of(String kind) {
        ContentLibrary<?> l = kind == null ? null : libraries.get(kind);
        if (l == null) {
            throw ApiError.badRequest("Type de contenu inconnu" + (kind == null ? "" : " « " + kind + " »") + " : "
                    + String.join(", ", libraries.keySet()) + ".");
        }
        return l;
    }

    /**
     * Checks content sent by an editor. An object without {@code id} or {@code title} (when the
     * content type has them) gets the item's id and title, so a new item needs neither.
     */
    public Checked check(String kind, JsonNode content, String itemId, String title) {
        ContentLibrary<?> library = of(kind);
        if (content == null || !content.isObject()) {
            return new Checked(null, 0, List.of(new PathProblem("", "Le contenu doit être un objet JSON.")));
        }
        ObjectNode filled = ((ObjectNode) content).deepCopy();
        Set<String> fields = fields(library.type());
        if (fields.contains("id") && blank(filled.get("id"))) {
            filled.put("id", itemId);
        }
        if (fields.contains("title") && blank(filled.get("title")) && title != null) {
            filled.put("title", title);
        }
        String text;
        try {
            text = Json.MAPPER.writer(ONE_VALUE_A_LINE).writeValueAsString(filled);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ContentLibrary.Parsed<?> parsed = library.parse(text, "yaml");
        if (!parsed.ok()) {
            Map<Integer, String> paths = pathsByLine(text);
            List<PathProblem> out = new ArrayList<>();
            for (ContentLibrary.Problem p : parsed.problems()) {
                PathProblem pp = new PathProblem(paths.getOrDefault(p.line(), ""), p.message());
                if (!out.contains(pp)) {
                    out.add(pp);
                }
            }
            return new Checked(null, 0, out);
        }
        return kept(library, parsed.content());
    }

    /** The content a library parsed (an import), as stored: JSON and size. */
    public static Checked kept(ContentLibrary<?> library, Object content) {
        return new Checked(Json.MAPPER.valueToTree(content), size(library, content), List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int size(ContentLibrary library, Object content) {
        return library.sizeOf(content);
    }

    /** The stored content as the library's type (for export). */
    public static Object typed(ContentLibrary<?> library, JsonNode content) {
        try {
            return Json.MAPPER.treeToValue(content, library.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content does not bind: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    private static Set<String> fields(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /** Line → the deepest path written on it (one value a line in the pretty-printed JSON). */
    static Map<Integer, String> pathsByLine(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            p.nextToken();
            YamlContent.read(p, "", lines, new ArrayList<>());
        } catch (IOException e) {
            return Map.of();
        }
        Map<Integer, String> out = new TreeMap<>();
        lines.forEach((pointer, line) -> {
            String path = pointer.startsWith("/") ? pointer.substring(1) : pointer;
            String known = out.get(line);
            if (known == null || depth(path) > depth(known)) {
                out.put(line, path);
            }
        });
        return out;
    }

    private static int depth(String path) {
        return path.isEmpty() ? 0 : path.split("/", -1).length;
    }
}
