/** First run: the service's address, the enrollment code, a connection test, the devices. */
package io.kasa.terminal.enroll;
