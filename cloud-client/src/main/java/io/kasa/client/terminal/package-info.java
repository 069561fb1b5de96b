/**
 * The terminal as the register sees it: enrollment, configuration, sign-in online or against cached
 * verifiers, sales and shift events journalled before anything is confirmed, and the offline rules
 * for cards and for closing a shift.
 */
package io.kasa.client.terminal;
