package dev.mamori.lifecycle.internal;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.mamori.lifecycle.LeaverStep;

/**
 * Settings of the lifecycle module ({@code mamori.lifecycle.*}, or {@code MAMORI_LIFECYCLE_…}).
 *
 * @param monitoringDaysBeforeNotice how many days before the notice of leaving the heightened-monitoring window
 *                                   starts. Default 90: the handbook (3-4(2)③q and 6-1(2)②) asks to look at a
 *                                   leaver's logs "also from before the notice" and "for a period before
 *                                   leaving" without naming a length; three months, one quarter, is Mamori's
 *                                   own choice.
 * @param monitoringDaysAfterLeaving how many days after leaving (the last working day, or the day they left) the
 *                                   window ends. Default 180: six months, the shortest post-employment period in
 *                                   the handbook's model clauses (参考資料2 第1 and 第3 3, 【六ヶ月間／一年間】);
 *                                   also the cut-off after which a past leaver gets no new checklist.
 * @param restrictDaysAfterNotice    the deadline of {@link LeaverStep#ACCESS_RESTRICTED} in days after the notice.
 *                                   Default 1: the handbook asks to restrict access "promptly" (速やかに) after
 *                                   the notice of a mid-career leaver.
 * @param deadlineDays               deadlines of the other steps in days relative to the last working day
 *                                   (negative: before it). Defaults: the list of secrets gone through 5 days
 *                                   before (so the pledge can name them), access ended, equipment returned,
 *                                   devices erased and pledges by the last day itself, accounts deleted 1 day
 *                                   after, the alumni contact within 30 days. Mamori's own defaults.
 * @param hireCheckInterval          how often the assigned work of a hire from a competitor is confirmed not to
 *                                   rely on the previous employer's secrets. Default 6 months (Mamori's own; the
 *                                   handbook says "定期的に").
 */
@ConfigurationProperties("mamori.lifecycle")
public record LifecycleProperties(@DefaultValue("90") int monitoringDaysBeforeNotice,
                                  @DefaultValue("180") int monitoringDaysAfterLeaving,
                                  @DefaultValue("1") int restrictDaysAfterNotice,
                                  Map<LeaverStep, Integer> deadlineDays,
                                  @DefaultValue("P6M") Period hireCheckInterval) {

    static final Map<LeaverStep, Integer> DEFAULT_DEADLINE_DAYS = Map.of(
            LeaverStep.SECRETS_REVIEWED, -5,
            LeaverStep.ACCESS_ENDED, 0,
            LeaverStep.ACCOUNTS_DELETED, 1,
            LeaverStep.EQUIPMENT_RETURNED, 0,
            LeaverStep.DEVICES_ERASED, 0,
            LeaverStep.LEAVING_PLEDGE, 0,
            LeaverStep.NON_COMPETE, 0,
            LeaverStep.ALUMNI_CONTACT, 30);

    public LifecycleProperties {
        deadlineDays = deadlineDays == null ? Map.of() : Map.copyOf(deadlineDays);
    }

    /** The deadline offset of a step relative to the last working day, or null for none. */
    public Integer deadlineDaysOf(LeaverStep step) {
        return deadlineDays.getOrDefault(step, DEFAULT_DEADLINE_DAYS.get(step));
    }
}
