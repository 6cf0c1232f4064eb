package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.client.yandex.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operation error without a message (proto3 leaves an empty one out) is described without
 * "null".
 */
class YandexTolerantOperationTest {
  @Test
  void errorWithoutMessage() {
    assertEquals(
        "9 FAILED_PRECONDITION: ", YandexOperationChange.describe(new Status(9, null, List.of())));
  }
}
