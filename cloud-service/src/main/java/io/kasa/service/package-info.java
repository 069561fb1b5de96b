/**
 * The Kasa cloud service: the remote transaction-processing service the terminals talk to, on
 * PostgreSQL. Handlers are thin; services hold the rules; SQL stays in the services' data access.
 */
package io.kasa.service;
