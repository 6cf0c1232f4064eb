package io.connectctl.facade;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable, order-keeping, null-tolerant map held in two arrays: what the public records
 * keep their maps in. About a quarter of the memory of a {@code LinkedHashMap} (one entry object
 * per mapping, a hash table), which counts when a listing holds every connector's config at once.
 * Lookups scan the keys; a hash index is added for maps with more than {@link #SCAN_LIMIT} keys.
 * Equality, hash code and {@code toString} follow {@link Map}.
 */
final class CompactMap<K, V> extends AbstractMap<K, V> {
  private static final int SCAN_LIMIT = 16;

  private final Object[] keys;
  private final Object[] values;

  /** Open-addressing index of positions + 1 for big maps, else null. */
  private final int[] index;

  private Set<Map.Entry<K, V>> entries;

  private CompactMap(Object[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
    this.index = keys.length > SCAN_LIMIT ? index(keys) : null;
  }

  /** A copy of {@code map} in its iteration order. */
  static <K, V> CompactMap<K, V> copyOf(Map<K, V> map) {
    Object[] keys = new Object[map.size()];
    Object[] values = new Object[keys.length];
    int i = 0;
    for (Map.Entry<K, V> e : map.entrySet()) {
      if (i == keys.length) {
        break; // the map grew while being copied; keep what its size promised
      }
      keys[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
    if (i < keys.length) {
      keys = java.util.Arrays.copyOf(keys, i);
      values = java.util.Arrays.copyOf(values, i);
    }
    return new CompactMap<>(keys, values);
  }

  private static int[] index(Object[] keys) {
    int[] table = new int[Integer.highestOneBit(keys.length * 2 - 1) << 1];
    int mask = table.length - 1;
    for (int i = 0; i < keys.length; i++) {
      int slot = spread(keys[i]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
    return table;
  }

  private static int spread(Object key) {
    int h = Objects.hashCode(key);
    return h ^ (h >>> 16);
  }

  private int find(Object key) {
    if (index == null) {
      for (int i = 0; i < keys.length; i++) {
        if (Objects.equals(keys[i], key)) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(key) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
      int i = index[slot] - 1;
      if (Objects.equals(keys[i], key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = find(key);
    return i < 0 ? null : (V) values[i];
  }

  // Every mutator refuses, whether or not it would change anything (as Collections.unmodifiableMap
  // does).

  @Override
  public V put(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V remove(Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> m) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replaceAll(
      java.util.function.BiFunction<? super K, ? super V, ? extends V> function) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V putIfAbsent(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V replace(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V computeIfAbsent(
      K key, java.util.function.Function<? super K, ? extends V> mappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V computeIfPresent(
      K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V compute(
      K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V merge(
      K key,
      V value,
      java.util.function.BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> set = entries;
    if (set == null) {
      set =
          new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
              return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                  return next < keys.length;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Map.Entry<K, V> next() {
                  if (next >= keys.length) {
                    throw new NoSuchElementException();
                  }
                  int i = next++;
                  return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                }
              };
            }

            @Override
            public int size() {
              return keys.length;
            }
          };
      entries = set;
    }
    return set;
  }
}
