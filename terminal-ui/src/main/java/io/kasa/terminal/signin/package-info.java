/** Signing in at the register: pick your name, key your PIN — online or not. */
package io.kasa.terminal.signin;
