package dev.mamori.vault.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.mamori.vault.Vault;

/**
 * Once a day (cron {@code mamori.vault.reminder-cron}, Japan time) reminds the holders of numbered copies that
 * are due and escalates those past their deadline; which ones is decided by {@link Vault#remindOverdueCopies()}.
 */
@Configuration
@EnableScheduling
class CopyReminderJob {

    private static final Logger log = LoggerFactory.getLogger(CopyReminderJob.class);

    private final Vault vault;

    CopyReminderJob(Vault vault) {
        this.vault = vault;
    }

    @Scheduled(cron = "${mamori.vault.reminder-cron:0 15 7 * * *}", zone = "Asia/Tokyo")
    void run() {
        int n = vault.remindOverdueCopies().size();
        if (n > 0) {
            log.info("Escalated {} numbered copies not returned by their deadline.", n);
        }
    }
}
