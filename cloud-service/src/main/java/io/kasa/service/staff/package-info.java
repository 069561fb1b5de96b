/**
 * The organisation's employees as the back office manages them (ADR 0044): who they are, their
 * role, the stores they work at, whether they may sign in, and their PINs — generated, shown once,
 * kept only as verifiers. Every change reaches the tills through their change feed (ADR 0028) and
 * is audited with the office account that made it.
 */
package io.kasa.service.staff;
