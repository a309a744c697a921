package dev.mamori.policy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.internal.documents.Acknowledgements;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;
import dev.mamori.policy.internal.documents.PersonAcknowledgement;
import dev.mamori.policy.internal.documents.Progress;

/**
 * Acknowledgements over the API: everyone signed in lists and makes their own; progress by department for
 * the 統括責任者, the committee, HR and (own departments) managers.
 */
@RestController
@RequestMapping("/api/v1/policy/acknowledgements")
@Tag(name = "policy-acknowledgements", description = "規程の確認 / Acknowledgements")
class AcknowledgementApiController {

    private final Acknowledgements acknowledgements;
    private final Documents documents;

    AcknowledgementApiController(Acknowledgements acknowledgements, Documents documents) {
        this.acknowledgements = acknowledgements;
        this.documents = documents;
    }

    /** Which version to acknowledge. */
    record AcknowledgeRequest(String kind, Integer number) {
    }

    record AcknowledgementJson(String kind, int number, String title, LocalDate dueOn, Instant acknowledgedAt,
                               boolean superseded, boolean pending) {

        static AcknowledgementJson of(PersonAcknowledgement a) {
            return new AcknowledgementJson(a.kind().slug(), a.number(), a.title(), a.dueOn(), a.acknowledgedAt(),
                    a.superseded(), a.pending());
        }
    }

    record PendingJson(String employeeNumber, String name, LocalDate dueOn) {
    }

    record DepartmentJson(Long departmentId, String name, int total, int acknowledged, int pending, int superseded,
                          int percent, List<PendingJson> pendingPeople) {
    }

    record ProgressJson(String kind, int number, int total, int acknowledged, int pending, int superseded, int percent,
                        List<DepartmentJson> departments) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's own acknowledgements, newest publications first")
    List<AcknowledgementJson> list() {
        return acknowledgements.mine().stream().map(AcknowledgementJson::of).toList();
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Acknowledge a version one has read (recorded in the ledger with its SHA-256)")
    ResponseEntity<AcknowledgementJson> create(@RequestBody AcknowledgeRequest request) {
        if (request == null || request.kind() == null || request.number() == null) {
            throw new InvalidInputException("policy.acknowledgement.incomplete");
        }
        return ResponseEntity.status(201).body(AcknowledgementJson.of(
                acknowledgements.acknowledge(DocumentKind.of(request.kind()), request.number())));
    }

    @GetMapping("/progress")
    @PreAuthorize(AcknowledgementController.FOLLOWERS)
    @Operation(summary = "Progress of a version by department (the newest version when no number is given)")
    ProgressJson progress(@RequestParam(defaultValue = "regulation") String kind,
                          @RequestParam(required = false) Integer number) {
        DocumentKind k = DocumentKind.of(kind);
        int n = number != null ? number : documents.versions(k).stream().findFirst()
                .orElseThrow(() -> new dev.mamori.platform.NotFoundException("policy.document.versionNotFound",
                        (Object) k.titleJa(), 1)).number();
        Progress p = acknowledgements.progress(k, n);
        var locale = LocaleContextHolder.getLocale();
        return new ProgressJson(k.slug(), n, p.total(), p.acknowledged(), p.pending(), p.superseded(), p.percent(),
                p.departments().stream().map(d -> new DepartmentJson(d.departmentId(), d.name(locale), d.total(),
                        d.acknowledged(), d.pending(), d.superseded(), d.percent(), d.pendingPeople().stream()
                        .map(a -> new PendingJson(a.employeeNumber(), a.personName(), a.dueOn())).toList())).toList());
    }
}
