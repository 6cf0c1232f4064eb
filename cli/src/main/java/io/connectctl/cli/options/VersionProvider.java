package io.connectctl.cli.options;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version (filtered into {@code connectctl-version.properties} at
 * build time), the commit the jar was built from ({@code connectctl-commit.properties}, written by
 * the build) and the Java runtime running it.
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    load(properties, "/connectctl-version.properties");
    load(properties, "/connectctl-commit.properties");
    // concat, not +: the first string concatenation of a JVM sets up invokedynamic machinery that
    // takes longer than the rest of 'connectctl --version'
    return new String[] {
      "connectctl ".concat(properties.getProperty("version", "unknown")),
      "commit: ".concat(properties.getProperty("commit", "unknown")),
      "java: "
          .concat(System.getProperty("java.runtime.version", "unknown"))
          .concat(" (")
          .concat(System.getProperty("java.vm.vendor", "unknown vendor"))
          .concat(", ")
          .concat(System.getProperty("java.vm.name", "unknown VM"))
          .concat(")")
    };
  }

  private static void load(Properties properties, String resource) throws IOException {
    try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    }
  }
}
