/**
 * The vault (秘密文書庫): secret documents stored encrypted under an information entry, handed out only as the
 * access check allows, each copy marked and fingerprinted, numbered copies collected back, and crypto-shredded on disposal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vault (秘密文書)",
        allowedDependencies = {"platform", "platform::pdf", "platform::forms", "ledger", "directory", "inventory", "policy", "access"})
package dev.mamori.vault;
