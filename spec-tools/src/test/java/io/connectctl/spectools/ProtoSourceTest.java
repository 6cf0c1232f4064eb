package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.spectools.ApiModel.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtoSourceTest {
  private final ApiModel model =
      ProtoSource.read(Fixtures.path("vendor/proto"), List.of("acme/shop/v1/order_service.proto"));

  @Test
  void httpBindingsBecomeOperationsAndRpcsWithoutOneAreLeftOut() {
    assertEquals(
        List.of(
            "GET /v1/shops/{}/orders", "GET /v1/shops/{}/orders/{}", "POST /v1/shops/{}/orders"),
        List.copyOf(model.operations().keySet()));
  }

  @Test
  void protobufJsonMappingOfResponseFields() {
    Map<String, Field> order = model.operations().get("GET /v1/shops/{}/orders/{}").response();
    assertEquals(
        new Field("string", "int64", false, List.of()),
        order.get("quantity"),
        "int64 travels as a string");
    assertEquals(
        new Field("string", "date-time", false, List.of()),
        order.get("createdAt"),
        "Timestamp, camelCase");
    assertEquals(
        List.of("STATE_UNSPECIFIED", "OPEN", "SHIPPED"),
        order.get("state").enumValues(),
        "nested enum");
    assertEquals("map", order.get("labels").type());
    assertEquals("string", order.get("labels{}").type());
    Map<String, Field> list = model.operations().get("GET /v1/shops/{}/orders").response();
    assertEquals("array", list.get("orders").type());
    assertNotNull(list.get("orders[].quantity"));
    assertNotNull(list.get("nextPageToken"));
  }

  @Test
  void getRequestFieldsBecomeQueryParametersAndPathFieldsPathParameters() {
    Map<String, Field> params = model.operations().get("GET /v1/shops/{}/orders").parameters();
    assertEquals(new Field("string", "", true, List.of()), params.get("path:shopId"));
    assertEquals(new Field("string", "int64", false, List.of()), params.get("query:pageSize"));
    assertTrue(params.containsKey("query:pageToken"));
    assertFalse(params.containsKey("query:shopId"));
  }

  @Test
  void bodyStarTakesTheOtherFieldsWithOptionsOneofsWrappersAndJsonNames() {
    Map<String, Field> body = model.operations().get("POST /v1/shops/{}/orders").request();
    assertFalse(body.containsKey("shopId"), "a path field is not in the body");
    assertTrue(body.get("id").required(), "(required) = true");
    assertEquals(
        new Field("string", "int64", false, List.of()), body.get("quantity"), "Int64Value");
    assertEquals("object", body.get("card").type(), "a oneof member, nested message");
    assertEquals("string", body.get("card.number").type());
    assertEquals("string", body.get("voucher").type(), "json_name");
  }

  @Test
  void malformedProtoIsReportedNotSwallowed() {
    ProtoSource source = new ProtoSource();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> source.parse("syntax = \"proto3\"; message M { string a = 1 ", true));
    assertTrue(e.getMessage().contains("end of proto file"), e.getMessage());
  }
}
