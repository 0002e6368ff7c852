package fr.atelier.workshops.quiz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.YamlContent;
import fr.atelier.workshops.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quiz's question banks: the built-in catalogue (every {@code *.yaml} under
 * {@code content/quiz/}, see {@code content/quiz/README.md} for both file formats), plus import and
 * export as YAML (the same schema) or CSV (one row per question, see {@link QuizCsv}). Imports are
 * checked in full: every problem comes back with its line and a French message.
 */
public final class QuizLibrary implements ContentLibrary<QuizBank> {
    public static final String FOLDER = "content/quiz";
    /** The console imports through HTTP with a 1 MiB body limit; this bounds the work before that. */
    public static final int TEXT_MAX = 1024 * 1024;

    private static final YAMLMapper YAML_OUT = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private final Map<String, QuizBank> builtIn;
    private final List<Item> catalogue;

    public QuizLibrary() {
        Map<String, QuizBank> banks = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        for (String file : builtInFiles()) {
            String text = YamlContent.resource(QuizLibrary.class.getClassLoader(), FOLDER + "/" + file);
            Parsed<QuizBank> parsed = parse(text, "yaml");
            if (!parsed.ok()) {
                throw new IllegalStateException("built-in bank " + file + " is invalid: " + parsed.problems());
            }
            QuizBank b = parsed.content();
            banks.put(b.id(), b);
            items.add(new Item(b.id(), b.title(), b.description(), b.size()));
        }
        items.sort(Comparator.comparing(Item::size).reversed().thenComparing(Item::title));
        this.builtIn = banks;
        this.catalogue = List.copyOf(items);
    }

    @Override
    public int sizeOf(QuizBank content) {
        return content.size();
    }

    @Override
    public Class<QuizBank> type() {
        return QuizBank.class;
    }

    @Override
    public List<Item> catalogue() {
        return catalogue;
    }

    @Override
    public QuizBank load(String id) {
        QuizBank b = builtIn.get(id);
        if (b == null) {
            throw new IllegalArgumentException("unknown bank " + id);
        }
        return b;
    }

    @Override
    public Parsed<QuizBank> parse(String text, String kind) {
        if (text == null || text.isBlank()) {
            return new Parsed<>(null, List.of(new Problem(0, "Le fichier est vide.")));
        }
        if (text.length() > TEXT_MAX) {
            return new Parsed<>(null, List.of(new Problem(0, "Le fichier est trop volumineux (1 Mio au plus).")));
        }
        if ("csv".equals(kind)) {
            return QuizCsv.parse(text);
        }
        if (!"yaml".equals(kind)) {
            return new Parsed<>(null, List.of(new Problem(0, "Type de fichier inconnu : yaml ou csv.")));
        }
        return parseYaml(text);
    }

    @Override
    public String export(QuizBank content, String kind) {
        if ("csv".equals(kind)) {
            return QuizCsv.export(content);
        }
        try {
            return YAML_OUT.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- YAML with line numbers ---------------------------------------------------------------------

    static Parsed<QuizBank> parseYaml(String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser p = Json.YAML.getFactory().createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Parsed<>(null, List.of(new Problem(0, "Le fichier est vide.")));
            }
            root = read(p, "", lines, problems);
            if (p.nextToken() != null) {
                problems.add(new Problem(p.currentLocation().getLineNr(), "Un seul document YAML par fichier."));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed<>(null, List.of(new Problem(Math.max(0, line), "YAML illisible : " + YamlContent.firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuizBankCheck.Lines where = path -> lines.getOrDefault(path, 0);
        QuizBank bank = QuizBankCheck.fromTree(root, where, problems);
        if (bank != null) {
            problems.addAll(QuizBankCheck.check(bank, where, List.copyOf(problems)));
        }
        return result(bank, problems);
    }

    static Parsed<QuizBank> result(QuizBank bank, List<Problem> problems) {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line));
            return new Parsed<>(null, dedupe(sorted));
        }
        return new Parsed<>(QuizBankCheck.tidy(bank), List.of());
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Reads the value at the parser's current token into a tree, noting the line of every path. */
    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines, List<Problem> problems) throws IOException {
        JsonToken t = p.currentToken();
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    String child = path.isEmpty() ? name : path + "/" + name;
                    JsonNode value = read(p, child, lines, problems);
                    lines.put(child, line);
                    if (o.has(name)) {
                        problems.add(new Problem(line, "La clé « " + name + " » est écrite deux fois."));
                    }
                    o.set(name, value);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "/" + i++, lines, problems));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.INT ? f.numberNode(p.getIntValue()) : f.numberNode(p.getDoubleValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    // ---- built-in files ----------------------------------------------------------------------------


    /** The {@code *.yaml} files of the folder, whether it is a directory (tests) or inside a jar. */
    static List<String> builtInFiles() {
        URL url = QuizLibrary.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return list(fs.provider().getPath(uri));
            }
            return list(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list " + FOLDER, e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }
}
