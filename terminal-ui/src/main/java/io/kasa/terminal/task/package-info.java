/**
 * Where work runs: disk, network and devices off the UI thread, results back on it. Tests run
 * everything on the calling thread.
 */
package io.kasa.terminal.task;
