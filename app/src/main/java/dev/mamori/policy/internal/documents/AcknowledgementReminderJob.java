package dev.mamori.policy.internal.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reminds people whose acknowledgement is overdue, and their managers, once a day (cron
 * {@code mamori.documents.reminder-cron}, Japan time). Who is due is decided by
 * {@link Acknowledgements#remindOverdue()}.
 */
@Configuration
@EnableScheduling
class AcknowledgementReminderJob {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementReminderJob.class);

    private final Acknowledgements acknowledgements;

    AcknowledgementReminderJob(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @Scheduled(cron = "${mamori.documents.reminder-cron:0 30 7 * * *}", zone = "Asia/Tokyo")
    void run() {
        ReminderRun run = acknowledgements.remindOverdue();
        if (!run.personIds().isEmpty()) {
            log.info("Reminded {} people of overdue acknowledgements ({} departments' managers).",
                    run.personIds().size(), run.departmentIds().size());
        }
    }
}
