package io.connectctl.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code -o json} is written a piece at a time without Moshi's per-value adapter lookups: the text
 * must stay exactly what Moshi's {@code Object} adapter writes.
 */
class PrinterJsonTest {
  private static final com.squareup.moshi.JsonAdapter<Object> MOSHI =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

  /** Every kind of value a view holds, including ones that go through Moshi's adapters. */
  private static Map<String, Object> row(int i) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", "connector-" + i + " \"quoted\" \\ tab\t ünïcode € \u2028 \u0001");
    row.put("id", i);
    row.put("offset", 1L << 40);
    row.put("ratio", 0.5);
    row.put("small", 1.5f);
    row.put("ok", i % 2 == 0);
    row.put("trace", null);
    row.put("empty", new LinkedHashMap<>());
    row.put("none", List.of());
    row.put("sorted", new TreeMap<>(Map.of("b", "2", "a", "1")));
    row.put("tasks", List.of(Map.of("id", 0), Arrays.asList("x", null, 3)));
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    row.put("controls", controls + " \u2029 \u007f \ud83d\ude00 /");
    // keys that are no strings: Moshi's own map adapter, indented to its depth
    row.put("numbered", List.of(Map.of(7, List.of("a", Map.of("deep", List.of(1, 2))))));
    return row;
  }

  @Test
  void writesWhatMoshiWrites() {
    for (Object value : List.of(row(1), List.of(row(1), row(2)), "text", 42, List.of())) {
      assertEquals(MOSHI.toJson(value), Printer.json(value));
    }
    assertEquals(MOSHI.toJson(null), Printer.json(null));
  }

  @Test
  void aLongListingIsPrintedWholeAndTheSame() {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(row(i));
    }
    String expected = MOSHI.toJson(rows);
    assertTrue(expected.length() > 4 * 64 * 1024, "spans several pieces");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    new Printer(out, OutputFormat.JSON).emit(rows, table -> {});

    assertEquals(expected + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
  }
}
