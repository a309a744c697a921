package dev.mamori.ledger.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs (the ledger's checkpoints, and those of other modules).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerScheduling {
}
