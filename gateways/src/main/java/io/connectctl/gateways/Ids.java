package io.connectctl.gateways;

import java.util.concurrent.ThreadLocalRandom;

/** Random resource ids in a vendor's style: a fixed prefix and random characters. */
final class Ids {
  private Ids() {}

  /** {@code prefix} followed by {@code length} characters drawn from {@code alphabet}. */
  static String random(String prefix, String alphabet, int length) {
    StringBuilder id = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
