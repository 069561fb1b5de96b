/** What enrolled terminals fetch to work on their own, and the audit events they report. */
package io.kasa.service.terminals;
