package io.connectctl.cli;

import io.connectctl.client.runtime.ModelJson;
import java.util.List;
import java.util.Set;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.internal.platform.Platform;
import retrofit2.Retrofit;

/**
 * Loads, on a second thread, what a command needs once it has parsed its arguments: OkHttp (and the
 * Kotlin runtime under it), the security providers OkHttp looks at before its first call, Moshi and
 * Retrofit. The main thread meanwhile builds picocli's model of the command, so on a machine with
 * more than one core the two overlap instead of adding up (about a tenth of a {@code get
 * connectors}, bench/README.md). Nothing here has an effect beyond loading and initialising
 * classes; if the main thread gets there first it simply does the work itself.
 */
final class WarmUp {
  /** Lines that never reach an API: nothing to warm up for. */
  private static final Set<String> NO_CALLS = Set.of("-h", "--help", "-V", "--version");

  private WarmUp() {}

  /** Starts the warm-up unless {@code args} only ask for help or the version. */
  static void startFor(String... args) {
    if (!wanted(args)) {
      return;
    }
    Thread thread = new Thread(WarmUp::run, "connectctl-warm-up");
    thread.setDaemon(true); // never holds the process open
    thread.start();
  }

  /** Whether {@code args} name a command that may call an API (not help, not the version). */
  static boolean wanted(String... args) {
    if (args.length == 0) {
      return false;
    }
    for (String arg : args) {
      if (NO_CALLS.contains(arg)) {
        return false;
      }
    }
    return true;
  }

  private static void run() {
    try {
      Platform.Companion.get(); // OkHttp reads the security providers here, before its first call
      new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
      ModelJson.moshi();
      new Retrofit.Builder().baseUrl("http://127.0.0.1/");
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the command loads these itself and reports any real problem
    }
  }
}
