package io.kasa.api.office;

/**
 * An applied import.
 *
 * @param imported how many items it put
 */
public record OfficeCatalogueImportResult(int imported) {}
