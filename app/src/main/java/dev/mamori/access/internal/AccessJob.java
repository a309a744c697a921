package dev.mamori.access.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.mamori.access.Access;

/**
 * Once a day (cron {@code mamori.access.job-cron}, Japan time) records the grants that have expired and
 * escalates overdue reviews to the 統括責任者.
 */
@Configuration
@EnableScheduling
class AccessJob {

    private static final Logger log = LoggerFactory.getLogger(AccessJob.class);

    private final Access access;

    AccessJob(Access access) {
        this.access = access;
    }

    @Scheduled(cron = "${mamori.access.job-cron:0 15 7 * * *}", zone = "Asia/Tokyo")
    void run() {
        int expired = access.expireGrants();
        List<Long> escalated = access.escalateOverdueReviews();
        if (expired > 0 || !escalated.isEmpty()) {
            log.info("Access: {} grants expired, {} reviews escalated.", expired, escalated.size());
        }
    }
}
