/**
 * Credentials (public API): static bearer tokens and API keys, OAuth2 client credentials, Yandex
 * IAM tokens from an OAuth token or a service-account key, and {@link
 * io.connectctl.facade.auth.EnvironmentCredentials}, which reads each vendor's variables. Token
 * calls go through the vendor client's HTTP stack (timeouts, retries, proxy).
 */
@NullMarked
package io.connectctl.facade.auth;

import org.jspecify.annotations.NullMarked;
