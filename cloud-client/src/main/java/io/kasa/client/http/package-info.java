/**
 * The terminal's HTTP client of the cloud API: one shared OkHttp client with authentication,
 * retries for safe and keyed requests, and logging that never carries secrets.
 */
package io.kasa.client.http;
