package dev.mamori.inventory.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.inventory.Stage;

/**
 * The small forms on an entry's page: stage, 不要情報, disposal, designation and declassification.
 */
final class ActionForms {

    private ActionForms() {
    }

    record StageForm(Stage stage) {
    }

    record ReasonForm(String reason) {
    }

    record DisposalForm(String method, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                        String byEmployeeNumber, String witnessEmployeeNumber) {
    }

    /** Access holders by 社員番号 (comma or space separated), departments, roles and project groups. */
    record DesignationForm(String levelId, String holderEmployeeNumbers, List<Long> holderDepartmentIds,
                           List<String> holderRoles, List<Long> holderGroupIds,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate secretUntil,
                           String secretUntilEvent, String marking, String reason) {
    }
}
