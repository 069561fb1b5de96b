/**
 * A printed receipt as a PDF, shared by the register (a copy beside each receipt it prints) and the
 * service (the customer's receipt at {@code /r/{token}.pdf}, ADR 0041). Depends on pos-domain only,
 * with PDFBox and ZXing.
 */
package io.kasa.print;
