package dev.mamori.agreement.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of pledges and training ({@code mamori.agreement.*}, or {@code MAMORI_AGREEMENT_PLEDGE_DAYS} …).
 *
 * @param representative   how the company's representative is named in pledges (default 代表取締役)
 * @param regulationTitle  the title of the regulation pledges refer to (default 秘密情報管理規程, as policy
 *                         generates it)
 * @param pledgeDays       days a person has to sign a pledge asked of them; a joining pledge still unsigned
 *                         after these days is escalated to HR. Default 14: Mamori's choice (the handbook asks
 *                         for pledges at joining, 3-4 (1)④ b, without fixing a period)
 * @param trainingDays     days to complete an assigned training (default 30, Mamori's choice)
 * @param reminderCron     when escalations and training reminders run (default daily 07:45 Japan time)
 * @param reminderIntervalDays  a person still behind is reminded again after this many days (default 7)
 * @param leavingObligationYears the term of a leaving pledge (参考資料2 第3の3 第4条 leaves it to the company;
 *                         default 3, Mamori's choice); the register shows it as expired afterwards
 */
@ConfigurationProperties("mamori.agreement")
public record AgreementProperties(@DefaultValue("代表取締役") String representative,
                                  @DefaultValue("秘密情報管理規程") String regulationTitle,
                                  @DefaultValue("14") int pledgeDays,
                                  @DefaultValue("30") int trainingDays,
                                  @DefaultValue("0 45 7 * * *") String reminderCron,
                                  @DefaultValue("7") int reminderIntervalDays,
                                  @DefaultValue("3") int leavingObligationYears) {

    public AgreementProperties {
        pledgeDays = Math.max(1, pledgeDays);
        trainingDays = Math.max(1, trainingDays);
        reminderIntervalDays = Math.max(1, reminderIntervalDays);
        leavingObligationYears = Math.max(1, leavingObligationYears);
    }
}
