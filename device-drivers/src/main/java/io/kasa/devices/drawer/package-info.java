/**
 * The cash drawer: kicked through the printer's drawer port or a standalone serial drawer, its
 * switch read with {@code DLE EOT 1} (polarity configurable), with events when it opens, closes or
 * stays open too long.
 */
package io.kasa.devices.drawer;
