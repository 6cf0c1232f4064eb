package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM hands consumers the versions the build tests with: its pins must equal the parent pom's.
 */
class BomTest {
  private static final Pattern PROPERTY = Pattern.compile("<([a-zA-Z.-]+)>([^<]*)</\\1>");

  @Test
  void bomVersionsAreTheBuildsVersions() throws IOException {
    Path root =
        Path.of(System.getProperty("connectctl.specs", "../specs")).toAbsolutePath().getParent();
    Map<String, String> parent = properties(root.resolve("pom.xml"));
    Map<String, String> bom = properties(root.resolve("bom/pom.xml"));
    assertFalse(bom.isEmpty());
    for (Map.Entry<String, String> pin : bom.entrySet()) {
      assertEquals(
          parent.get(pin.getKey()),
          pin.getValue(),
          "bom/pom.xml " + pin.getKey() + " differs from pom.xml");
    }
    assertEquals(
        version(root.resolve("pom.xml")),
        version(root.resolve("bom/pom.xml")),
        "the BOM's version");
  }

  private static Map<String, String> properties(Path pom) throws IOException {
    String text = Files.readString(pom);
    String block = text.substring(text.indexOf("<properties>"), text.indexOf("</properties>"));
    Map<String, String> out = new TreeMap<>();
    Matcher m = PROPERTY.matcher(block);
    while (m.find()) {
      out.put(m.group(1), m.group(2).trim());
    }
    return out;
  }

  private static String version(Path pom) throws IOException {
    Matcher m =
        Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(pom));
    return m.find() ? m.group(1) : "";
  }
}
