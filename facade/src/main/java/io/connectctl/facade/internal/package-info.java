/**
 * Not API, and not exported by the facade's module: the implementation every vendor client shares,
 * written once. It holds the behaviour common to all clients ({@link BaseConnectorClient}), the
 * OkHttp stack (retries, authentication, secret redaction, proxies, TLS), running a generated call
 * and mapping failures to exceptions, and waiting for changes. Vendor facts never live here: each
 * vendor package hands its rules to this code. Classes are public only where a vendor package uses
 * them; everything else is package-private.
 */
package io.connectctl.facade.internal;
