package dev.mamori.agreement.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Stores Mamori's own wording as version 1 of every template that has none (before the demo company loads). */
@Component
@Order(5)
class AgreementStartup implements ApplicationRunner {

    private final Templates templates;

    AgreementStartup(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        templates.seedDefaults();
    }
}
