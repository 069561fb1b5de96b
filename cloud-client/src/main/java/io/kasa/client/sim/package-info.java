/** A network that fails on purpose: the fault proxy kasa-sim and the tests put before a service. */
package io.kasa.client.sim;
