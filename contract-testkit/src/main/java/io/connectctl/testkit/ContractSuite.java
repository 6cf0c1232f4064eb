package io.connectctl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.runtime.PathSegmentEncoding;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * Contract tests derived from a spec: for every operation it checks, through the generated client,
 * that
 *
 * <ol>
 *   <li>each request built from the spec's examples is accepted by Prism (no {@code
 *       sl-violations});
 *   <li>each named example of each success response parses, and writes back to the same JSON;
 *   <li>dynamic responses (one Prism per seed) parse;
 *   <li>each named example of each error status parses into the vendor's error model;
 *   <li>a request body missing a required property is reported by Prism as a violation (so the
 *       harness can fail).
 * </ol>
 *
 * It also fails when the spec has an operation the generated interfaces lack.
 */
public final class ContractSuite {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OpenApiDocument spec;
  private final List<Class<?>> apis;
  private final String modelPackage;
  private final String authorization;
  private final Moshi moshi = ModelJson.moshi();
  private final OkHttpClient http = new OkHttpClient();

  private ContractSuite(
      OpenApiDocument spec, List<Class<?>> apis, String modelPackage, String authorization) {
    this.spec = spec;
    this.apis = apis;
    this.modelPackage = modelPackage;
    this.authorization = authorization;
  }

  /**
   * @param prism the running servers for the spec
   * @param modelPackage where the generated models are (error models are looked up there by schema
   *     name)
   * @param authorization the {@code Authorization} header value to send
   * @param apis the generated Retrofit interfaces
   */
  public static ContractSuite of(
      PrismExtension prism, String modelPackage, String authorization, Class<?>... apis) {
    return new ContractSuite(
        OpenApiDocument.read(prism.spec()), List.of(apis), modelPackage, authorization);
  }

  /** The spec's operations. */
  public List<OpenApiDocument.Operation> operations() {
    return spec.operations();
  }

  /** One container of tests per operation. */
  public Stream<DynamicNode> tests(PrismExtension prism) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (OpenApiDocument.Operation op : spec.operations()) {
      Optional<Method> method = findMethod(op.id());
      if (method.isEmpty()) {
        nodes.add(
            DynamicTest.dynamicTest(
                op + " has a generated method",
                () -> fail("No method " + op.id() + " in " + apis)));
        continue;
      }
      nodes.add(
          DynamicContainer.dynamicContainer(
              op.toString(), operationTests(prism, op, method.get())));
    }
    return nodes.stream();
  }

  private Stream<DynamicNode> operationTests(
      PrismExtension prism, OpenApiDocument.Operation op, Method method) {
    List<DynamicNode> tests = new ArrayList<>();
    Map<String, Object> requests = op.requestExamples();
    if (op.requestSchema().isPresent() && requests.isEmpty()) {
      tests.add(
          DynamicTest.dynamicTest(
              "request body has named examples", () -> fail(op + " has no request example")));
    }
    Object firstRequest = requests.isEmpty() ? null : requests.values().iterator().next();
    if (requests.isEmpty()) {
      tests.add(
          DynamicTest.dynamicTest(
              "request is accepted by Prism",
              () -> assertAccepted(op, call(prism.server().baseUrl(), method, op, null, null))));
    }
    for (Map.Entry<String, Object> request : requests.entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              "request from example '" + request.getKey() + "' is accepted by Prism",
              () ->
                  assertAccepted(
                      op, call(prism.server().baseUrl(), method, op, request.getValue(), null))));
    }
    for (String code : op.responseCodes()) {
      boolean success = code.startsWith("2");
      Map<String, Object> examples = op.responseExamples(code);
      if (op.responseSchema(code).isPresent() && examples.isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                code + " has named examples", () -> fail(op + " " + code + " has no examples")));
      }
      if (examples.isEmpty() && success) {
        tests.add(
            DynamicTest.dynamicTest(
                "responds " + code + " without a body",
                () -> {
                  Response<?> response =
                      call(prism.server().baseUrl(), method, op, firstRequest, "code=" + code);
                  assertEquals(Integer.parseInt(code), response.code(), () -> describe(response));
                  assertNull(response.body(), "no body expected for " + code);
                }));
      }
      for (Map.Entry<String, Object> example : examples.entrySet()) {
        String prefer = "code=" + code + ", example=" + example.getKey();
        if (success) {
          tests.add(
              DynamicTest.dynamicTest(
                  "responds " + code + " example '" + example.getKey() + "' and it parses",
                  () -> {
                    Response<?> response =
                        call(prism.server().baseUrl(), method, op, firstRequest, prefer);
                    assertEquals(Integer.parseInt(code), response.code(), () -> describe(response));
                    assertNotNull(response.body(), "the example body parsed to null");
                    assertRoundTrip(
                        example.getValue(),
                        response.body(),
                        responseType(method),
                        op + " " + prefer);
                  }));
        } else {
          tests.add(
              DynamicTest.dynamicTest(
                  "error "
                      + code
                      + " example '"
                      + example.getKey()
                      + "' parses into the error model",
                  () -> {
                    Response<?> response =
                        call(prism.server().baseUrl(), method, op, firstRequest, prefer);
                    assertEquals(Integer.parseInt(code), response.code(), () -> describe(response));
                    for (String header : op.responseHeaders(code)) {
                      assertNotNull(
                          response.headers().get(header),
                          "header " + header + " missing from " + code);
                    }
                    String body;
                    try (ResponseBody error = response.errorBody()) {
                      body = error == null ? "" : error.string();
                    }
                    Type errorType = errorModel(op, code);
                    Object parsed = moshi.adapter(errorType).fromJson(body);
                    assertNotNull(parsed, "error body parsed to null: " + body);
                    assertRoundTrip(example.getValue(), parsed, errorType, op + " " + prefer);
                  }));
        }
      }
    }
    for (Map.Entry<Long, PrismServer> dynamic : prism.dynamicServers().entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              "dynamic response (seed " + dynamic.getKey() + ") parses",
              () -> {
                Response<?> response =
                    call(dynamic.getValue().baseUrl(), method, op, firstRequest, null);
                assertTrue(response.isSuccessful(), () -> describe(response));
                if (responseType(method) != Void.class) {
                  assertNotNull(response.body(), "dynamic body parsed to null");
                }
              }));
    }
    requiredBodyProperty(op)
        .ifPresent(
            field ->
                tests.add(
                    DynamicTest.dynamicTest(
                        "request missing required '" + field + "' is rejected by Prism",
                        () -> assertRejected(prism.server().baseUrl(), op, firstRequest, field))));
    return tests.stream();
  }

  private void assertAccepted(OpenApiDocument.Operation op, Response<?> response) {
    assertNull(
        response.headers().get("sl-violations"),
        () -> op + " request violates the spec: " + response.headers().get("sl-violations"));
    assertTrue(response.isSuccessful(), () -> describe(response));
  }

  private void assertRoundTrip(Object example, Object parsed, Type type, String what) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);
    Object written = adapter.toJsonValue(parsed);
    assertEquals(
        JsonComparison.normalize(example),
        JsonComparison.normalize(written),
        what + ": the model does not write back the example it read");
  }

  private Optional<String> requiredBodyProperty(OpenApiDocument.Operation op) {
    return op.requestSchema()
        .flatMap(
            schema -> {
              Object required = spec.resolve(schema).get("required");
              return required instanceof List<?> list
                      && !list.isEmpty()
                      && !op.requestExamples().isEmpty()
                  ? Optional.of(String.valueOf(list.get(0)))
                  : Optional.empty();
            });
  }

  private void assertRejected(
      String baseUrl, OpenApiDocument.Operation op, Object example, String field)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>(OpenApiDocument.map(example));
    assertNotNull(body.remove(field), "the request example has no '" + field + "' to remove");
    String json = moshi.adapter(Object.class).toJson(body);
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(baseUrl).resolve(expandPath(op)))
            .header("Authorization", authorization)
            .method(op.method(), RequestBody.create(json, JSON))
            .build();
    try (okhttp3.Response response = http.newCall(request).execute()) {
      // Prism answers 422 of its own, or the operation's documented 400 example, and names the
      // violation.
      assertTrue(
          response.code() == 422 || response.code() == 400,
          "Prism should reject a body without '" + field + "' but answered " + response.code());
      String violations = response.header("sl-violations");
      assertNotNull(violations, "Prism should name the violation");
      assertTrue(
          violations.contains(field), "the violation should name '" + field + "': " + violations);
    }
  }

  private String expandPath(OpenApiDocument.Operation op) {
    String path = op.path();
    for (Map<String, Object> p : op.parameters().values()) {
      if ("path".equals(p.get("in"))) {
        path =
            path.replace(
                "{" + p.get("name") + "}",
                PathSegmentEncoding.encode(String.valueOf(op.parameterExample(p))));
      }
    }
    return path.substring(1);
  }

  private Response<?> call(
      String baseUrl, Method method, OpenApiDocument.Operation op, Object body, String prefer)
      throws IOException {
    OkHttpClient client =
        http.newBuilder()
            .addInterceptor(
                chain -> {
                  Request.Builder request =
                      chain.request().newBuilder().header("Authorization", authorization);
                  if (prefer != null) {
                    request.header("Prefer", prefer);
                  }
                  return chain.proceed(request.build());
                })
            .build();
    Retrofit retrofit = GeneratedClients.retrofit(HttpUrl.get(baseUrl), client, moshi);
    Object api = retrofit.create(method.getDeclaringClass());
    Object[] args = arguments(method, op, body);
    try {
      return ((Call<?>) method.invoke(api, args)).execute();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Calling " + op.id() + " failed", e.getCause());
    }
  }

  private Object[] arguments(Method method, OpenApiDocument.Operation op, Object body) {
    Map<String, Map<String, Object>> parameters = op.parameters();
    Type[] types = method.getGenericParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Path path) {
          args[i] =
              convert(
                  op.parameterExample(require(parameters, "path:" + path.value(), op)), types[i]);
        } else if (a instanceof Query query) {
          Map<String, Object> p = parameters.get("query:" + query.value());
          args[i] = p == null ? null : convert(op.parameterExample(p), types[i]);
        } else if (a instanceof QueryMap) {
          args[i] = deepObjectQuery(parameters);
        } else if (a instanceof Header header) {
          Map<String, Object> p = parameters.get("header:" + header.value());
          args[i] = p == null ? null : convert(op.parameterExample(p), types[i]);
        } else if (a instanceof Body) {
          args[i] = body == null ? null : moshi.adapter(types[i]).fromJsonValue(body);
        }
      }
    }
    return args;
  }

  /**
   * The spec's {@code deepObject} query parameters, from their examples, as one Retrofit query map.
   */
  private Map<String, String> deepObjectQuery(Map<String, Map<String, Object>> parameters) {
    Map<String, String> query = new LinkedHashMap<>();
    for (Map<String, Object> p : parameters.values()) {
      if ("query".equals(p.get("in")) && "deepObject".equals(p.get("style"))) {
        Map<String, Object> example = OpenApiDocument.map(p.get("example"));
        example.forEach((k, v) -> query.put(p.get("name") + "[" + k + "]", String.valueOf(v)));
      }
    }
    return query;
  }

  private static Map<String, Object> require(
      Map<String, Map<String, Object>> parameters, String key, OpenApiDocument.Operation op) {
    Map<String, Object> p = parameters.get(key);
    if (p == null) {
      throw new IllegalStateException(op + " has no parameter " + key + " in the spec");
    }
    return p;
  }

  private static Object convert(Object value, Type type) {
    if (value == null) {
      return null;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      // A repeated query parameter (style form, explode): one value per element.
      List<Object> values = new ArrayList<>();
      for (Object element : value instanceof List<?> l ? l : List.of(value)) {
        values.add(convert(element, list.getActualTypeArguments()[0]));
      }
      return values;
    }
    if (type == String.class) {
      return String.valueOf(value);
    }
    if (type == Integer.class) {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }
    if (type == Long.class) {
      return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
    if (type == Boolean.class) {
      return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }
    if (type == java.util.UUID.class) {
      return java.util.UUID.fromString(value.toString());
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      Type item = list.getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (Object element : value instanceof List<?> l ? l : List.of(value)) {
        out.add(convert(element, item));
      }
      return out;
    }
    if (type instanceof Class<?> c
        && c.isRecord()
        && c.getRecordComponents().length == 1
        && c.getRecordComponents()[0].getType() == String.class) {
      try {
        return c.getDeclaredConstructor(String.class).newInstance(String.valueOf(value));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot build " + c.getName() + " from " + value, e);
      }
    }
    if (type == Double.class) {
      return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }
    throw new IllegalStateException("Unsupported parameter type " + type);
  }

  private Type responseType(Method method) {
    return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
  }

  private Type errorModel(OpenApiDocument.Operation op, String code) {
    Map<String, Object> schema =
        op.responseSchema(code)
            .orElseThrow(() -> new AssertionError(op + " " + code + " has no schema"));
    String name =
        OpenApiDocument.schemaName(schema)
            .orElseThrow(
                () ->
                    new AssertionError(
                        op + " " + code + ": error schemas must be named components"));
    try {
      return Class.forName(modelPackage + "." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("No generated model " + modelPackage + "." + name, e);
    }
  }

  private Optional<Method> findMethod(String operationId) {
    for (Class<?> api : apis) {
      for (Method m : api.getMethods()) {
        if (m.getName().equals(operationId)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(Response<?> response) {
    String body = "";
    try (ResponseBody error = response.errorBody()) {
      body = error == null ? "" : error.string();
    } catch (IOException e) {
      body = "(unreadable: " + e.getMessage() + ")";
    }
    return "HTTP "
        + response.code()
        + " sl-violations="
        + response.headers().get("sl-violations")
        + " "
        + body;
  }
}
