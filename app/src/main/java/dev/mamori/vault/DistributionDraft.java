package dev.mamori.vault;

import java.time.LocalDate;
import java.util.List;

/** Numbered copies for a meeting (配布): what for, by when they come back, and to whom (one copy each, in order). */
public record DistributionDraft(String purpose, LocalDate dueOn, List<Long> recipientPersonIds) {
}
