/**
 * Back-office administration: organisations, stores, terminals, employees, catalogue, demo data.
 */
package io.kasa.service.admin;
