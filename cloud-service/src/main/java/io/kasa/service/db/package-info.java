/** PostgreSQL: embedded for the demo and tests, any server by JDBC URL in production. */
package io.kasa.service.db;
