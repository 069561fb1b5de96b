/** Benchmarks of the device layer; see docs/benchmarks.md for how to run them and the results. */
package io.kasa.devices.bench;
