package dev.mamori.inventory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;

/**
 * Fills the models of the register's pages and turns form input (社員番号) into drafts, through the
 * inventory and directory facades.
 */
@Component
class AssetPageModel {

    private final Inventory inventory;
    private final Directory directory;

    AssetPageModel(Inventory inventory, Directory directory) {
        this.inventory = inventory;
        this.directory = directory;
    }

    void choices(Model model) {
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("subKinds", AssetSubKind.values());
        model.addAttribute("forms", AssetForm.values());
        model.addAttribute("origins", Origin.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("levels", inventory.levels());
        model.addAttribute("regimes", List.of("TRADE_SECRET", "LIMITED_DATA", "PERSONAL", "EXPORT", "CONTRACT"));
        model.addAttribute("departmentNames", directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::nameJa)));
    }

    java.util.List<DepartmentView> visibleDepartments() {
        return directory.listDepartments().stream().filter(DepartmentView::active).toList();
    }

    String formPage(Model model, Long id, AssetEntryForm form, String fragment) {
        choices(model);
        model.addAttribute("departments", inventory.registrableDepartments());
        model.addAttribute("asset", id == null ? null : inventory.asset(id));
        model.addAttribute("formAction", id == null ? "/inventory/assets" : "/inventory/assets/" + id);
        if (!model.containsAttribute("assetEntryForm")) {
            model.addAttribute("assetEntryForm", form);
        }
        AssetEntryForm current = (AssetEntryForm) model.getAttribute("assetEntryForm");
        model.addAttribute("nameWarning", current == null ? null : inventory.nameWarning(current.name()).orElse(null));
        return fragment == null ? "inventory/asset-form" : "inventory/asset-form :: " + fragment;
    }

    AssetEntryForm formOf(AssetView asset) {
        String number = directory.findPerson(asset.responsiblePersonId()).map(PersonView::employeeNumber).orElse(null);
        return AssetEntryForm.of(asset, number);
    }

    AssetDraft draft(AssetEntryForm f) {
        return new AssetDraft(f.name(), f.description(), f.departmentId(), personId(f.responsibleEmployeeNumber(),
                "responsibleEmployeeNumber"), f.kind(), f.subKind(), f.forms(), f.origin(), f.originParty(), f.originDuty(),
                f.regimes());
    }

    Long personId(String employeeNumber, String field) {
        if (employeeNumber == null || employeeNumber.isBlank()) {
            return null;
        }
        return directory.findPersonByEmployeeNumber(employeeNumber.strip()).map(PersonView::id)
                .orElseThrow(() -> InvalidInputException.onField(field, "inventory.person.unknown", employeeNumber));
    }

    void detail(Model model, long id) {
        AssetView asset = inventory.asset(id);
        choices(model);
        model.addAttribute("asset", asset);
        model.addAttribute("nameWarning", inventory.nameWarning(asset.name()).orElse(null));
        model.addAttribute("timeline", inventory.timeline(id));
        model.addAttribute("canEdit", inventory.canEdit(id));
        model.addAttribute("canDesignate", inventory.canDesignate(id) && !asset.disposed());
        model.addAttribute("people", names(asset));
        model.addAttribute("groups", inventory.projectGroups());
        model.addAttribute("roles", Arrays.stream(Role.values()).toList());
        model.addAttribute("allDepartments", directory.listDepartments().stream().filter(DepartmentView::active).toList());
        model.addAttribute("today", inventory.today());
        model.addAttribute("standing", inventory.standing(id).orElse(null));
        model.addAttribute("facts", inventory.importedFacts(id));
        model.addAttribute("evaluations", inventory.evaluations(id));
        model.addAttribute("criteria", inventory.criteria());
        model.addAttribute("levelReview", inventory.pendingLevelReview(id).orElse(null));
    }

    private Map<Long, String> names(AssetView a) {
        Map<Long, String> m = new java.util.HashMap<>();
        java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(a.designatedByPersonId(),
                                a.disposal() == null ? null : a.disposal().byPersonId(),
                                a.disposal() == null ? null : a.disposal().witnessPersonId()),
                        a.holders().stream().filter(h -> h.kind() == dev.mamori.inventory.AccessHolder.Kind.PERSON)
                                .map(h -> Long.valueOf(h.ref())))
                .filter(java.util.Objects::nonNull).distinct()
                .forEach(p -> m.put(p, directory.findPerson(p).map(v -> v.name() + " (" + v.employeeNumber() + ")")
                        .orElse(String.valueOf(p))));
        return m;
    }
}
