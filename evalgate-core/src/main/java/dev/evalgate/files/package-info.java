/**
 * Writing files so that a reader, or a process killed half-way, never leaves a half-written one behind: every
 * report, results, baseline and data file evalgate writes goes through {@link dev.evalgate.files.AtomicFile}.
 */
package dev.evalgate.files;
