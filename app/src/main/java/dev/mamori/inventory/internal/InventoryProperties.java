package dev.mamori.inventory.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the register ({@code mamori.inventory.*}, or {@code MAMORI_INVENTORY_REVIEW_INTERVAL} …).
 *
 * @param reviewInterval          how long after registration or an evaluation the entry is due for review
 *                                again. Default 12 months: the handbook asks for periodic review of the
 *                                information held and its evaluation but names no interval; a yearly review
 *                                matching the business year is Mamori's own default.
 * @param declarationReminderDays after how many days an unanswered declaration (申告) is reminded to the
 *                                department's managers, and again every as many days. Default 7: 規程 第9条
 *                                asks employees to declare 遅滞なく; a week is Mamori's default for the answer.
 * @param reminderCron            when the reminder job runs (default daily at 07:00 Japan time)
 */
@ConfigurationProperties("mamori.inventory")
public record InventoryProperties(@DefaultValue("P12M") Period reviewInterval,
                                  @DefaultValue("7") int declarationReminderDays,
                                  @DefaultValue("0 0 7 * * *") String reminderCron) {
}
