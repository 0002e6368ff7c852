package fr.atelier.workshops.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Helpers shared by the content libraries: listing built-in YAML files, reading YAML with its lines. */
public final class YamlContent {
    private YamlContent() {}

    /** The YAML files of the folder, whether it is a directory (development) or inside a jar. */
    public static Set<String> yamlFiles(ClassLoader loader, String folder) {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                        list.map(p -> p.getFileName().toString()).filter(YamlContent::isYaml).forEach(names::add);
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0 && isYaml(name)) {
                                names.add(name.substring(folder.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    public static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Builds the tree while noting the line of every value, by JSON pointer. */
    public static JsonNode read(JsonParser p, String path, Map<String, Integer> lines, List<Problem> problems) throws IOException {
        JsonToken t = p.currentToken();
        lines.putIfAbsent(path, line(p.currentTokenLocation()));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = nodes.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int keyLine = line(p.currentTokenLocation());
                p.nextToken();
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                lines.put(child, keyLine);
                if (o.has(name)) {
                    problems.add(new Problem(keyLine, "Clé « " + name + " » en double."));
                }
                o.set(name, read(p, child, lines, problems));
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = nodes.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(read(p, path + "/" + i++, lines, problems));
            }
            return a;
        }
        if (t == JsonToken.VALUE_STRING) {
            return nodes.textNode(p.getText());
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return nodes.numberNode(p.getLongValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return nodes.numberNode(p.getDecimalValue());
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
        }
        return nodes.nullNode();
    }

    public static int line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    /** A built-in content file, as text. */
    public static String resource(ClassLoader loader, String path) {
        try (java.io.InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a parser's message, at most 200 characters, for a problem report. */
    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
