/**
 * The back office on the web (ADR 0039): server-rendered pages from JTE templates compiled at build
 * time, htmx for partial updates, every asset served from the jar under a versioned path, a strict
 * Content Security Policy, words in Ukrainian and English. Pages call the services; no service
 * knows of pages.
 */
package io.kasa.service.office;
