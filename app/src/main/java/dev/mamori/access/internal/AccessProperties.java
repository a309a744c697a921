package dev.mamori.access.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access module ({@code mamori.access.*}, or {@code MAMORI_ACCESS_REVIEW_INTERVAL} …).
 *
 * @param reviewInterval   how often each 管理責任者 reviews the grants of their entries. Default 6 months: the
 *                         handbook asks for access rights to be reviewed periodically and on changes
 *                         (異動・退職) without naming an interval; half a year is Mamori's own default.
 * @param fourEyes         whether a request on an entry at the highest level needs two distinct approvers
 *                         (default false)
 * @param leaveNotice      what a notice of leaving does to the person's grants: {@code END_HIGHEST_FLAG_OTHERS}
 *                         (default: grants on entries at the highest level end at once, others are flagged for
 *                         review), {@code FLAG_ALL}, or {@code END_ALL}
 * @param accessPeriod     how long a grant made by an approved ACCESS request lasts when the request names no
 *                         last day (default 90 days)
 * @param approvalValidity how long an approved request of another kind (持出し, copy, print, e-mail outside,
 *                         giving to a third party, disposal) lets the requester act when the request names no
 *                         last day (default 7 days: long enough to carry out one approved act, short enough that
 *                         it is not a standing permission — Mamori's own default; the handbook names none)
 * @param jobCron          when the daily job ends expired grants and escalates overdue reviews (default 07:15
 *                         Japan time); grants stop counting at their end even before the job runs
 */
@ConfigurationProperties("mamori.access")
public record AccessProperties(@DefaultValue("P6M") Period reviewInterval,
                               @DefaultValue("false") boolean fourEyes,
                               @DefaultValue("END_HIGHEST_FLAG_OTHERS") LeaveNotice leaveNotice,
                               @DefaultValue("P90D") Period accessPeriod,
                               @DefaultValue("P7D") Period approvalValidity,
                               @DefaultValue("0 15 7 * * *") String jobCron) {

    public enum LeaveNotice {
        END_HIGHEST_FLAG_OTHERS, FLAG_ALL, END_ALL
    }
}
