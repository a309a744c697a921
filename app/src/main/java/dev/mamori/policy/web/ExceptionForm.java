package dev.mamori.policy.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;

/** A 管理責任者's exception request. Empty choices leave that part of the rule as it is. */
record ExceptionForm(@NotBlank(message = "{policy.exception.ruleRequired}") String levelCode,
                     @NotNull(message = "{policy.exception.ruleRequired}") Aspect aspect,
                     @NotNull(message = "{policy.exception.ruleRequired}") Medium medium,
                     @NotNull(message = "{policy.exception.departmentRequired}") Long departmentId,
                     Permitted permitted, Approver approval, Boolean prohibited, Set<Obligation> waivedObligations,
                     @NotBlank(message = "{policy.exception.reasonRequired}")
                     @Size(max = 2000, message = "{policy.exception.reasonTooLong}") String reason,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

    static final Set<String> FIELDS = Set.of("levelCode", "aspect", "medium", "departmentId", "permitted", "approval",
            "prohibited", "waivedObligations", "reason", "endsOn");

    static ExceptionForm forRule(String levelCode, Aspect aspect, Medium medium, Long departmentId) {
        return new ExceptionForm(levelCode, aspect, medium, departmentId, null, null, null, Set.of(), null, null);
    }

    ExceptionDraft toDraft() {
        return new ExceptionDraft(levelCode, aspect, medium, departmentId, permitted, approval, prohibited,
                waivedObligations, reason, endsOn);
    }
}
