package dev.mamori.agreement;

import java.time.LocalDate;
import java.util.List;

/**
 * A pledge to ask of a person. {@code secrets} names the secret information concretely (for a leaving pledge:
 * what the person had and used); {@code projectKey}/{@code projectName} only for project pledges;
 * {@code nonCompete} only for leaving pledges (null: none); {@code dueOn} null: the configured period.
 */
public record PledgeDraft(long personId, PledgeKind kind, List<String> secrets, String projectKey, String projectName,
                          NonCompeteClause nonCompete, LocalDate leavingOn, LocalDate dueOn) {

    public PledgeDraft {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
