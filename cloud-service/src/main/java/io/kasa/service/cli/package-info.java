/** The {@code kasa-cloud} executable: serve, and admin commands against the same database. */
package io.kasa.service.cli;
