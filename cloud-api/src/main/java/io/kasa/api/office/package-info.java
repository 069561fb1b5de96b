/** The back office's accounts: sign-in, sign-out and who-am-I for scripts (ADR 0040). */
package io.kasa.api.office;
