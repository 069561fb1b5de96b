/** The load benchmark of the cloud service; see docs/benchmarks.md. */
package io.kasa.service.bench;
