package io.connectctl.facade;

import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.List;

/**
 * The Kafka Connect clusters a target knows ({@link ConnectorClient#clusters()}), with their
 * versions and plugins. Vendors without them ({@link Capability#CLUSTERS}) throw {@link
 * UnsupportedCapabilityException} from every method before sending anything.
 */
public interface ConnectClusters {
  /** Every Connect cluster. */
  List<ConnectCluster> list();

  /**
   * One Connect cluster.
   *
   * @throws NotFoundException when there is no such cluster
   */
  ConnectCluster get(String name);

  /** Clusters for a vendor that has none: every method throws, sending nothing. */
  static ConnectClusters unsupported(Vendor vendor) {
    return new ConnectClusters() {
      @Override
      public List<ConnectCluster> list() {
        throw new UnsupportedCapabilityException(vendor, Capability.CLUSTERS);
      }

      @Override
      public ConnectCluster get(String name) {
        throw new UnsupportedCapabilityException(vendor, Capability.CLUSTERS);
      }

      @Override
      public String toString() {
        return "ConnectClusters[" + vendor + ": not supported]";
      }
    };
  }
}
