/**
 * The leak-prevention measures (秘密情報漏えい対策): the handbook's catalog as versioned reference data, the
 * company's selection per route and classification level with owners, status and evidence, and its coverage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measure (情報漏えい対策)",
        allowedDependencies = {"platform", "platform::pdf", "ledger", "policy", "directory", "inventory"})
package dev.mamori.measure;
