package io.connectctl.spectools;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * openapi-diff over two versions of one spec: whether clients of the old one break, and what
 * changed.
 */
public final class SpecDiff {
  private SpecDiff() {}

  /**
   * The comparison of one spec.
   *
   * @param verdict {@code no changes}, {@code compatible} or {@code breaking}
   * @param report openapi-diff's Markdown report (empty without changes)
   */
  public record Result(String verdict, String report) {
    /** Whether clients of the old spec may break. */
    public boolean breaking() {
      return verdict.equals("breaking");
    }
  }

  /** Compares {@code oldSpec} (the earlier version) with {@code newSpec}. */
  public static Result compare(Path oldSpec, Path newSpec) {
    for (Path spec : new Path[] {oldSpec, newSpec}) {
      if (!Files.isRegularFile(spec)) {
        throw new IllegalArgumentException("No spec at " + spec);
      }
    }
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(oldSpec.toUri().toString(), newSpec.toUri().toString());
    DiffResult result = diff.isChanged();
    String verdict =
        result.isIncompatible() ? "breaking" : result.isUnchanged() ? "no changes" : "compatible";
    if (result.isUnchanged()) {
      return new Result(verdict, "");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return new Result(verdict, bytes.toString(StandardCharsets.UTF_8));
  }
}
