package io.connectctl.cli.options;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version, filtered into {@code connectctl-version.properties} at
 * build time.
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/connectctl-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    // concat, not +: the first string concatenation of a JVM sets up invokedynamic machinery that
    // takes longer than the rest of 'connectctl --version'
    return new String[] {"connectctl ".concat(properties.getProperty("version", "unknown"))};
  }
}
