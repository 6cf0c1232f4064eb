/**
 * Not API: the HTTP plumbing every vendor client shares (the OkHttp stack with retries,
 * authentication, secret redaction and proxy selection; running a generated call and mapping
 * failures to exceptions). Public only so the vendor packages can use it; it may change in any
 * release. Depends on the root package, never on {@code auth}.
 */
package io.connectctl.facade.http;
