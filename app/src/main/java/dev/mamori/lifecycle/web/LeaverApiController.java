package dev.mamori.lifecycle.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.lifecycle.AlumniContact;
import dev.mamori.lifecycle.LeaverChecklist;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LeaverSummary;
import dev.mamori.lifecycle.LentItem;
import dev.mamori.lifecycle.LentItemDraft;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.MonitoringWindow;
import dev.mamori.lifecycle.Upload;

/** Leavers over the API: the dashboard, a checklist, confirming a step, lent items, monitoring windows. */
@RestController
@RequestMapping("/api/v1/lifecycle")
class LeaverApiController {

    private final Lifecycle lifecycle;

    LeaverApiController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/leavers")
    @PreAuthorize(Roles.LEAVER_READERS)
    List<LeaverSummary> list(@RequestParam(defaultValue = "false") boolean openOnly) {
        return lifecycle.leavers(openOnly);
    }

    @GetMapping("/leavers/{personId}")
    @PreAuthorize(Roles.LEAVER_READERS)
    LeaverChecklist show(@PathVariable long personId) {
        return lifecycle.checklist(personId);
    }

    @PostMapping("/leavers/{personId}/steps/{step}")
    @PreAuthorize(Roles.LEAVER_EDITORS)
    LeaverChecklist update(@PathVariable long personId, @PathVariable LeaverStep step,
                           @Valid @RequestBody Forms.StepForm form) {
        lifecycle.confirmStep(personId, step, form.status(), form.on(), form.note(), Upload.none());
        return lifecycle.checklist(personId);
    }

    @GetMapping("/leavers/{personId}/alumni-contact")
    @PreAuthorize(Roles.LEAVER_READERS)
    ResponseEntity<AlumniContact> showAlumniContact(@PathVariable long personId) {
        return ResponseEntity.of(lifecycle.alumniContact(personId));
    }

    @PostMapping("/leavers/{personId}/alumni-contact")
    @PreAuthorize(Roles.LEAVER_EDITORS)
    AlumniContact createAlumniContact(@PathVariable long personId, @Valid @RequestBody Forms.AlumniForm form) {
        lifecycle.recordAlumniContact(personId, form.consent(), form.address(), form.email(), form.on(), form.note());
        return lifecycle.alumniContact(personId).orElseThrow();
    }

    @GetMapping("/equipment")
    @PreAuthorize(Roles.LEAVER_READERS)
    List<LentItem> items(@RequestParam(defaultValue = "false") boolean outstandingOnly) {
        return lifecycle.lentItems(outstandingOnly);
    }

    @PostMapping("/equipment")
    @PreAuthorize(Roles.LENDERS)
    ResponseEntity<IdResponse> create(@Valid @RequestBody Forms.LendForm form) {
        long id = lifecycle.lend(new LentItemDraft(form.employeeNumber(), form.kind(), form.label(), form.serial(),
                form.lentOn()));
        return ResponseEntity.status(201).body(new IdResponse(id));
    }

    @PostMapping("/equipment/{id}/return")
    @PreAuthorize(Roles.LENDERS)
    ResponseEntity<Void> returnItem(@PathVariable long id, @Valid @RequestBody Forms.ReturnForm form) {
        lifecycle.returnItem(id, form.returnedOn(), form.note());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/monitoring-windows")
    @PreAuthorize("hasAnyRole('HR','IT_SECURITY','CHIEF_OFFICER','AUDITOR')")
    List<MonitoringWindow> windows(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return lifecycle.monitoringWindowsOn(on == null ? lifecycle.today() : on);
    }

    record IdResponse(long id) {
    }
}
