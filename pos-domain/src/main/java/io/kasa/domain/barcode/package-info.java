/**
 * Turning what a scanner sends into something the catalogue understands: GTINs with check digits,
 * price- and weight-embedded in-store labels, GS1-128 element strings, AIM symbology prefixes. Bad
 * input yields a typed {@link io.kasa.domain.barcode.ScanResult.Rejected}, never an exception.
 */
package io.kasa.domain.barcode;
