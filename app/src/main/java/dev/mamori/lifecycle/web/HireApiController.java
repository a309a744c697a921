package dev.mamori.lifecycle.web;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.lifecycle.HireView;
import dev.mamori.lifecycle.Hires;

/** Hires from competitors over the API. */
@RestController
@RequestMapping("/api/v1/lifecycle/hires")
class HireApiController {

    private final Hires hires;

    HireApiController(Hires hires) {
        this.hires = hires;
    }

    @GetMapping
    @PreAuthorize(Roles.HIRE_READERS)
    List<HireView> list() {
        return hires.list();
    }

    @PostMapping
    @PreAuthorize(Roles.HIRE_RECORDERS)
    ResponseEntity<HireView> create(@Valid @RequestBody Forms.HireForm form) {
        return ResponseEntity.status(201).body(hires.hire(hires.record(form.draft())));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.HIRE_READERS)
    HireView show(@PathVariable long id) {
        return hires.hire(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.HIRE_RECORDERS)
    HireView update(@PathVariable long id, @Valid @RequestBody Forms.HireForm form) {
        hires.update(id, form.draft(), form.version() == null ? -1 : form.version());
        return hires.hire(id);
    }

    @PostMapping("/{id}/checks")
    @PreAuthorize(Roles.HIRE_CHECKERS)
    HireView createCheck(@PathVariable long id, @Valid @RequestBody Forms.CheckForm form) {
        hires.confirmWork(id, form.checkedOn(), form.note());
        return hires.hire(id);
    }
}
