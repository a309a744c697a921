package dev.mamori.directory.web;

import java.util.List;

/**
 * The 管理責任者 of a department, by person id or by 社員番号 (give one of the two; empty lists
 * remove every manager).
 */
public record ManagersRequest(List<Long> personIds, List<String> employeeNumbers) {
}
