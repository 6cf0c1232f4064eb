/**
 * Not API: waiting for changes (the polling loop, status-based pending changes) and other helpers
 * the vendor clients share. Public only so the vendor packages can use it; it may change in any
 * release.
 */
package io.connectctl.facade.internal;
