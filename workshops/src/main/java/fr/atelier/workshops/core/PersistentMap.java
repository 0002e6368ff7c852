package fr.atelier.workshops.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map whose updates share most of their structure: entries live in 64 buckets, and
 * {@link #plus} copies the bucket array and one bucket. A room of 2,500 people answering in one
 * second then costs about a hundred copied references per answer instead of the whole map (the
 * state is rebuilt after every event). Iteration order is by bucket, stable for given contents;
 * equality is {@link Map}'s, so it compares equal to any map with the same entries (JSON round trips).
 */
public final class PersistentMap<K, V> extends AbstractMap<K, V> {
    private static final int BUCKETS = 64; // 2^6, see bucket()
    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(new Map<?, ?>[BUCKETS], 0);

    private final Map<K, V>[] buckets;
    private final int size;

    private PersistentMap(Map<?, ?>[] buckets, int size) {
        @SuppressWarnings("unchecked")
        Map<K, V>[] typed = (Map<K, V>[]) buckets;
        this.buckets = typed;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** The same entries as {@code m}, as a persistent map (no copy if it already is one). */
    public static <K, V> PersistentMap<K, V> of(Map<K, V> m) {
        if (m instanceof PersistentMap<K, V> p) {
            return p;
        }
        PersistentMap<K, V> out = empty();
        for (Map.Entry<K, V> e : m.entrySet()) {
            out = out.plus(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The bucket comes from the hash's high bits (Fibonacci hashing). Taking its low bits, as each
     * bucket's own hash table does, put every key of a bucket in the same slot of that table: a
     * roster of 2,500 was searched through tree bins on every look-up (a fifth of a quiz burst).
     */
    private static int bucket(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - 6);
    }

    public PersistentMap<K, V> plus(K key, V value) {
        int b = bucket(key);
        Map<K, V> old = buckets[b];
        LinkedHashMap<K, V> copy = old == null ? new LinkedHashMap<>(4) : new LinkedHashMap<>(old);
        boolean added = copy.put(key, value) == null && (old == null || !old.containsKey(key));
        Map<?, ?>[] next = buckets.clone();
        next[b] = Collections.unmodifiableMap(copy);
        return new PersistentMap<>(next, size + (added ? 1 : 0));
    }

    public PersistentMap<K, V> minus(K key) {
        int b = bucket(key);
        Map<K, V> old = buckets[b];
        if (old == null || !old.containsKey(key)) {
            return this;
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(old);
        copy.remove(key);
        Map<?, ?>[] next = buckets.clone();
        next[b] = copy.isEmpty() ? null : Collections.unmodifiableMap(copy);
        return new PersistentMap<>(next, size - 1);
    }

    @Override
    public V get(Object key) {
        Map<K, V> m = key == null ? null : buckets[bucket(key)];
        return m == null ? null : m.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        Map<K, V> m = key == null ? null : buckets[bucket(key)];
        return m != null && m.containsKey(key);
    }

    @Override
    public V getOrDefault(Object key, V fallback) {
        V v = get(key);
        return v == null && !containsKey(key) ? fallback : v;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private Iterator<Map.Entry<K, V>> current = Collections.emptyIterator();

                    @Override
                    public boolean hasNext() {
                        while (!current.hasNext() && next < BUCKETS) {
                            Map<K, V> m = buckets[next++];
                            if (m != null) {
                                current = m.entrySet().iterator();
                            }
                        }
                        return current.hasNext();
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return current.next();
                    }
                };
            }
        };
    }
}
