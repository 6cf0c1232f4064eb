/**
 * Not API: {@link io.connectctl.facade.base.BaseConnectorClient}, the behaviour every vendor client
 * shares, written once. Users program against {@link io.connectctl.facade.ConnectorClient}; this
 * class may change in any release.
 */
package io.connectctl.facade.base;
