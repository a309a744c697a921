package dev.mamori.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.directory.Directory;

/**
 * A person's lifecycle over the API; each operation answers with the person as it now is.
 */
@RestController
@RequestMapping("/api/v1/people/{id}")
@Tag(name = "people")
class PersonLifecycleApiController {

    private final Directory directory;

    PersonLifecycleApiController(Directory directory) {
        this.directory = directory;
    }

    @PostMapping("/join")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "入社: a 入社予定 person joins on date")
    PersonResponse join(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.JOIN, request);
    }

    @PostMapping("/leave-of-absence")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "休職: a leave of absence starts on date")
    PersonResponse leaveOfAbsence(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.LEAVE_OF_ABSENCE, request);
    }

    @PostMapping("/return")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "復職: back from a leave of absence on date")
    PersonResponse returnFromLeave(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.RETURN, request);
    }

    @PostMapping("/leave-notice")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "退職の申出: noticeDate and lastWorkingDay (again to move the last working day)")
    PersonResponse leaveNotice(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.LEAVE_NOTICE, request);
    }

    @PostMapping("/leave-notice/withdraw")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "退職の撤回: the notice of leaving is withdrawn")
    PersonResponse withdrawLeaveNotice(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.WITHDRAW_NOTICE, request);
    }

    @PostMapping("/left")
    @PreAuthorize(DirectoryAccess.ADMIN)
    @Operation(summary = "退職: the person left on date")
    PersonResponse left(@PathVariable long id, @RequestBody(required = false) LifecycleRequest request) {
        return apply(id, LifecycleAction.LEFT, request);
    }

    private PersonResponse apply(long id, LifecycleAction action, LifecycleRequest request) {
        LifecycleRequest r = request == null ? LifecycleRequest.NONE : request;
        action.apply(directory, id, r.date(), r.noticeDate(), r.lastWorkingDay());
        return PersonResponse.of(directory.person(id));
    }
}
