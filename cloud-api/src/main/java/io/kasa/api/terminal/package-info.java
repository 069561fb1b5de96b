/** What an enrolled terminal needs to work on its own, and the audit events it reports. */
package io.kasa.api.terminal;
