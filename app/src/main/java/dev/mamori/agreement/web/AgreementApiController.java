package dev.mamori.agreement.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;
import dev.mamori.agreement.PledgeStatus;
import dev.mamori.agreement.internal.GeneratedDocument;
import dev.mamori.agreement.internal.NonCompeteCheck;
import dev.mamori.agreement.internal.Pledge;
import dev.mamori.agreement.internal.PledgeService;
import dev.mamori.agreement.internal.RegisterRow;
import dev.mamori.agreement.internal.TemplateKind;
import dev.mamori.agreement.internal.TemplateVersion;
import dev.mamori.agreement.internal.Templates;

/** {@code /api/v1/agreements}: templates and their versions, documents, the pledge register, signing, the non-compete check. */
@RestController
@RequestMapping("/api/v1/agreements")
class AgreementApiController {

    private final Templates templates;
    private final PledgeService pledges;

    AgreementApiController(Templates templates, PledgeService pledges) {
        this.templates = templates;
        this.pledges = pledges;
    }

    record TemplateJson(String kind, String slug, boolean personal, int number, String sha256, Instant createdAt,
                        String createdBy, String note, List<String> variables, Map<String, List<String>> cautions,
                        String source) {
        static TemplateJson of(TemplateVersion v, boolean withSource) {
            return new TemplateJson(v.kind().name(), v.kind().slug(), v.kind().personal(), v.number(), v.sha256(),
                    v.createdAt(), v.createdBy(), v.note(),
                    v.kind().variables().stream().map(TemplateKind.Variable::name).toList(),
                    v.parsed().cautionsByVariable(), withSource ? v.source() : null);
        }
    }

    record VersionRequest(@NotBlank String source, String note) {
    }

    record DocumentJson(long id, String kind, int templateNumber, String title, String counterparty, String textSha256,
                        String docxSha256, String pdfSha256, Instant createdAt) {
        static DocumentJson of(GeneratedDocument d) {
            return new DocumentJson(d.id(), d.kind().name(), d.templateNumber(), d.title(), d.counterparty(),
                    d.textSha256(), d.docxSha256(), d.pdfSha256(), d.createdAt());
        }
    }

    record PledgeJson(long id, long personId, String kind, String title, int templateNumber, String state,
                      String projectName, Instant requestedAt, LocalDate dueOn, Instant signedAt, String method,
                      String scanSha256, Instant refusedAt, String refusalReason, boolean survivesLeaving,
                      LocalDate validUntil, String textSha256, String docxSha256, String pdfSha256) {
        static PledgeJson of(Pledge p, LocalDate today) {
            return new PledgeJson(p.id(), p.personId(), p.kind().name(), p.title(), p.templateNumber(),
                    p.state(today).name(), p.projectName(), p.requestedAt(), p.dueOn(), p.signedAt(), p.method(),
                    p.scanSha256(), p.refusedAt(), p.refusalReason(), p.survivesLeaving(), p.validUntil(),
                    p.textSha256(), p.docxSha256(), p.pdfSha256());
        }
    }

    record RegisterJson(long personId, String employeeNumber, String name, String status, boolean lastingObligation,
                        Map<PledgeKind, PledgeStatus> pledges) {
        static RegisterJson of(RegisterRow r) {
            return new RegisterJson(r.person().id(), r.person().employeeNumber(), r.person().name(),
                    r.person().status().name(), r.lasting(), r.statuses());
        }
    }

    record PledgeRequestJson(@NotBlank String employeeNumber, @NotNull PledgeKind kind, List<String> secrets,
                             String projectName, LocalDate leavingOn, Integer nonCompetePeriodMonths,
                             List<String> nonCompeteActivities, String nonCompeteCompensation, LocalDate dueOn) {
    }

    record RefusalJson(String reason) {
    }

    @GetMapping("/templates")
    @PreAuthorize("isAuthenticated()")
    List<TemplateJson> list() {
        return templates.overview().values().stream().map(v -> TemplateJson.of(v, false)).toList();
    }

    @GetMapping("/templates/{slug}")
    @PreAuthorize("isAuthenticated()")
    TemplateJson show(@PathVariable String slug) {
        return TemplateJson.of(templates.latest(TemplateKind.of(slug)), true);
    }

    @GetMapping("/templates/{slug}/versions")
    @PreAuthorize("isAuthenticated()")
    List<TemplateJson> versions(@PathVariable String slug) {
        return templates.versions(TemplateKind.of(slug)).stream().map(v -> TemplateJson.of(v, false)).toList();
    }

    @PostMapping("/templates/{slug}/versions")
    @PreAuthorize(AgreementAccess.EDIT_TEMPLATES)
    @ResponseStatus(HttpStatus.CREATED)
    TemplateJson update(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return TemplateJson.of(templates.publish(TemplateKind.of(slug), request.source(), request.note()), true);
    }

    @PostMapping("/templates/{slug}/documents")
    @PreAuthorize(AgreementAccess.GENERATE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentJson generate(@PathVariable String slug, @RequestBody Map<String, Object> values) {
        TemplateKind kind = TemplateKind.of(slug);
        Map<String, Object> typed = new LinkedHashMap<>(values);
        for (TemplateKind.Variable v : kind.own()) {
            if (v.type() == TemplateKind.Type.DATE && typed.get(v.name()) instanceof String s && !s.isBlank()) {
                typed.put(v.name(), LocalDate.parse(s));
            }
        }
        return DocumentJson.of(templates.generate(kind, typed));
    }

    @GetMapping
    @PreAuthorize(AgreementAccess.REGISTER)
    List<RegisterJson> register(@RequestParam(required = false) Long departmentId,
                                @RequestParam(required = false) PledgeState state,
                                @RequestParam(required = false, defaultValue = "false") boolean lasting) {
        return pledges.register(departmentId, state, lasting).stream().map(RegisterJson::of).toList();
    }

    @PostMapping
    @PreAuthorize(AgreementAccess.REQUEST)
    @ResponseStatus(HttpStatus.CREATED)
    PledgeJson create(@Valid @RequestBody PledgeRequestJson r) {
        long id = pledges.requestByForm(r.employeeNumber(), r.kind(), r.secrets() == null ? "" : String.join("\n", r.secrets()),
                r.projectName(), r.leavingOn(), r.nonCompetePeriodMonths(),
                r.nonCompeteActivities() == null ? null : String.join("\n", r.nonCompeteActivities()),
                r.nonCompeteCompensation(), r.dueOn());
        return PledgeJson.of(pledges.pledge(id), pledges.todayPublic());
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    List<PledgeJson> mine() {
        LocalDate today = pledges.todayPublic();
        return pledges.mine().stream().map(p -> PledgeJson.of(p, today)).toList();
    }

    @GetMapping("/people/{personId}")
    @PreAuthorize("isAuthenticated()")
    List<PledgeJson> ofPerson(@PathVariable long personId) {
        LocalDate today = pledges.todayPublic();
        return pledges.ofPerson(personId).stream().map(p -> PledgeJson.of(p, today)).toList();
    }

    @GetMapping("/pledges/{id}")
    @PreAuthorize("isAuthenticated()")
    PledgeJson pledge(@PathVariable long id) {
        return PledgeJson.of(pledges.pledge(id), pledges.todayPublic());
    }

    @PostMapping("/pledges/{id}/signature")
    @PreAuthorize("isAuthenticated()")
    PledgeJson sign(@PathVariable long id) {
        return PledgeJson.of(pledges.sign(id), pledges.todayPublic());
    }

    @PostMapping("/pledges/{id}/refusal")
    @PreAuthorize("isAuthenticated()")
    PledgeJson refuse(@PathVariable long id, @RequestBody(required = false) RefusalJson body) {
        return PledgeJson.of(pledges.refuse(id, body == null ? null : body.reason()), pledges.todayPublic());
    }

    @PostMapping("/non-compete/assessments")
    @PreAuthorize(AgreementAccess.NON_COMPETE)
    NonCompeteCheck.Assessment assess(@Valid @RequestBody NonCompeteForm form) {
        return NonCompeteCheck.assess(form.input());
    }
}
