package io.kasa.service.office;

import io.kasa.service.admin.StoreOffice;
import io.kasa.service.audit.AuditJournal;
import io.kasa.service.catalog.CatalogOffice;
import io.kasa.service.catalog.QuickKeysOffice;
import io.kasa.service.floor.KitchenScreen;
import io.kasa.service.sales.SalesJournal;
import io.kasa.service.sales.TodayFigures;
import io.kasa.service.shifts.ShiftJournal;
import io.kasa.service.staff.Staff;
import io.kasa.service.stock.StockOffice;
import io.kasa.service.terminals.TerminalDirectory;

/**
 * The back office's screens' reads and changes, built once by the service's wiring and handed both
 * to the pages ({@link Office}) and to the documented {@code /v1/office} routes, so a script and a
 * page act through the same instances (ADR 0039).
 *
 * @param today the Today screen's figures (ADR 0042)
 * @param sales the sales journal (ADR 0047)
 * @param catalogue the catalogue's reads and changes (ADR 0046)
 * @param staff the employees as the office manages them (ADR 0044)
 * @param terminals the terminals' directory (ADR 0045)
 * @param shifts the shifts with their figures (ADR 0049)
 * @param audit the audit log (ADR 0048)
 * @param stock the stores' stock as the office reads and adjusts it (ADR 0050)
 * @param stores the stores' settings (ADR 0051)
 * @param quickKeys the register's quick-key layouts (ADR 0052)
 * @param kitchen the kitchen screen's tickets, bumps and stream (ADR 0055)
 */
public record OfficeServices(
    TodayFigures today,
    SalesJournal sales,
    CatalogOffice catalogue,
    Staff staff,
    TerminalDirectory terminals,
    ShiftJournal shifts,
    AuditJournal audit,
    StockOffice stock,
    StoreOffice stores,
    QuickKeysOffice quickKeys,
    KitchenScreen kitchen) {}
