package fr.atelier.workshops.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The skeleton every YAML-only content library shares (card decks, hackathon kits): built-in files
 * under {@code content/<format>/} read once, YAML import with every problem on its line, YAML export.
 * A format gives its rules ({@link #validate}), its French wording ({@link Wording}) and how an item
 * shows in the catalogue.
 */
public abstract class YamlLibrary<T> implements ContentLibrary<T> {
    /** The console imports through HTTP with a 1 MiB body limit; this bounds the work before that. */
    public static final int TEXT_MAX = 1024 * 1024;

    /**
     * The French words of one library. {@code yamlOnly}: refusal of another kind; {@code oneDocument}:
     * a second YAML document; {@code unreadable}: prefix when the tree does not bind; {@code what}:
     * what an unknown id or a bad built-in file is called in exceptions (English, for logs).
     */
    public record Wording(String yamlOnly, String oneDocument, String unreadable, String what) {}

    private final Class<T> type;
    private final String folder;
    private final ClassLoader loader;
    private final YAMLMapper writer;
    private final Wording wording;
    private Map<String, T> builtIn;

    /**
     * How the libraries write YAML: no document marker, long lines kept whole, quotes only where
     * needed (numbers as strings quoted), list items indented; a library adds its own choices
     * (literal blocks, which empty values to leave out) before {@code build()}.
     */
    protected static YAMLMapper.Builder writer() {
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR);
    }

    protected YamlLibrary(Class<T> type, String folder, ClassLoader loader, YAMLMapper writer, Wording wording) {
        this.type = type;
        this.folder = folder;
        this.loader = loader;
        this.writer = writer;
        this.wording = wording;
    }

    /** The content's problems in a tree; {@code lines} maps JSON pointers to lines (empty: every problem at line 0). */
    protected abstract List<Problem> validate(JsonNode tree, Map<String, Integer> lines);

    /** How a built-in item shows in the catalogue. */
    protected abstract Item item(T content);

    /** What is kept of a valid import (trimmed texts, for instance); itself by default. */
    protected T afterImport(T content) {
        return content;
    }

    /** A built-in file's content under its catalogue id ({@code base}: the file's name without {@code .yaml}). */
    protected Map.Entry<String, T> builtIn(String base, T content) {
        return Map.entry(idOf(content), content);
    }

    private String idOf(T content) {
        return item(content).id();
    }

    @Override
    public int sizeOf(T content) {
        return item(content).size();
    }

    @Override
    public final Class<T> type() {
        return type;
    }

    @Override
    public synchronized List<Item> catalogue() {
        return all().values().stream().map(this::item).toList();
    }

    @Override
    public synchronized T load(String id) {
        T content = all().get(id);
        if (content == null) {
            throw new IllegalArgumentException("unknown " + wording.what() + " " + id);
        }
        return content;
    }

    @Override
    public Parsed<T> parse(String text, String kind) {
        if (!"yaml".equals(kind)) {
            return failed(0, wording.yamlOnly());
        }
        if (text == null || text.isBlank()) {
            return failed(0, "Le fichier est vide.");
        }
        if (text.length() > TEXT_MAX) {
            return failed(0, "Le fichier est trop volumineux (1 Mio au plus).");
        }
        Map<String, Integer> lines = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode tree;
        try (JsonParser p = new YAMLFactory().createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            if (p.nextToken() == null) {
                return failed(0, "Le fichier est vide.");
            }
            tree = YamlContent.read(p, "", lines, problems);
            if (p.nextToken() != null) {
                problems.add(new Problem(YamlContent.line(p.currentTokenLocation()), wording.oneDocument()));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            return failed(where == null ? 0 : YamlContent.line(where), "YAML illisible : " + YamlContent.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.addAll(validate(tree, lines));
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
            sorted.sort(Comparator.comparingInt(Problem::line));
            return new Parsed<>(null, sorted);
        }
        try {
            return new Parsed<>(afterImport(Json.MAPPER.treeToValue(tree, type)), List.of());
        } catch (JsonProcessingException e) {
            return failed(0, wording.unreadable() + YamlContent.firstLine(e.getOriginalMessage()));
        }
    }

    @Override
    public String export(T content, String kind) {
        if (!"yaml".equals(kind)) {
            throw new IllegalArgumentException(wording.what() + " exports as YAML only");
        }
        try {
            return writer.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Parsed<T> failed(int line, String message) {
        return new Parsed<>(null, List.of(new Problem(line, message)));
    }

    private Map<String, T> all() {
        if (builtIn == null) {
            Map<String, T> found = new LinkedHashMap<>();
            for (String file : YamlContent.yamlFiles(loader, folder)) {
                Parsed<T> parsed = parse(YamlContent.resource(loader, folder + file), "yaml");
                if (!parsed.ok()) {
                    throw new IllegalStateException("built-in " + wording.what() + " " + file + " is invalid: " + parsed.problems());
                }
                Map.Entry<String, T> e = builtIn(file.replaceFirst("\\.ya?ml$", ""), parsed.content());
                found.put(e.getKey(), e.getValue());
            }
            builtIn = found;
        }
        return builtIn;
    }
}
