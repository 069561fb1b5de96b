package io.kasa.api.floor;

import io.kasa.api.kitchen.KitchenTicketDto;
import java.util.List;

/**
 * What a send did.
 *
 * @param check the check after it, its sent lines marked
 * @param tickets one ticket per station that received lines, in station order (empty when nothing
 *     was left to send)
 */
public record SendResult(CheckDto check, List<KitchenTicketDto> tickets) {}
