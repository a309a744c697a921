package dev.mamori.vault.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mamori.vault.Vault;
import dev.mamori.vault.ViewerOnlyException;
import dev.mamori.vault.Viewing;

/**
 * Viewing a document in the browser. The viewer ({@code /viewer}, also the htmx fragment {@code vault-viewer})
 * shows a PDF, PNG or JPEG — and a Word, Excel or PowerPoint file, converted to PDF once marked (a legacy one
 * converted to PDF, then marked) — as page images
 * of one marked copy, each image only to the person who opened it; other formats are not shown. {@code /view} hands the marked file itself to those who may download it, and
 * sends those who may only view to the viewer.
 */
@Controller
@RequestMapping("/vault/documents/{id}")
class VaultViewerController {

    private final Vault vault;

    VaultViewerController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping("/viewer")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        Viewing viewing = vault.openViewer(id, version);
        model.addAttribute("viewing", viewing);
        model.addAttribute("document", vault.document(id));
        return "vault/viewer";
    }

    @HxRequest
    @GetMapping("/viewer")
    @PreAuthorize("isAuthenticated()")
    String pages(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        show(id, version, model);
        return "vault/viewer :: viewer";
    }

    @GetMapping("/viewer/pages/{page}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable int page, @RequestParam long copy) {
        return Files.png(vault.viewerPage(id, copy, page), "page-" + page + ".png");
    }

    @GetMapping("/view")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> view(@PathVariable long id, @RequestParam(required = false) Integer version) {
        try {
            return Files.inline(vault.view(id, version));
        } catch (ViewerOnlyException e) {
            UriComponentsBuilder viewer = ServletUriComponentsBuilder.fromCurrentContextPath().path("/vault/documents/{id}/viewer");
            if (version != null) {
                viewer.queryParam("version", version);
            }
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(viewer.buildAndExpand(id).toUri()).build();
        }
    }
}
