/** The register's launcher: {@code kasa-register}, and the demo's parts it shares. */
package io.kasa.terminal.cli;
