package dev.mamori.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.directory.internal.importing.DirectoryImport;
import dev.mamori.directory.internal.importing.ImportKind;
import dev.mamori.directory.internal.importing.ImportPreview;
import dev.mamori.platform.InvalidInputException;

/**
 * The import wizard: choose kind and file, see the preview (summary, events, a paged table of
 * errors), apply, see the result. Exports are linked from the first page.
 * {@code update} applies a preview.
 */
@Controller
@RequestMapping("/directory/import")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','HR')")
class ImportController {

    private static final int PAGE_SIZE = 50;
    private final DirectoryImport imports;

    ImportController(DirectoryImport imports) {
        this.imports = imports;
    }

    @GetMapping
    String newForm(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        return "directory/import";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "people") String kind, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String encoding) {
        ImportKind importKind = ImportKind.parse(kind)
                .orElseThrow(() -> InvalidInputException.onField("kind", "directory.import.kindUnknown", kind));
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.onField("file", "directory.import.fileRequired");
        }
        try {
            ImportPreview preview = imports.preview(importKind, file.getOriginalFilename(), file.getInputStream(), encoding);
            return "redirect:/directory/import/" + preview.id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("preview", imports.find(id));
        model.addAttribute("errors", imports.errors(id, page, PAGE_SIZE));
        model.addAttribute("events", imports.events(id, 0, PAGE_SIZE));
        return "directory/import-preview";
    }

    @HxRequest
    @GetMapping("/{id}")
    String errors(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        show(id, page, model);
        return "directory/import-preview :: errors";
    }

    @PostMapping("/{id}/apply")
    String update(@PathVariable UUID id) {
        imports.apply(id);
        return "redirect:/directory/import/" + id + "/result";
    }

    @GetMapping("/{id}/result")
    String result(@PathVariable UUID id, Model model) {
        model.addAttribute("preview", imports.find(id));
        return "directory/import-result";
    }
}
