package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The records' map copies: order, lookups (scanned and indexed), nulls, Map's contract, no
 * mutation.
 */
class CompactMapTest {
  private static Map<String, String> linked(int size) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = size; i > 0; i--) {
      map.put("key." + i, "value " + i);
    }
    return map;
  }

  @Test
  void keepsTheOrderAndAnswersLikeTheMapItCopied() {
    for (int size : new int[] {1, 3, 16, 17, 40, 300}) {
      Map<String, String> original = linked(size);
      Map<String, String> copy = Immutable.map(original);

      assertEquals(
          new ArrayList<>(original.keySet()), new ArrayList<>(copy.keySet()), "order at " + size);
      assertEquals(new ArrayList<>(original.values()), new ArrayList<>(copy.values()));
      assertEquals(original, copy);
      assertEquals(copy, original);
      assertEquals(original.hashCode(), copy.hashCode());
      assertEquals(original.toString(), copy.toString());
      for (String key : original.keySet()) {
        assertTrue(copy.containsKey(key), key);
        assertEquals(original.get(key), copy.get(key), key);
      }
      assertFalse(copy.containsKey("key.0"));
      assertNull(copy.get("key.0"));
      assertEquals("fallback", copy.getOrDefault("missing", "fallback"));
    }
  }

  @Test
  void isACopyNotAView() {
    Map<String, String> original = linked(20);
    Map<String, String> copy = Immutable.map(original);
    original.put("key.1", "changed");
    original.put("added", "x");

    assertEquals("value 1", copy.get("key.1"));
    assertFalse(copy.containsKey("added"));
    assertSame(copy, Immutable.map(copy), "a copy is not copied again");
  }

  @Test
  void toleratesNullKeysAndValues() {
    Map<String, String> original = new LinkedHashMap<>();
    original.put("a", null);
    original.put(null, "b");
    Map<String, String> copy = Immutable.map(original);

    assertTrue(copy.containsKey("a"));
    assertNull(copy.get("a"));
    assertEquals("b", copy.get(null));
    assertTrue(copy.containsValue(null));
    assertEquals(original, copy);
  }

  @Test
  void refusesEveryChangeEvenOneThatWouldChangeNothing() {
    Map<String, String> copy = Immutable.map(linked(5));
    List<Runnable> changes =
        List.of(
            () -> copy.put("x", "y"),
            () -> copy.remove("missing"),
            () -> copy.clear(),
            () -> copy.putAll(Map.of()),
            () -> copy.putIfAbsent("key.1", "v"),
            () -> copy.replace("key.1", "v"),
            () -> copy.replaceAll((k, v) -> v),
            () -> copy.computeIfAbsent("key.1", k -> "v"),
            () -> copy.merge("key.1", "v", (a, b) -> a),
            () -> copy.entrySet().iterator().next().setValue("v"),
            () -> copy.keySet().remove("key.1"));
    for (Runnable change : changes) {
      assertThrows(UnsupportedOperationException.class, change::run);
    }
    assertEquals(linked(5), copy);
  }

  @Test
  void emptyStaysTheSharedEmptyMap() {
    assertSame(Map.of(), Immutable.map(new LinkedHashMap<String, String>()));
    assertSame(Map.of(), Immutable.map(null));
  }
}
