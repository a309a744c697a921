package dev.mamori.directory.web;

import java.net.URI;

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
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonQuery;
import dev.mamori.directory.PersonStatus;
import dev.mamori.platform.InvalidInputException;

/**
 * People over the API. Reads apply the caller's scope (a person outside it: 403; lists leave them
 * out); entering and changing people is for システム管理者 and 人事.
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "people", description = "従業員等 / People")
class PersonApiController {

    private final Directory directory;

    PersonApiController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    @Operation(summary = "Search people: q matches 社員番号 (prefix), 氏名 or ふりがな; departmentId includes sub-departments")
    PersonPageResponse list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
                            @RequestParam(required = false) PersonStatus status,
                            @RequestParam(required = false) EmploymentType employmentType,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PersonQuery query = new PersonQuery(q == null || q.isBlank() ? null : q.strip(), departmentId, status, employmentType);
        return PersonPageResponse.of(directory.searchPeople(query, page, size));
    }

    @PostMapping
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Enter a person (入社予定 when joinedOn is in the future, otherwise 在職)")
    ResponseEntity<PersonResponse> create(@Valid @RequestBody PersonRequest request) {
        long id = directory.registerPerson(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(show(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    @Operation(summary = "One person, if within the caller's scope")
    PersonResponse show(@PathVariable long id) {
        return PersonResponse.of(directory.person(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "Change a person's details and departments; 409 when the version is stale")
    PersonResponse update(@PathVariable long id, @Valid @RequestBody PersonRequest request) {
        if (request.version() == null) {
            throw InvalidInputException.onField("version", "directory.person.versionRequired");
        }
        directory.updatePerson(id, request.toDraft(), request.version());
        return show(id);
    }
}
