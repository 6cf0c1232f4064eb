package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DriftTest {
  private final ApiModel ours =
      OpenApiSource.read(Fixtures.path("repo/specs/shop/shop.yaml"), List.of());
  private final ApiModel vendor =
      OpenApiSource.read(Fixtures.path("vendor/shop-vendor.yaml"), List.of("/v1/"));
  private final List<String> lines =
      Drift.compare(ours, vendor).stream().map(Drift.Finding::line).toList();

  @Test
  void operationsAddedAndGoneAreReportedAndScopeIsHonoured() {
    assertTrue(
        lines.contains(
            "operation-added  POST /v1/shops/{}/orders/{}:cancel  (vendor operation CancelOrder)"),
        dump());
    assertTrue(
        lines.contains("operation-gone  GET /v1/shops/{}/legacy  (our operation legacy)"), dump());
    assertFalse(lines.stream().anyMatch(l -> l.contains("/v2/unrelated")), dump());
  }

  @Test
  void parametersCompareByNameAndTypeButNotByPathParameterNames() {
    assertTrue(
        lines.contains("parameter-added  GET /v1/shops/{}/orders  query:filter  (vendor: string)"),
        dump());
    // page_size is integer(int64) in ours and string(int64) in the vendor's: the same on a query
    // string.
    assertFalse(lines.stream().anyMatch(l -> l.contains("query:page_size")), dump());
    assertFalse(lines.stream().anyMatch(l -> l.contains("path:")), dump());
  }

  @Test
  void fieldTypeRequiredAndEnumChangesAreReportedForRequestsAndResponses() {
    assertTrue(
        lines.contains(
            "response-field-type  GET /v1/shops/{}/orders  orders[].quantity  (ours integer, vendor string(int64))"),
        dump());
    assertTrue(
        lines.contains(
            "response-field-required  GET /v1/shops/{}/orders  orders[].quantity  (ours optional, vendor required)"),
        dump());
    assertTrue(
        lines.contains(
            "response-field-enum-added  GET /v1/shops/{}/orders  orders[].state  (vendor also has CANCELLED)"),
        dump());
    assertTrue(
        lines.contains(
            "response-field-added  GET /v1/shops/{}/orders  orders[].createdAt  (vendor: string(date-time))"),
        dump());
    assertTrue(
        lines.contains(
            "request-field-type  POST /v1/shops/{}/orders  quantity  (ours integer, vendor string(int64))"),
        dump());
    assertTrue(
        lines.contains("request-field-gone  POST /v1/shops/{}/orders  secret  (ours: string)"),
        dump());
  }

  @Test
  void writeOnlyFieldsAreNotExpectedInResponsesAndMapsCompareAsMaps() {
    assertFalse(
        lines.stream().anyMatch(l -> l.startsWith("response-field") && l.contains("secret")),
        dump());
    assertFalse(lines.stream().anyMatch(l -> l.contains("labels")), dump());
  }

  @Test
  void identicalModelsHaveNoFindings() {
    assertEquals(
        List.of(),
        Drift.compare(
            ours, OpenApiSource.read(Fixtures.path("repo/specs/shop/shop.yaml"), List.of())));
  }

  private String dump() {
    return lines.stream().collect(Collectors.joining("\n", "findings:\n", ""));
  }
}
