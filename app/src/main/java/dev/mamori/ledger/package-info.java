/**
 * The audit trail: an append-only record of every security-relevant state change in Mamori,
 * written in the same transaction as the change, and searchable by auditors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger (監査証跡)", allowedDependencies = {})
package dev.mamori.ledger;
