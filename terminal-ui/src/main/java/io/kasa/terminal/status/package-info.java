/** The status bar: the service, the outbox, the printer, who is signed in. */
package io.kasa.terminal.status;
