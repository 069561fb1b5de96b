/**
 * kasa-sim: simulated terminals, each with its own local store and outbox, selling against a
 * service for capacity planning and demos.
 */
package io.kasa.client.cli;
