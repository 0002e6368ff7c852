package fr.atelier.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.WireNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every integer field of a format's commands, found by reflection over the command records (nested
 * records, lists and maps included), so a field added later is covered without editing a table.
 * Each case is a command whose only field on its path holds {@code bad}.
 */
final class IntegerFields {
    /** A command with one integer field replaced, and the field's path as the refusal names it. */
    record Case(String type, String path, ObjectNode command) {}

    private IntegerFields() {}

    static List<Case> of(Class<?> commandType, Function<Class<?>, JsonNode> bad) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Class<?>> t : WireNames.of(commandType).entrySet()) {
            if (t.getKey().equals("session.join")) {
                continue; // refused before decoding: joining is HTTP only
            }
            walk(t.getValue(), "", new HashSet<>(), (path, leafType, build) -> {
                ObjectNode command = Json.MAPPER.createObjectNode().put("type", t.getKey());
                build.accept(command, bad.apply(leafType));
                cases.add(new Case(t.getKey(), path, command));
            });
        }
        return cases;
    }

    interface Leaf {
        void found(String path, Class<?> type, java.util.function.BiConsumer<ObjectNode, JsonNode> build);
    }

    private static boolean integer(Type t) {
        return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class || t == Short.class;
    }

    private static void walk(Class<?> record, String prefix, Set<Class<?>> seen, Leaf leaf) {
        if (!record.isRecord() || !seen.add(record)) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty renamed = c.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            component(c.getGenericType(), prefix + name, name, seen, leaf, (root, value) -> root.set(name, value));
        }
        seen.remove(record);
    }

    /** {@code place} puts a value where this component sits, inside the object being built. */
    private static void component(Type type, String path, String name, Set<Class<?>> seen, Leaf leaf,
                                  java.util.function.BiConsumer<ObjectNode, JsonNode> place) {
        if (integer(type)) {
            leaf.found(path, (Class<?>) type, place);
            return;
        }
        if (type instanceof Class<?> k && k.isRecord() && k.getName().startsWith("fr.atelier")) {
            walk(k, path + ".", seen, (p, t, build) -> leaf.found(p, t, (root, v) -> {
                ObjectNode inner = Json.MAPPER.createObjectNode();
                build.accept(inner, v);
                place.accept(root, inner);
            }));
            return;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            Type[] args = pt.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                component(args[0], path + "[0]", name, seen, leaf, (root, v) -> {
                    place.accept(root, Json.MAPPER.createArrayNode().add(v));
                });
            } else if (Map.class.isAssignableFrom(raw)) {
                component(args[1], path + ".k", name, seen, leaf, (root, v) -> {
                    ObjectNode map = Json.MAPPER.createObjectNode();
                    map.set("k", v);
                    place.accept(root, map);
                });
            }
        }
    }
}
