/**
 * The back office's accounts (ADR 0040): owners, managers and accountants of an organisation, their
 * passwords (PBKDF2), TOTP second factor (RFC 6238), sessions, password links, the sign-in lockout
 * per account and per address, every change audited with who made it.
 */
package io.kasa.service.accounts;
