package io.connectctl.facade.internal;

import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Internal: {@link io.connectctl.facade.ConnectorClient#getConnectors}, one read per name or, for a
 * vendor whose listing carries the definitions in one request, one listing.
 */
public final class ListedDefinitions {
  /** From how many names on a listing is read instead of the names one by one. */
  public static final int LISTING_FROM = 10;

  /** How many names are read at once when they are read one by one. */
  public static final int CONCURRENCY = 8;

  private ListedDefinitions() {}

  /** Each name read on its own, {@link #CONCURRENCY} at a time. */
  public static BulkResult<Connector> oneByOne(
      Collection<String> names, Function<String, Connector> read) {
    return Bulk.apply(names, CONCURRENCY, read);
  }

  /**
   * Fewer than {@link #LISTING_FROM} names one by one, else the definitions of {@code listing} (a
   * listing's connector is its definition): a name it lacks fails with {@link NotFoundException},
   * and a listing that fails fails every name.
   *
   * @param where the server, for the messages (" at URL", or empty)
   */
  public static BulkResult<Connector> fromListing(
      Collection<String> names,
      Function<String, Connector> read,
      Supplier<List<ConnectorListing>> listing,
      Vendor vendor,
      String where) {
    if (names.size() < LISTING_FROM) {
      return oneByOne(names, read);
    }
    Map<String, Connector> byName = new HashMap<>();
    ConnectCloudException failed = null;
    try {
      for (ConnectorListing listed : listing.get()) {
        byName.put(listed.name(), listed.connector());
      }
    } catch (ConnectCloudException e) {
      failed = e;
    }
    List<BulkResult.Item<Connector>> items = new ArrayList<>(names.size());
    for (String name : names) {
      Connector found = byName.get(name);
      ConnectCloudException error =
          failed != null
              ? failed
              : found == null
                  ? new NotFoundException(
                      vendor + ": connector '" + name + "' not found" + where,
                      ErrorContext.of(vendor),
                      null)
                  : null;
      items.add(
          new BulkResult.Item<>(name, Optional.ofNullable(found), Optional.ofNullable(error)));
    }
    return new BulkResult<>(items);
  }
}
