/**
 * The information-asset register (情報資産台帳): what information the company holds, in which forms and
 * where, how it was obtained, which legal regimes apply, its lifecycle and its designation as a secret.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory (情報資産台帳)",
        allowedDependencies = {"platform", "platform::forms", "platform::tabular", "ledger", "directory", "policy"})
package dev.mamori.inventory;
