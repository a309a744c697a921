package dev.mamori.directory.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.directory.Directory;

/**
 * Departments over the API: read by any caller, changed by システム管理者 and 人事.
 */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "departments", description = "部署 / Departments")
class DepartmentApiController {

    private final Directory directory;

    DepartmentApiController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    @Operation(summary = "All departments as a flat list (with ?tree=true: nested, with headcounts)")
    List<DepartmentResponse> list(@RequestParam(defaultValue = "false") boolean includeAbolished) {
        return directory.listDepartments().stream().filter(d -> includeAbolished || d.active())
                .map(DepartmentResponse::of).toList();
    }

    @GetMapping(params = "tree=true")
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    @Operation(summary = "The department tree with headcounts")
    List<DepartmentTreeResponse> tree(@RequestParam(defaultValue = "false") boolean includeAbolished) {
        return directory.departmentTree(includeAbolished).stream().map(DepartmentTreeResponse::of).toList();
    }

    @PostMapping
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Create a department")
    ResponseEntity<DepartmentResponse> create(@Valid @RequestBody DepartmentRequest request) {
        long id = directory.createDepartment(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/departments/" + id)).body(show(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    @Operation(summary = "One department")
    DepartmentResponse show(@PathVariable long id) {
        return DepartmentResponse.of(directory.department(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Change a department's code, names or parent")
    DepartmentResponse update(@PathVariable long id, @Valid @RequestBody DepartmentRequest request) {
        directory.updateDepartment(id, request.toDraft());
        return show(id);
    }

    @PostMapping("/{id}/abolish")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Abolish a department (no members, no active sub-departments)")
    DepartmentResponse abolish(@PathVariable long id, @RequestBody(required = false) AbolishRequest request) {
        directory.abolishDepartment(id, request == null ? null : request.abolishedOn());
        return show(id);
    }

    @PutMapping("/{id}/managers")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Name the 管理責任者 of a department by person id or 社員番号")
    DepartmentResponse assignManagers(@PathVariable long id, @RequestBody ManagersRequest request) {
        if (request.employeeNumbers() != null && !request.employeeNumbers().isEmpty()) {
            directory.assignManagersByEmployeeNumber(id, request.employeeNumbers());
        } else {
            directory.assignManagers(id, request.personIds() == null ? List.of() : request.personIds());
        }
        return show(id);
    }
}
