package io.kasa.api.floor;

/**
 * The checks after a split.
 *
 * @param check the check split
 * @param created the new check, or null for an even split
 */
public record SplitResult(CheckDto check, CheckDto created) {}
