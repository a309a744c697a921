package dev.mamori.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.mamori.inventory.Inventory;

/**
 * Reminds the managers of unanswered declarations once a day (cron {@code mamori.inventory.reminder-cron},
 * Japan time). Which declarations are due is decided by {@link Inventory#remindUnansweredDeclarations()}.
 */
@Configuration
@EnableScheduling
class DeclarationReminderJob {

    private static final Logger log = LoggerFactory.getLogger(DeclarationReminderJob.class);

    private final Inventory inventory;

    DeclarationReminderJob(Inventory inventory) {
        this.inventory = inventory;
    }

    @Scheduled(cron = "${mamori.inventory.reminder-cron:0 0 7 * * *}", zone = "Asia/Tokyo")
    void run() {
        int n = inventory.remindUnansweredDeclarations().size();
        if (n > 0) {
            log.info("Reminded the managers of {} unanswered declarations.", n);
        }
    }
}
