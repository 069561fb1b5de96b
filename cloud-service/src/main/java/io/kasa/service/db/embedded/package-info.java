/**
 * The embedded PostgreSQL: a real server from Maven Central's binaries in a data folder, durable,
 * password-protected and on loopback, owned by one process at a time and never outliving it for
 * long (ADR 0017).
 */
package io.kasa.service.db.embedded;
