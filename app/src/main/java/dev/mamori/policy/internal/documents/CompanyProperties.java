package dev.mamori.policy.internal.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company the generated regulations belong to ({@code mamori.company.name}, {@code MAMORI_COMPANY_NAME}).
 * Blank: the demo company's name when Mamori runs with the demo, otherwise 「当社」.
 */
@ConfigurationProperties("mamori.company")
public record CompanyProperties(String name) {

    /** The demo company of {@code ./mamori run --demo}. */
    static final String DEMO_COMPANY = "株式会社朝霧精工";

    String nameOr(boolean demo) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return demo ? DEMO_COMPANY : "当社";
    }
}
