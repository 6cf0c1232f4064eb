/**
 * One {@link io.connectctl.cli.vendors.VendorDescription} per vendor: everything the CLI knows
 * about it, its context keys ({@link io.connectctl.cli.vendors.ContextKey}) and the target flags
 * made from them included. Adding a vendor to the CLI is one new description listed in {@link
 * io.connectctl.cli.vendors.VendorDescriptions}.
 */
package io.connectctl.cli.vendors;
