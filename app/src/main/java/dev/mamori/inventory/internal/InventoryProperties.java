package dev.mamori.inventory.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the register ({@code mamori.inventory.*}, or {@code MAMORI_INVENTORY_REVIEW_INTERVAL} …).
 *
 * @param reviewInterval how long after registration or an evaluation the entry is due for review again.
 *                       Default 12 months: the handbook asks for a periodic review of the information held
 *                       and its evaluation but names no interval; a yearly review matching the business
 *                       year is Mamori's own default.
 */
@ConfigurationProperties("mamori.inventory")
public record InventoryProperties(@DefaultValue("P12M") Period reviewInterval) {
}
