package io.connectctl.facade;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one operation run over many members by {@link Fleet}: one entry per member, in the
 * order the members were given.
 *
 * @param members the per-member outcomes
 * @param <T> what the operation returns
 */
public record FleetResult<T>(List<Member<T>> members) {
  /** Copies. */
  public FleetResult {
    members = List.copyOf(members);
  }

  /** The entries that failed, in the members' order. */
  public List<Member<T>> failures() {
    return members.stream().filter(m -> m.error().isPresent()).toList();
  }

  /** Whether every member succeeded. */
  public boolean allSucceeded() {
    return failures().isEmpty();
  }

  /**
   * One member's outcome: {@code error} is present when the operation threw (the exception as
   * thrown: a {@link io.connectctl.facade.errors.ConnectCloudException} for an API failure, an
   * {@link InterruptedException} when the run was interrupted first); otherwise {@code value} holds
   * what the operation returned (empty if it returned null).
   *
   * @param name the member's name
   * @param value the result on success
   * @param error the failure
   * @param <T> what the operation returns
   */
  public record Member<T>(String name, Optional<T> value, Optional<Exception> error) {
    /** Validates. */
    public Member {
      Objects.requireNonNull(name, "name");
      value = Objects.requireNonNullElse(value, Optional.empty());
      error = Objects.requireNonNullElse(error, Optional.empty());
    }

    static <T> Member<T> failed(String name, Exception error) {
      return new Member<>(name, Optional.empty(), Optional.of(error));
    }
  }
}
