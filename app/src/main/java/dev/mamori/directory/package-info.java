/**
 * The organisation: departments in a tree with their 管理責任者, and the people (従業員等) with their
 * employment type and lifecycle (入社予定 → 在職 → 休職 → 退職予定 → 退職済), published as events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory (組織・従業員等)",
        allowedDependencies = {"platform", "platform::forms", "platform::tabular", "ledger"})
package dev.mamori.directory;
