package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRedactionTest {
  @Test
  void keepsEverythingButSecretValues() {
    assertEquals(
        "{\"name\":\"orders\",\"tasks.max\":3,\"ratio\":0.5,\"on\":true,\"none\":null,"
            + "\"database.password\":\"<redacted>\",\"key.converter\":\"json\"}",
        JsonRedaction.redact(
            "{\"name\": \"orders\", \"tasks.max\": 3, \"ratio\": 0.5, \"on\": true, \"none\": null,"
                + " \"database.password\": \"pw\", \"key.converter\": \"json\"}"));
  }

  @Test
  void hidesEverythingUnderASecretKeyAtAnyDepth() {
    assertEquals(
        "[{\"a\":{\"credentials\":{\"user\":\"<redacted>\",\"ids\":[\"<redacted>\",\"<redacted>\"]}}}]",
        JsonRedaction.redact("[{\"a\":{\"credentials\":{\"user\":\"u\",\"ids\":[1,\"x\"]}}}]"));
  }

  @Test
  void pagingCursorsAndTokenEndpointFieldsAreTreatedRight() {
    assertEquals(
        "{\"next_page_token\":\"abc\",\"nextPageToken\":\"def\",\"jwt\":\"<redacted>\","
            + "\"iamToken\":\"<redacted>\",\"access_token\":\"<redacted>\",\"token_type\":\"Bearer\"}",
        JsonRedaction.redact(
            "{\"next_page_token\":\"abc\",\"nextPageToken\":\"def\",\"jwt\":\"j\","
                + "\"iamToken\":\"t\",\"access_token\":\"a\",\"token_type\":\"Bearer\"}"));
  }

  @Test
  void notJsonFallsBackToHidingQuotedPairs() {
    assertEquals("x \"secret\": \"<redacted>\" y", JsonRedaction.redact("x \"secret\": \"s1\" y"));
    assertEquals("plain text", JsonRedaction.redact("plain text"));
  }

  @Test
  void collectsSecretValues() {
    assertEquals(
        List.of("pw", "7", "j"),
        JsonRedaction.secretValues(
            "{\"user\":\"u\",\"password\":\"pw\",\"pin\":{\"secret\":7},\"list\":[{\"jaas\":\"j\"}]}"));
    assertEquals(
        List.of("pw"), JsonRedaction.secretValues("{\"password\":\"pw\",\"token\":\"cut-o"));
    assertEquals(List.of(), JsonRedaction.secretValues("not json"));
  }
}
