package dev.mamori.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.mamori.directory.DepartmentView;

/**
 * The 管理責任者 of a department, as 社員番号 separated by commas or spaces (empty: none).
 */
public record ManagersForm(String managers) {

    static ManagersForm of(DepartmentView d) {
        return new ManagersForm(d.managers().stream().map(DepartmentView.PersonRef::employeeNumber)
                .collect(Collectors.joining(", ")));
    }

    List<String> employeeNumbers() {
        if (managers == null || managers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(managers.split("[,、，\\s\u3000]+")).filter(s -> !s.isBlank()).distinct().toList();
    }
}
