package io.connectctl.cli;

import io.connectctl.prism.PrismExamples;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes Prism's canned answers tell a coherent story, by choosing which of a spec's named examples
 * Prism returns (the {@code Prefer: example=…} request header). Prism cannot remember anything, so:
 *
 * <ul>
 *   <li>listings: the first page without a page token, the last page with one (otherwise Prism
 *       would repeat page one for ever); Confluent's and self-managed Kafka Connect's {@code
 *       expand} listings get the expanded example;
 *   <li>state: after a pause the connector's status (Redpanda, Confluent) or the connector itself
 *       (Yandex) answers with the {@code paused} example, after a resume or restart with {@code
 *       running}.
 * </ul>
 *
 * Used by the Prism contract tests of the CLI ({@code PrismCliTest}); a header the caller already
 * set is left alone.
 */
public final class MockExamples implements Interceptor {
  private static final Pattern REDPANDA_LIST =
      Pattern.compile(".*/v1/kafka-connect/clusters/[^/]+/connectors/?");
  private static final Pattern YANDEX_LIST =
      Pattern.compile(".*/managed-kafka/v1/clusters/[^/]+/connectors/?");

  /** Self-managed Kafka Connect's own listing, served at the root of the worker's REST API. */
  private static final Pattern KAFKA_CONNECT_LIST = Pattern.compile("/connectors/?");

  private static final Pattern CONFLUENT_LIST =
      Pattern.compile(".*/connect/v1/environments/[^/]+/clusters/[^/]+/connectors/?");
  private static final Pattern ACTION =
      Pattern.compile(".*/connectors/(?:([^/]+)/(pause|resume|restart)|(pause|resume)/([^/]+))/?");
  private static final Pattern STATUS =
      Pattern.compile(".*/(?:kafka-connect|connect/v1)/.*/connectors/([^/]+)/status/?");
  private static final Pattern YANDEX_GET =
      Pattern.compile(".*/managed-kafka/v1/clusters/[^/]+/connectors/([^/]+)/?");

  private final Map<String, String> states = new ConcurrentHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Prefer") != null) {
      return chain.proceed(request);
    }
    String path = request.url().encodedPath();
    String example = null;
    if (request.method().equals("GET")) {
      example = forRead(request, path);
    } else {
      remember(path);
    }
    return chain.proceed(
        example == null
            ? request
            : request.newBuilder().header("Prefer", PrismExamples.prefer(example)).build());
  }

  private String forRead(Request request, String path) {
    if (REDPANDA_LIST.matcher(path).matches()) {
      return PrismExamples.listingPage(request.url().queryParameter("page_token"));
    }
    if (YANDEX_LIST.matcher(path).matches()) {
      return PrismExamples.listingPage(request.url().queryParameter("pageToken"));
    }
    if (CONFLUENT_LIST.matcher(path).matches()) {
      return request.url().queryParameter("expand") != null ? "expanded" : null;
    }
    if (KAFKA_CONNECT_LIST.matcher(path).matches()) {
      return request.url().queryParameter("expand") != null ? "expanded" : null;
    }
    Matcher status = STATUS.matcher(path);
    if (status.matches()) {
      return states.get(status.group(1));
    }
    Matcher yandex = YANDEX_GET.matcher(path);
    if (yandex.matches() && !yandex.group(1).equals("pause") && !yandex.group(1).equals("resume")) {
      return states.get(yandex.group(1));
    }
    return null;
  }

  private void remember(String path) {
    Matcher action = ACTION.matcher(path);
    if (action.matches()) {
      String name = action.group(1) != null ? action.group(1) : action.group(4);
      String verb = action.group(2) != null ? action.group(2) : action.group(3);
      states.put(name, verb.equals("pause") ? "paused" : "running");
    }
  }
}
