/** Command-line entry points; the only classes allowed to write to the console. */
package io.kasa.domain.cli;
