package dev.mamori.vault.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.vault.CopyView;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Identification;
import dev.mamori.vault.Vault;

/**
 * {@code /api/v1/vault/documents}: list by entry, read, upload (multipart), new versions, marked downloads,
 * the viewing record, disposal and its certificate; {@code /api/v1/vault/identify}.
 */
@RestController
@RequestMapping("/api/v1/vault")
class VaultApiController {

    private final Vault vault;

    VaultApiController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping("/documents")
    @PreAuthorize("isAuthenticated()")
    List<DocumentView> list(@RequestParam(required = false) Long assetId) {
        return assetId == null ? vault.visibleDocuments(200) : vault.documents(assetId);
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize("isAuthenticated()")
    DocumentView show(@PathVariable long id) {
        return vault.document(id);
    }

    @PostMapping(path = "/documents", consumes = "multipart/form-data")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<DocumentView> create(@RequestParam long assetId, @RequestParam String title, @RequestParam MultipartFile file) {
        return ResponseEntity.status(201).body(vault.create(assetId, title, Files.upload(file)));
    }

    @PostMapping(path = "/documents/{id}/versions", consumes = "multipart/form-data")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<DocumentView> update(@PathVariable long id, @RequestParam MultipartFile file) {
        return ResponseEntity.status(201).body(vault.addVersion(id, Files.upload(file)));
    }

    @GetMapping("/documents/{id}/download")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return Files.attachment(vault.download(id, version));
    }

    @GetMapping("/documents/{id}/records")
    @PreAuthorize("isAuthenticated()")
    List<CopyView> records(@PathVariable long id) {
        return vault.records(id);
    }

    record DisposalJson(String reason) {
    }

    @PostMapping("/documents/{id}/disposal")
    @PreAuthorize("isAuthenticated()")
    DocumentView delete(@PathVariable long id, @RequestBody DisposalJson body) {
        return vault.dispose(id, body.reason());
    }

    @GetMapping("/documents/{id}/certificate.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return Files.pdf(vault.certificate(id), "disposal-certificate-" + id + ".pdf");
    }

    /**
     * {@code fingerprint} and {@code copy}: the likely source (the most recently issued copy found);
     * {@code fingerprints}: every one found; {@code copies}: every copy found, most recently issued first.
     */
    record IdentificationJson(String format, String fingerprint, CopyView copy, List<String> fingerprints,
                              List<Identification.Match> copies) {
    }

    @PostMapping(path = "/identify", consumes = "multipart/form-data")
    @PreAuthorize(VaultIdentifyController.IDENTIFIERS)
    IdentificationJson identify(@RequestParam MultipartFile file) {
        Identification i = vault.identify(Files.upload(file).content());
        return new IdentificationJson(i.format(), i.fingerprint().orElse(null), i.copy().orElse(null), i.fingerprints(),
                i.matches());
    }
}
