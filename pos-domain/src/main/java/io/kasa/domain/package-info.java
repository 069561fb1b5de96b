/**
 * The Kasa sale engine: the one place where money is computed.
 *
 * <p>The terminal uses it to show totals instantly and to sell offline; the cloud service uses the
 * same code to recompute and verify every sale. Same code, same cents. The module is pure Java 17
 * with no runtime dependency outside the JDK and no floating-point types anywhere.
 */
package io.kasa.domain;
