/** Every word the register shows, in English and Ukrainian, switchable while it runs. */
package io.kasa.terminal.i18n;
