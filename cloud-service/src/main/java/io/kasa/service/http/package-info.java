/** The HTTP layer: errors as RFC 9457 problem details, the route table, the application factory. */
package io.kasa.service.http;
