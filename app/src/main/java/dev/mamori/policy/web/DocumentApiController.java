package dev.mamori.policy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.policy.internal.documents.DocLine;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;
import dev.mamori.policy.internal.documents.PublishRequest;
import dev.mamori.policy.internal.documents.VersionSummary;

/**
 * The generated regulations over the API: anyone signed in lists them and downloads published versions;
 * the 統括責任者 and the committee publish a new version.
 */
@RestController
@RequestMapping("/api/v1/policy/documents")
@Tag(name = "policy-documents", description = "規程・基準の文書 / Regulations and their versions")
class DocumentApiController {

    private final Documents documents;

    DocumentApiController(Documents documents) {
        this.documents = documents;
    }

    /** A kind with its newest version (null when never published). */
    record KindJson(String kind, String title, VersionJson latest) {
    }

    record VersionJson(String kind, int number, String title, String company, LocalDate effectiveOn,
                       Instant publishedAt, String publishedBy, boolean scopeAll, List<Long> departmentIds,
                       LocalDate dueOn, String textSha256, String docxSha256, String pdfSha256, String docx,
                       String pdf) {

        static VersionJson of(VersionSummary v) {
            String base = "/api/v1/policy/documents/" + v.slug() + "/versions/" + v.number();
            return new VersionJson(v.slug(), v.number(), v.title(), v.company(), v.effectiveOn(), v.publishedAt(),
                    v.publishedBy(), v.scopeAll(), v.departmentIds(), v.dueOn(), v.textSha256(), v.docxSha256(),
                    v.pdfSha256(), base + ".docx", base + ".pdf");
        }
    }

    /** A version with its text, line by line. */
    record VersionText(VersionJson version, List<DocLine> lines) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every kind of document with its newest published version")
    List<KindJson> list() {
        return documents.overview().stream().map(o -> new KindJson(o.kind().slug(), o.kind().titleJa(),
                o.latest() == null ? null : VersionJson.of(o.latest()))).toList();
    }

    @GetMapping("/{kind}/versions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Published versions of one kind, newest first")
    List<VersionJson> versions(@PathVariable String kind) {
        return documents.versions(DocumentKind.of(kind)).stream().map(VersionJson::of).toList();
    }

    @GetMapping("/{kind}/versions/{number}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One published version with its text")
    VersionText show(@PathVariable String kind, @PathVariable int number) {
        VersionSummary v = documents.version(DocumentKind.of(kind), number);
        return new VersionText(VersionJson.of(v), documents.lines(v));
    }

    @GetMapping(value = "/{kind}/versions/{number}.docx",
            produces = {DocumentFiles.DOCX, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The DOCX of a published version, as stored at publication")
    ResponseEntity<byte[]> docx(@PathVariable String kind, @PathVariable int number) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.docx(documents.docx(k, number), k.fileName(number, "docx"));
    }

    @GetMapping(value = "/{kind}/versions/{number}.pdf",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The PDF of a published version, as stored at publication")
    ResponseEntity<byte[]> pdf(@PathVariable String kind, @PathVariable int number) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.pdf(documents.pdf(k, number), k.fileName(number, "pdf"));
    }

    @PostMapping("/{kind}/publish")
    @PreAuthorize("hasAnyRole('CHIEF_OFFICER','COMMITTEE')")
    @Operation(summary = "Publish the document generated from the standard in force as the next version")
    ResponseEntity<VersionJson> create(@PathVariable String kind, @RequestBody(required = false) PublishRequest request) {
        VersionSummary v = documents.publish(DocumentKind.of(kind), request == null ? new PublishRequest(null, null) : request);
        return ResponseEntity.status(201).body(VersionJson.of(v));
    }
}
