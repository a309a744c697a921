package dev.mamori.inventory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.internal.importing.ColumnMapping;
import dev.mamori.inventory.internal.importing.Finding;
import dev.mamori.inventory.internal.importing.ImportField;
import dev.mamori.inventory.internal.importing.ImportPreview;
import dev.mamori.inventory.internal.importing.RegisterImport;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Paged;

/**
 * The import wizard: upload a register, map its columns when Mamori does not know the layout, see every
 * row's errors and warnings, apply, see the result. {@code update} saves the column mapping.
 */
@Controller
@RequestMapping("/inventory/import")
class RegisterImportController {

    private static final int PAGE_SIZE = 50;
    private final RegisterImport imports;
    private final Inventory inventory;

    RegisterImportController(RegisterImport imports, Inventory inventory) {
        this.imports = imports;
        this.inventory = inventory;
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping
    String newForm(Model model) {
        model.addAttribute("departments", inventory.importableDepartments());
        return "inventory/import";
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PostMapping
    String create(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
                  @RequestParam(required = false) Long departmentId) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.onField("file", "inventory.import.fileRequired");
        }
        try {
            ImportPreview preview = imports.preview(file.getOriginalFilename(), file.getInputStream(), encoding,
                    departmentId, null);
            return "redirect:/inventory/import/" + preview.id() + (preview.needsMapping() ? "/mapping" : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        ImportPreview preview = imports.find(id);
        if (preview.needsMapping()) {
            return "redirect:/inventory/import/" + id + "/mapping";
        }
        model.addAttribute("preview", preview);
        model.addAttribute("findings", new FindingPage(imports.findings(id, null, page, PAGE_SIZE), page, PAGE_SIZE,
                preview.errorCount() + preview.warningCount()));
        return "inventory/import-preview";
    }

    /** One page of the findings table. */
    @HxRequest
    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping("/{id}")
    String findings(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        String view = show(id, page, model);
        return view.startsWith("redirect:") ? view : "inventory/import-preview :: findings";
    }

    /** The column mapping step. */
    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping("/{id}/mapping")
    String editForm(@PathVariable UUID id, Model model) {
        ImportPreview preview = imports.find(id);
        model.addAttribute("preview", preview);
        model.addAttribute("fields", ImportField.values());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", preview.suggestedMapping());
        }
        return "inventory/import-mapping";
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PostMapping("/{id}/mapping")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        ImportPreview preview = imports.find(id);
        List<ImportField> chosen = new ArrayList<>();
        for (int i = 0; i < preview.headers().size(); i++) {
            chosen.add(ImportField.parse(params.get("column" + i)).orElse(ImportField.IGNORE));
        }
        try {
            imports.map(id, ColumnMapping.of(chosen));
            return "redirect:/inventory/import/" + id;
        } catch (InvalidInputException ex) {
            model.addAttribute("chosen", chosen);
            model.addAttribute("mappingError", ex);
            return editForm(id, model);
        }
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PostMapping("/{id}/apply")
    String apply(@PathVariable UUID id) {
        imports.apply(id);
        return "redirect:/inventory/import/" + id + "/result";
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping("/{id}/result")
    String result(@PathVariable UUID id, Model model) {
        model.addAttribute("preview", imports.find(id));
        return "inventory/import-result";
    }

    /** A page of findings for the shared pager fragment. */
    record FindingPage(List<Finding> items, int page, int size, long total) implements Paged {
    }
}
