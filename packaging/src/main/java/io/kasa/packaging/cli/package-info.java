/** {@code kasa-demo}: the register with an embedded service and simulated devices. */
package io.kasa.packaging.cli;
