/** Terminal enrollment and employee sessions. */
package io.kasa.api.auth;
