/**
 * Moving connectors: offset snapshots ({@link io.connectctl.facade.move.OffsetSnapshot}, read from
 * one client and restored into another by {@link io.connectctl.facade.move.OffsetRestore}) and
 * migrations between two clients ({@link io.connectctl.facade.move.Migration}: a plan first, then
 * idempotent steps recorded in a {@link io.connectctl.facade.move.MigrationJournal}).
 */
@NullMarked
package io.connectctl.facade.move;

import org.jspecify.annotations.NullMarked;
