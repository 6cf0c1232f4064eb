package io.connectctl.facade.yandex;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.connectctl.client.yandex.model.UpdateConnectorRequest;
import io.connectctl.client.yandex.model.UpdateConnectorSpec;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an {@link UpdateConnectorRequest} with only the fields its {@code updateMask} names, so
 * the PATCH body says exactly what changes: a masked field is written whole (a leaf, or the whole
 * {@code properties} map), an object on the way to a masked field is written with just that part.
 * The one addition is what the spec requires to keep an object readable: a MirrorMaker cluster
 * connection keeps its {@code thisCluster}/{@code externalCluster} member (pruned to {@code {}}
 * when nothing inside it changes), which says which kind of connection it is. Yandex applies only
 * masked fields, so such a marker changes nothing. A request without a mask is written unchanged.
 */
final class UpdateBodyJson {
  /** Register before {@link io.connectctl.client.runtime.ModelJson#FACTORY}. */
  static final JsonAdapter.Factory FACTORY = UpdateBodyJson::create;

  private static final String SPEC = "connectorSpec";

  private UpdateBodyJson() {}

  private static JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (type != UpdateConnectorRequest.class || !annotations.isEmpty()) {
      return null;
    }
    JsonAdapter<UpdateConnectorRequest> model = moshi.nextAdapter(FACTORY, type, annotations);
    JsonAdapter<Object> json = moshi.adapter(Object.class);
    return new JsonAdapter<UpdateConnectorRequest>() {
      @Override
      public UpdateConnectorRequest fromJson(JsonReader reader) throws IOException {
        return model.fromJson(reader);
      }

      @Override
      public void toJson(JsonWriter writer, UpdateConnectorRequest value) throws IOException {
        if (value == null || value.updateMask() == null || value.updateMask().isBlank()) {
          model.toJson(writer, value);
          return;
        }
        json.toJson(writer, prune(model.toJsonValue(value), value.updateMask()));
      }
    }.nullSafe();
  }

  /** The request's JSON with its spec pruned to {@code updateMask}. */
  static Map<String, Object> prune(Object request, String updateMask) {
    Set<String> mask =
        Arrays.stream(updateMask.split(","))
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .collect(Collectors.toSet());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("updateMask", updateMask);
    Object spec = request instanceof Map<?, ?> map ? map.get(SPEC) : null;
    out.put(
        SPEC,
        spec instanceof Map<?, ?> object
            ? pruneObject(object, UpdateConnectorSpec.class, SPEC, mask)
            : Map.of());
    return out;
  }

  private static Map<String, Object> pruneObject(
      Map<?, ?> json, Type type, String prefix, Set<String> mask) {
    Set<String> keys = json.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    Class<?> model = type == null ? null : GeneratedModels.variant(Types.getRawType(type), keys);
    Set<String> required = GeneratedModels.required(model);
    Map<String, Object> out = new LinkedHashMap<>();
    json.forEach(
        (k, value) -> {
          String key = String.valueOf(k);
          String path = prefix + "." + key;
          if (mask.contains(path)) {
            out.put(key, value);
          } else if (value instanceof Map<?, ?> child
              && (leadsToMasked(path, mask) || required.contains(key))) {
            out.put(key, pruneObject(child, GeneratedModels.propertyType(model, key), path, mask));
          } else if (required.contains(key)) {
            out.put(key, value);
          }
        });
    return out;
  }

  private static boolean leadsToMasked(String path, Set<String> mask) {
    String below = path + ".";
    return mask.stream().anyMatch(p -> p.startsWith(below));
  }
}
