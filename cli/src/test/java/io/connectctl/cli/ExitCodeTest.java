package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.RequestTimeoutException;
import io.connectctl.facade.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit code is a plain function of the failure's kind; JSON kind names stay as documented. */
class ExitCodeTest {
  @Test
  void everyKindHasTheDocumentedExitCode() {
    Map<ErrorKind, Integer> expected = new EnumMap<>(ErrorKind.class);
    expected.put(ErrorKind.UNAUTHORIZED, 3);
    expected.put(ErrorKind.FORBIDDEN, 3);
    expected.put(ErrorKind.NOT_FOUND, 4);
    expected.put(ErrorKind.CONFLICT, 1);
    expected.put(ErrorKind.RATE_LIMITED, 1);
    expected.put(ErrorKind.INVALID_REQUEST, 1);
    expected.put(ErrorKind.REFUSED_BEFORE_SENDING, 2);
    expected.put(ErrorKind.SERVER_ERROR, 1);
    expected.put(ErrorKind.TIMEOUT, 1);
    expected.put(ErrorKind.WAIT_TIMEOUT, 5);
    expected.put(ErrorKind.NETWORK, 1);
    expected.put(ErrorKind.UNSUPPORTED, 1);
    expected.put(ErrorKind.FAILED, 1);
    expected.put(ErrorKind.CONFIGURATION, 2);
    expected.put(ErrorKind.UNEXPECTED_RESPONSE, 1);
    assertEquals(
        List.of(ErrorKind.values()),
        List.copyOf(expected.keySet()),
        "every kind has an expectation");
    expected.forEach((kind, code) -> assertEquals(code, ExitCode.of(kind), kind.name()));
  }

  @Test
  void refusalsAndTimeoutsAreToldApartByKindAlone() {
    var refused = InvalidRequestException.beforeSending(Vendor.CONFLUENT, "bad name", "name");
    var rejected =
        new InvalidRequestException(
            "HTTP 400", ErrorContext.response(Vendor.CONFLUENT, 400), List.of());
    var waited =
        new WaitTimeoutException(
            Vendor.REDPANDA, "orders", "PAUSED", "RUNNING", "", Duration.ofSeconds(1));
    var request = new RequestTimeoutException("timed out", ErrorContext.of(Vendor.REDPANDA), null);

    assertEquals(ExitCode.USAGE, ExitCode.of(refused));
    assertEquals(ExitCode.API_FAILED, ExitCode.of(rejected));
    assertEquals(ExitCode.TIMEOUT, ExitCode.of(waited));
    assertEquals(ExitCode.API_FAILED, ExitCode.of(request));
  }

  @Test
  void jsonKindNamesStayAsBefore() {
    assertEquals("INVALID_REQUEST", Failures.kindName(ErrorKind.REFUSED_BEFORE_SENDING));
    assertEquals("INVALID_REQUEST", Failures.kindName(ErrorKind.INVALID_REQUEST));
    assertEquals("TIMEOUT", Failures.kindName(ErrorKind.WAIT_TIMEOUT));
    assertEquals("TIMEOUT", Failures.kindName(ErrorKind.TIMEOUT));
    assertEquals("CONFIGURATION", Failures.kindName(ErrorKind.CONFIGURATION));
    assertEquals("NOT_FOUND", Failures.kindName(ErrorKind.NOT_FOUND));
  }
}
