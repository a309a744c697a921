package dev.mamori.lifecycle;

import java.util.List;

import dev.mamori.platform.PersonAccounts;

/**
 * A leaver's whole checklist: the summary, the steps, the secrets held and accessed, the lent items and the
 * state of their Mamori account (null: no account).
 */
public record LeaverChecklist(LeaverSummary summary, List<StepView> steps, List<ExposedSecret> secrets,
                              List<LentItem> items, PersonAccounts.AccountState account, String alumniContact,
                              boolean editable) {
}
