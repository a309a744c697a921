package dev.mamori.platform.internal;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.DemoDataLoader;
import dev.mamori.platform.MamoriProperties;

/**
 * Loads the demo company once when {@code mamori.demo} is true and it has not been loaded before.
 */
@Component
@Order(10)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final MamoriProperties properties;
    private final List<DemoDataLoader> loaders;
    private final JdbcClient jdbc;
    private final DemoAccountCreator demoAccounts;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoDataRunner(MamoriProperties properties, List<DemoDataLoader> loaders, JdbcClient jdbc,
                   DemoAccountCreator demoAccounts, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.properties = properties;
        this.loaders = loaders;
        this.jdbc = jdbc;
        this.demoAccounts = demoAccounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        boolean loaded = jdbc.sql("select count(*) from platform.setting where key = 'demo.loaded'")
                .query(Long.class).single() > 0;
        if (loaded) {
            log.info("Demo company already loaded; nothing to do.");
            return;
        }
        long start = System.nanoTime();
        loaders.stream().sorted(Comparator.comparingInt(DemoDataLoader::order)).forEach(DemoDataLoader::load);
        jdbc.sql("insert into platform.setting (key, value) values ('demo.loaded', now()::text)").update();
        events.publishEvent(new dev.mamori.platform.DemoCompanyLoaded());
        log.info("Loaded the demo company in {} ms.", (System.nanoTime() - start) / 1_000_000);
        demoAccounts.reportCreated();
    }
}
