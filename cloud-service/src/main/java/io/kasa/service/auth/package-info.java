/**
 * Terminal enrollment and credentials, employee PIN sign-in and sessions, roles. Secrets are stored
 * only as hashes; PINs with a slow salted hash; nothing secret is logged.
 */
package io.kasa.service.auth;
