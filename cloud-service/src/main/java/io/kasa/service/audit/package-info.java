/** The audit log of sensitive actions. */
package io.kasa.service.audit;
