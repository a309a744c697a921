/**
 * The people lifecycle around secrets: the leaver checklist (secrets held and accessed, access ended, lent
 * equipment returned, heightened monitoring, pledges, alumni contact) and the record of hires from competitors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle (入退社)",
        allowedDependencies = {"platform", "platform::tabular", "platform::forms", "ledger", "directory", "inventory"})
package dev.mamori.lifecycle;
