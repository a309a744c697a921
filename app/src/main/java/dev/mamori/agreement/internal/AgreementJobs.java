package dev.mamori.agreement.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day ({@code mamori.agreement.reminder-cron}, Japan time): pledges unsigned past their due date go to
 * HR, and people behind on a training are reminded.
 */
@Configuration
@EnableScheduling
class AgreementJobs {

    private static final Logger log = LoggerFactory.getLogger(AgreementJobs.class);

    private final PledgeService pledges;
    private final Training training;

    AgreementJobs(PledgeService pledges, Training training) {
        this.pledges = pledges;
        this.training = training;
    }

    @Scheduled(cron = "${mamori.agreement.reminder-cron:0 45 7 * * *}", zone = "Asia/Tokyo")
    void run() {
        int escalated = pledges.escalateOverdue();
        int reminded = training.remindOverdue();
        if (escalated + reminded > 0) {
            log.info("Escalated {} overdue pledges to HR, reminded {} people of trainings.", escalated, reminded);
        }
    }
}
