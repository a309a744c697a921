package dev.mamori.vault;

import java.time.LocalDate;
import java.util.List;

/**
 * Numbered copies for a meeting (配布): what for, by when they come back, and to whom — people named by id
 * and/or by 社員番号 (employee number), one copy each, in that order.
 */
public record DistributionDraft(String purpose, LocalDate dueOn, List<Long> recipientPersonIds,
                                List<String> recipientEmployeeNumbers) {

    /** Recipients by person id only. */
    public DistributionDraft(String purpose, LocalDate dueOn, List<Long> recipientPersonIds) {
        this(purpose, dueOn, recipientPersonIds, List.of());
    }

    /** Recipients by 社員番号 only. */
    public static DistributionDraft byEmployeeNumbers(String purpose, LocalDate dueOn, List<String> employeeNumbers) {
        return new DistributionDraft(purpose, dueOn, List.of(), employeeNumbers);
    }
}
