/**
 * The wire contract between the Kasa terminal and the Kasa cloud service: request and response
 * records (JSON), the RFC 9457 problem body, and the OpenAPI 3.1 document ({@link
 * io.kasa.api.OpenApi}). Amounts are integers in minor units of the sale's currency; quantities are
 * decimal strings with up to three decimals ("0.375").
 */
package io.kasa.api;
