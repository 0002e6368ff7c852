package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code type} names of commands and events, by one rule instead of a list per sealed
 * interface: {@code <prefix>.<record name in lowerCamelCase>} ({@code QuizCommand.JoinTeam} is
 * {@code quiz.joinTeam}), the prefix given by {@link Prefix} on the interface; a record whose
 * persisted name differs says it with {@link JsonTypeName} ({@code quiz.scoreboard}), a name still
 * read but no longer written with {@link Formerly} ({@code hackathon.expire}). Names are
 * stored in event logs: renaming a record without a {@code @JsonTypeName} would break old logs
 * ({@code WireNamesTest} pins them all).
 */
public final class WireNames extends TypeIdResolverBase {

    /** The family prefix of a sealed interface of commands or events: {@code quiz}, {@code session}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Prefix {
        String value();
    }

    /** Former names of a record, still read from old logs and clients, never written. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Formerly {
        String[] value();
    }

    private JavaType base;
    private Map<String, Class<?>> byName = Map.of();

    @Override
    public void init(JavaType baseType) {
        base = baseType;
        byName = new LinkedHashMap<>(of(family(baseType.getRawClass())));
        for (Class<?> type : List.copyOf(byName.values())) {
            Formerly formerly = type.getAnnotation(Formerly.class);
            for (String old : formerly == null ? new String[0] : formerly.value()) {
                byName.put(old, type);
            }
        }
    }

    /** Every name of a family (a sealed interface carrying {@link Prefix}) and its record, in declaration order. */
    public static Map<String, Class<?>> of(Class<?> family) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        Class<?>[] members = family == null ? null : family.getPermittedSubclasses();
        if (members != null) {
            for (Class<?> m : members) {
                out.put(name(m), m);
            }
        }
        return out;
    }

    /** The wire name of a command or event record. */
    public static String name(Class<?> type) {
        JsonTypeName explicit = type.getAnnotation(JsonTypeName.class);
        if (explicit != null) {
            return explicit.value();
        }
        Class<?> family = family(type);
        if (family == null) {
            throw new IllegalArgumentException(type + " belongs to no family with a @WireNames.Prefix");
        }
        String simple = type.getSimpleName();
        return family.getAnnotation(Prefix.class).value() + "." + Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** The sealed interface carrying {@link Prefix} that {@code type} is or implements, or null. */
    private static Class<?> family(Class<?> type) {
        if (type.isAnnotationPresent(Prefix.class)) {
            return type;
        }
        for (Class<?> i : type.getInterfaces()) {
            Class<?> f = family(i);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String idFromValue(Object value) {
        return name(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return name(value == null ? suggestedType : value.getClass());
    }

    /** Null for an unknown name: Jackson then refuses it as it does any unknown type id. */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<?> type = byName.get(id);
        return type == null ? null : context.constructSpecializedType(base, type);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", byName.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
