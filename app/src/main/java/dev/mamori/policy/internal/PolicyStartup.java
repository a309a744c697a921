package dev.mamori.policy.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the default standard into an empty rule table at start-up, before the demo company is loaded
 * (order 10), whose regulations are generated from it.
 */
@Component
@org.springframework.core.annotation.Order(5)
class PolicyStartup implements ApplicationRunner {

    private final PolicyService service;

    PolicyStartup(PolicyService service) {
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        service.seedDefaults();
    }
}
