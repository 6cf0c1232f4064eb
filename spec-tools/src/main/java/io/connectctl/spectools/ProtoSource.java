package io.connectctl.spectools;

import io.connectctl.spectools.ApiModel.Field;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads protobuf definitions with {@code google.api.http} bindings (how Yandex Cloud publishes its
 * API) into an {@link ApiModel}, applying protobuf's JSON mapping: lowerCamelCase names, 64-bit
 * integers as strings, wrapper types as their value (nullable), {@code Timestamp} as an RFC 3339
 * string, {@code map} as an object, enums by name. A field is required when it carries Yandex's
 * {@code (required) = true} option.
 *
 * <p>A small parser of its own: messages (nested too), enums, {@code oneof}, {@code map}, {@code
 * repeated}, field options and services with {@code option (google.api.http) = { get: "…" body: "*"
 * }}. Comments are skipped; imports are resolved by reading every {@code .proto} file under the
 * root.
 */
public final class ProtoSource {
  private static final int MAX_DEPTH = 12;
  private static final Map<String, Field> SCALARS = new LinkedHashMap<>();

  static {
    for (String t : List.of("double", "float")) {
      SCALARS.put(t, new Field("number", "", false, List.of()));
    }
    for (String t : List.of("int32", "uint32", "sint32", "fixed32", "sfixed32")) {
      SCALARS.put(t, new Field("integer", "", false, List.of()));
    }
    for (String t : List.of("int64", "uint64", "sint64", "fixed64", "sfixed64")) {
      SCALARS.put(t, new Field("string", "int64", false, List.of()));
    }
    SCALARS.put("bool", new Field("boolean", "", false, List.of()));
    SCALARS.put("string", new Field("string", "", false, List.of()));
    SCALARS.put("bytes", new Field("string", "byte", false, List.of()));
    SCALARS.put("google.protobuf.Int64Value", new Field("string", "int64", false, List.of()));
    SCALARS.put("google.protobuf.UInt64Value", new Field("string", "int64", false, List.of()));
    SCALARS.put("google.protobuf.Int32Value", new Field("integer", "", false, List.of()));
    SCALARS.put("google.protobuf.UInt32Value", new Field("integer", "", false, List.of()));
    SCALARS.put("google.protobuf.BoolValue", new Field("boolean", "", false, List.of()));
    SCALARS.put("google.protobuf.StringValue", new Field("string", "", false, List.of()));
    SCALARS.put("google.protobuf.DoubleValue", new Field("number", "", false, List.of()));
    SCALARS.put("google.protobuf.FloatValue", new Field("number", "", false, List.of()));
    SCALARS.put("google.protobuf.BytesValue", new Field("string", "byte", false, List.of()));
    SCALARS.put("google.protobuf.Timestamp", new Field("string", "date-time", false, List.of()));
    SCALARS.put("google.protobuf.Duration", new Field("string", "", false, List.of()));
    SCALARS.put("google.protobuf.FieldMask", new Field("string", "", false, List.of()));
    SCALARS.put("google.protobuf.Any", new Field("any", "", false, List.of()));
    SCALARS.put("google.protobuf.Struct", new Field("any", "", false, List.of()));
    SCALARS.put("google.protobuf.Empty", new Field("object", "", false, List.of()));
    SCALARS.put("google.protobuf.Value", new Field("any", "", false, List.of()));
    SCALARS.put("google.protobuf.ListValue", new Field("array", "", false, List.of()));
  }

  /** A parsed message. */
  record Message(String fullName, List<ProtoField> fields) {}

  /** A parsed field; {@code mapValue} is set for maps. */
  record ProtoField(
      String name,
      String jsonName,
      String type,
      boolean repeated,
      String mapValue,
      boolean required,
      String scope) {}

  /** A parsed RPC with its HTTP binding. */
  record Rpc(
      String name,
      String input,
      String output,
      String method,
      String path,
      String body,
      String scope) {}

  final Map<String, Message> messages = new TreeMap<>();
  final Map<String, List<String>> enums = new TreeMap<>();
  final List<Rpc> rpcs = new ArrayList<>();

  /**
   * Reads every {@code .proto} under {@code root} and returns the HTTP operations of the services
   * declared in {@code serviceFiles} (paths relative to {@code root}); all services when that list
   * is empty.
   */
  public static ApiModel read(Path root, List<String> serviceFiles) {
    ProtoSource source = new ProtoSource();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".proto")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        boolean services = serviceFiles.isEmpty() || serviceFiles.contains(relative);
        source.parse(Files.readString(file), services);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the protos under " + root + ": " + e.getMessage(), e);
    }
    return source.model();
  }

  /** Parses one file's text (visible for tests). */
  void parse(String text, boolean keepServices) {
    new Parser(Tokens.of(text), keepServices).file();
  }

  ApiModel model() {
    ApiModel model = ApiModel.empty();
    for (Rpc rpc : rpcs) {
      ApiModel.Operation op = ApiModel.Operation.named(rpc.name());
      Message input = message(rpc.input(), rpc.scope());
      Set<String> pathParams = new HashSet<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\{([^}=]+)[^}]*}").matcher(rpc.path());
      while (m.find()) {
        pathParams.add(m.group(1));
        op.parameters().put("path:" + camel(m.group(1)), new Field("string", "", true, List.of()));
      }
      if (input != null) {
        if ("*".equals(rpc.body())) {
          for (ProtoField f : input.fields()) {
            if (!pathParams.contains(f.name())) {
              flattenField(f, f.jsonName(), op.request(), 0, new HashSet<>());
            }
          }
        } else if (!rpc.body().isEmpty()) {
          input.fields().stream()
              .filter(f -> f.name().equals(rpc.body()))
              .findFirst()
              .ifPresent(
                  f ->
                      flattenMessage(
                          resolveName(f.type(), f.scope()), "", op.request(), 0, new HashSet<>()));
        } else {
          for (ProtoField f : input.fields()) {
            if (!pathParams.contains(f.name())) {
              Map<String, Field> one = new TreeMap<>();
              flattenField(f, "", one, 0, new HashSet<>());
              op.parameters().put("query:" + f.jsonName(), one.get(""));
            }
          }
        }
      }
      flattenMessage(resolveName(rpc.output(), rpc.scope()), "", op.response(), 0, new HashSet<>());
      op.response().remove("");
      op.request().remove("");
      model
          .operations()
          .put(ApiModel.key(rpc.method(), rpc.path().replaceAll("\\{([^}=]+)=[^}]*}", "{$1}")), op);
    }
    return model;
  }

  private void flattenMessage(
      String fullName, String path, Map<String, Field> out, int depth, Set<String> seen) {
    Message message = messages.get(fullName);
    if (message == null || depth > MAX_DEPTH || !seen.add(fullName)) {
      return;
    }
    for (ProtoField f : message.fields()) {
      flattenField(
          f, path.isEmpty() ? f.jsonName() : path + "." + f.jsonName(), out, depth + 1, seen);
    }
    seen.remove(fullName);
  }

  private void flattenField(
      ProtoField f, String path, Map<String, Field> out, int depth, Set<String> seen) {
    if (f.mapValue() != null) {
      out.put(path, new Field("map", "", f.required(), List.of()));
      flattenType(f.mapValue(), f.scope(), path + "{}", true, out, depth, seen);
      return;
    }
    if (f.repeated()) {
      out.put(path, new Field("array", "", f.required(), List.of()));
      flattenType(f.type(), f.scope(), path + "[]", true, out, depth, seen);
      return;
    }
    flattenType(f.type(), f.scope(), path, f.required(), out, depth, seen);
  }

  private void flattenType(
      String type,
      String scope,
      String path,
      boolean required,
      Map<String, Field> out,
      int depth,
      Set<String> seen) {
    String full = resolveName(type, scope);
    Field scalar = SCALARS.get(full);
    if (scalar != null) {
      out.put(path, new Field(scalar.type(), scalar.format(), required, List.of()));
      return;
    }
    if (enums.containsKey(full)) {
      out.put(path, new Field("string", "", required, enums.get(full)));
      return;
    }
    out.put(path, new Field("object", "", required, List.of()));
    flattenMessage(full, path, out, depth, seen);
  }

  private Message message(String type, String scope) {
    return messages.get(resolveName(type, scope));
  }

  /** Resolves a type reference the way protoc does: innermost scope first, then outwards. */
  String resolveName(String type, String scope) {
    if (SCALARS.containsKey(type)) {
      return type;
    }
    if (type.startsWith(".")) {
      return type.substring(1);
    }
    String s = scope;
    while (true) {
      String candidate = s.isEmpty() ? type : s + "." + type;
      if (messages.containsKey(candidate)
          || enums.containsKey(candidate)
          || SCALARS.containsKey(candidate)) {
        return candidate;
      }
      if (s.isEmpty()) {
        break;
      }
      int dot = s.lastIndexOf('.');
      s = dot < 0 ? "" : s.substring(0, dot);
    }
    for (String name : messages.keySet()) {
      if (name.endsWith("." + type)) {
        return name;
      }
    }
    for (String name : enums.keySet()) {
      if (name.endsWith("." + type)) {
        return name;
      }
    }
    return type;
  }

  static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /**
   * The tokens of a proto file: identifiers (dots included), strings (unquoted, prefixed with a
   * quote), symbols.
   */
  static final class Tokens {
    final List<String> list = new ArrayList<>();
    int pos;

    static Tokens of(String text) {
      Tokens t = new Tokens();
      int i = 0;
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
          while (i < n && text.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
          int end = text.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 2;
        } else if (c == '"' || c == '\'') {
          StringBuilder s = new StringBuilder("\"");
          i++;
          while (i < n && text.charAt(i) != c) {
            if (text.charAt(i) == '\\' && i + 1 < n) {
              i++;
            }
            s.append(text.charAt(i++));
          }
          i++;
          t.list.add(s.toString());
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+') {
          int start = i;
          while (i < n
              && (Character.isLetterOrDigit(text.charAt(i))
                  || "_.-+".indexOf(text.charAt(i)) >= 0)) {
            i++;
          }
          t.list.add(text.substring(start, i));
        } else {
          t.list.add(String.valueOf(c));
          i++;
        }
      }
      return t;
    }

    boolean more() {
      return pos < list.size();
    }

    String peek() {
      return more() ? list.get(pos) : "";
    }

    String next() {
      if (!more()) {
        throw new IllegalArgumentException("Unexpected end of proto file");
      }
      return list.get(pos++);
    }

    void expect(String token) {
      String got = next();
      if (!got.equals(token)) {
        throw new IllegalArgumentException(
            "Expected '" + token + "' but found '" + got + "' (token " + pos + ")");
      }
    }

    /** Skips a balanced {...}, [...] or (...) starting at the current opening symbol. */
    void skipBalanced() {
      String open = next();
      String close =
          switch (open) {
            case "{" -> "}";
            case "[" -> "]";
            case "(" -> ")";
            default -> throw new IllegalArgumentException("Not an opening symbol: " + open);
          };
      int level = 1;
      while (level > 0) {
        String t = next();
        if (t.equals(open)) {
          level++;
        } else if (t.equals(close)) {
          level--;
        }
      }
    }
  }

  private final class Parser {
    private final Tokens t;
    private final boolean keepServices;
    private String pkg = "";

    Parser(Tokens tokens, boolean keepServices) {
      this.t = tokens;
      this.keepServices = keepServices;
    }

    void file() {
      while (t.more()) {
        String token = t.next();
        switch (token) {
          case "syntax", "edition", "import", "option" -> skipStatement();
          case "package" -> {
            pkg = t.next();
            t.expect(";");
          }
          case "message" -> message(pkg);
          case "enum" -> enumeration(pkg);
          case "service" -> service();
          case "extend" -> {
            t.next();
            t.skipBalanced();
          }
          case ";" -> {}
          default ->
              throw new IllegalArgumentException("Unexpected '" + token + "' at the top level");
        }
      }
    }

    private void skipStatement() {
      while (!t.peek().equals(";")) {
        if (t.peek().equals("{")) {
          t.skipBalanced();
        } else {
          t.next();
        }
      }
      t.next();
    }

    private void message(String scope) {
      String name = scope.isEmpty() ? t.next() : scope + "." + t.next();
      List<ProtoField> fields = new ArrayList<>();
      messages.put(name, new Message(name, fields));
      t.expect("{");
      body(name, fields, false);
    }

    /** Message (or oneof) body up to its closing brace. */
    private void body(String scope, List<ProtoField> fields, boolean inOneof) {
      while (!t.peek().equals("}")) {
        String token = t.next();
        switch (token) {
          case "message" -> message(scope);
          case "enum" -> enumeration(scope);
          case "option", "reserved", "extensions" -> skipStatement();
          case "extend" -> {
            t.next();
            t.skipBalanced();
          }
          case "oneof" -> {
            t.next();
            t.expect("{");
            body(scope, fields, true);
          }
          case ";" -> {}
          case "map" -> {
            t.expect("<");
            t.next();
            t.expect(",");
            String value = t.next();
            t.expect(">");
            field(scope, fields, value, false, value);
          }
          case "repeated" -> field(scope, fields, t.next(), true, null);
          case "optional", "required" -> field(scope, fields, t.next(), false, null);
          default -> field(scope, fields, token, false, null);
        }
      }
      t.next();
    }

    private void field(
        String scope, List<ProtoField> fields, String type, boolean repeated, String mapValue) {
      String name = t.next();
      t.expect("=");
      t.next();
      boolean required = false;
      String jsonName = camel(name);
      if (t.peek().equals("[")) {
        t.next();
        while (!t.peek().equals("]")) {
          StringBuilder option = new StringBuilder();
          while (!t.peek().equals("=")) {
            option.append(t.next());
          }
          t.next();
          String value = t.peek().equals("{") ? "" : t.next();
          if (value.isEmpty()) {
            t.skipBalanced();
          }
          String key = option.toString();
          if ((key.equals("(required)") || key.endsWith(".required)")) && value.equals("true")) {
            required = true;
          }
          if (key.equals("json_name")) {
            jsonName = value.substring(1);
          }
          if (t.peek().equals(",")) {
            t.next();
          }
        }
        t.next();
      }
      t.expect(";");
      fields.add(
          new ProtoField(
              name,
              jsonName,
              mapValue != null ? "map" : type,
              repeated,
              mapValue,
              required,
              scope));
    }

    private void enumeration(String scope) {
      String name = scope.isEmpty() ? t.next() : scope + "." + t.next();
      List<String> values = new ArrayList<>();
      t.expect("{");
      while (!t.peek().equals("}")) {
        String token = t.next();
        if (token.equals("option") || token.equals("reserved")) {
          skipStatement();
        } else if (!token.equals(";")) {
          values.add(token);
          skipStatement();
        }
      }
      t.next();
      enums.put(name, values);
    }

    private void service() {
      t.next();
      t.expect("{");
      while (!t.peek().equals("}")) {
        String token = t.next();
        if (token.equals("option")) {
          skipStatement();
        } else if (token.equals("rpc")) {
          rpc();
        } else if (!token.equals(";")) {
          throw new IllegalArgumentException("Unexpected '" + token + "' in a service");
        }
      }
      t.next();
    }

    private void rpc() {
      String name = t.next();
      t.expect("(");
      String input = streamless();
      t.expect(")");
      t.expect("returns");
      t.expect("(");
      String output = streamless();
      t.expect(")");
      String method = "";
      String path = "";
      String body = "";
      if (t.peek().equals("{")) {
        t.next();
        while (!t.peek().equals("}")) {
          String token = t.next();
          if (!token.equals("option")) {
            continue;
          }
          StringBuilder option = new StringBuilder();
          while (!t.peek().equals("=")) {
            option.append(t.next());
          }
          t.next();
          if (option.toString().equals("(google.api.http)")) {
            t.expect("{");
            while (!t.peek().equals("}")) {
              String key = t.next();
              if (t.peek().equals(":")) {
                t.next();
              }
              if (t.peek().equals("{")) {
                t.skipBalanced();
                continue;
              }
              String value = t.next().substring(1);
              switch (key) {
                case "get", "put", "post", "delete", "patch" -> {
                  method = key;
                  path = value;
                }
                case "body" -> body = value;
                default -> {}
              }
              if (t.peek().equals(",") || t.peek().equals(";")) {
                t.next();
              }
            }
            t.next();
          } else if (t.peek().equals("{")) {
            t.skipBalanced();
          } else {
            t.next();
          }
          if (t.peek().equals(";")) {
            t.next();
          }
        }
        t.next();
        if (t.peek().equals(";")) {
          t.next();
        }
      } else {
        t.expect(";");
      }
      if (keepServices && !method.isEmpty()) {
        rpcs.add(new Rpc(name, input, output, method, path, body, pkg));
      }
    }

    private String streamless() {
      String type = t.next();
      return type.equals("stream") ? t.next() : type;
    }
  }
}
