/** Ways of paying: cash, card and other tenders, and cash rounding. */
package io.kasa.domain.tender;
