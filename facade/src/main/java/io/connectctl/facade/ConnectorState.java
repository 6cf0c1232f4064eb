package io.connectctl.facade;

/**
 * One normalized state for connectors and tasks across vendors. The vendor's own value is always
 * kept beside it ({@link ConnectorStatus#vendorState()}); see the README for the mapping table.
 */
public enum ConnectorState {
  /** Running and healthy. */
  RUNNING,
  /** Paused by a user. */
  PAUSED,
  /** Stopped: config kept, tasks released. */
  STOPPED,
  /** Failed; the trace says why. */
  FAILED,
  /** Running with some tasks failed, or otherwise unhealthy but alive. */
  DEGRADED,
  /** Being created or provisioned. */
  PROVISIONING,
  /** Restarting. */
  RESTARTING,
  /** Not assigned to a worker yet. */
  UNASSIGNED,
  /** Deleted, or being deleted. */
  DELETED,
  /** The vendor sent a state connectctl does not know, or none. */
  UNKNOWN
}
