package io.connectctl.cli.output;

/**
 * Marks a command whose output names no connector, secret or context ({@code plugins}, {@code
 * loggers}, {@code local up} …): {@code -o name} is refused before the command runs, so a command
 * that changes something never does so only to fail at printing.
 */
public interface NamelessOutput {}
