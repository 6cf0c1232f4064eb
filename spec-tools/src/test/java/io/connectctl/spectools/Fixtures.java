package io.connectctl.spectools;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class Fixtures {
  private Fixtures() {}

  static Path path(String relative) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
