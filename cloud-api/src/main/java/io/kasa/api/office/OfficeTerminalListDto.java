package io.kasa.api.office;

import java.util.List;

/**
 * The terminals of the stores the account may see, by store code and terminal code.
 *
 * @param terminals the terminals
 */
public record OfficeTerminalListDto(List<OfficeTerminalDto> terminals) {}
