package io.connectctl.spectools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The committed list of deliberate differences between a curated spec and the vendor's definition,
 * each with its reason and evidence. A finding a deviation covers is reported as such, not as
 * drift.
 */
public final class Deviations {
  /**
   * One deliberate deviation.
   *
   * @param vendor the vendor key
   * @param kinds finding kinds it covers; empty covers every kind
   * @param operation glob ({@code *} = any text) on the operation key
   * @param locations globs on the parameter or field path, one of which must match
   * @param reason why our spec differs
   * @param evidence where that is shown (a test, a vendor test, a commit, a captured response)
   */
  public record Deviation(
      String vendor,
      List<String> kinds,
      String operation,
      List<String> locations,
      String reason,
      String evidence) {
    boolean covers(String vendorKey, Drift.Finding f) {
      return vendor.equals(vendorKey)
          && (kinds.isEmpty() || kinds.contains(f.kind()))
          && glob(operation).matcher(f.operation()).matches()
          && locations.stream().anyMatch(l -> glob(l).matcher(f.location()).matches());
    }
  }

  private final List<Deviation> list;

  private Deviations(List<Deviation> list) {
    this.list = list;
  }

  /** The deviations in {@code file}; none when it does not exist. */
  public static Deviations read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Deviations(List.of());
    }
    List<Deviation> out = new ArrayList<>();
    for (Object item : Yamls.list(Yamls.read(file).get("deviations"))) {
      Map<String, Object> d = Yamls.map(item);
      for (String key : List.of("vendor", "reason", "evidence")) {
        if (Yamls.string(d.get(key)).isBlank()) {
          throw new IllegalArgumentException(file + ": deviation " + d + " lacks '" + key + "'");
        }
      }
      out.add(
          new Deviation(
              Yamls.string(d.get("vendor")),
              Yamls.list(d.get("kinds")).stream().map(String::valueOf).toList(),
              d.containsKey("operation") ? Yamls.string(d.get("operation")) : "*",
              d.get("location") instanceof List<?> list
                  ? list.stream().map(String::valueOf).toList()
                  : List.of(d.containsKey("location") ? Yamls.string(d.get("location")) : "*"),
              Yamls.string(d.get("reason")).strip(),
              Yamls.string(d.get("evidence")).strip()));
    }
    return new Deviations(out);
  }

  /** The deviations of one vendor, in file order. */
  public List<Deviation> of(String vendor) {
    return list.stream().filter(d -> d.vendor().equals(vendor)).toList();
  }

  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
