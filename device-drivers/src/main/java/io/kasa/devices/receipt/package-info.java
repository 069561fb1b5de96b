/** Rendering pos-domain's receipt model for a printer profile, and as plain text for previews. */
package io.kasa.devices.receipt;
