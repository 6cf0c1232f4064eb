package io.connectctl.facade;

import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.Map;

/**
 * The secrets a Connect cluster resolves into connector configs at run time ({@link
 * ConnectorClient#secrets()}). Values are write-only: they are sent on create and update and never
 * come back, and no method's result, {@code toString()}, log line or exception message contains
 * them.
 *
 * <p>Vendors without secrets ({@link Capability#SECRETS}) throw {@link
 * UnsupportedCapabilityException} from every method before sending anything.
 */
public interface ConnectorSecrets {
  /** The secrets {@code filter} selects, fetched lazily page by page as the iteration proceeds. */
  PagedIterable<ConnectorSecret> list(SecretFilter filter);

  /** Every secret, fetched lazily. */
  default PagedIterable<ConnectorSecret> list() {
    return list(SecretFilter.ALL);
  }

  /**
   * One secret's name, labels and scopes (never its values).
   *
   * @throws NotFoundException when there is no such secret
   */
  ConnectorSecret get(String name);

  /**
   * Stores a new secret.
   *
   * @param name its name (what configs reference)
   * @param values its keys and values
   * @param labels labels to attach (may be empty)
   * @return the stored secret's metadata
   * @throws ConflictException when a secret of that name exists
   * @throws InvalidRequestException before sending, for a bad name or label
   */
  ConnectorSecret create(String name, SecretValues values, Map<String, String> labels);

  /**
   * Replaces a secret's values and labels (the whole set: keys not in {@code values} are gone
   * afterwards). Connectors read the new values when they next start.
   *
   * @throws NotFoundException when there is no such secret
   */
  ConnectorSecret update(String name, SecretValues values, Map<String, String> labels);

  /**
   * Deletes a secret. Connectors that still reference it fail when they next start.
   *
   * @throws NotFoundException when there is no such secret
   */
  void delete(String name);

  /** Secrets for a vendor that has none: every method throws, sending nothing. */
  static ConnectorSecrets unsupported(Vendor vendor) {
    return new ConnectorSecrets() {
      @Override
      public PagedIterable<ConnectorSecret> list(SecretFilter filter) {
        throw new UnsupportedCapabilityException(vendor, Capability.SECRETS);
      }

      @Override
      public ConnectorSecret get(String name) {
        throw new UnsupportedCapabilityException(vendor, Capability.SECRETS);
      }

      @Override
      public ConnectorSecret create(String name, SecretValues values, Map<String, String> labels) {
        throw new UnsupportedCapabilityException(vendor, Capability.SECRETS);
      }

      @Override
      public ConnectorSecret update(String name, SecretValues values, Map<String, String> labels) {
        throw new UnsupportedCapabilityException(vendor, Capability.SECRETS);
      }

      @Override
      public void delete(String name) {
        throw new UnsupportedCapabilityException(vendor, Capability.SECRETS);
      }

      @Override
      public String toString() {
        return "ConnectorSecrets[" + vendor + ": not supported]";
      }
    };
  }
}
