package dev.mamori.inventory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;

/**
 * The register entry form. The 管理責任者 is entered by 社員番号; each form of the information is a
 * checkbox with where it is kept.
 */
public record AssetEntryForm(
        @NotBlank(message = "{inventory.asset.nameRequired}")
        @Size(max = 200, message = "{inventory.asset.nameTooLong}") String name,
        @Size(max = 4000, message = "{inventory.form.tooLong}") String description,
        @NotNull(message = "{inventory.asset.departmentRequired}") Long departmentId,
        @NotBlank(message = "{inventory.asset.responsibleRequired}") String responsibleEmployeeNumber,
        @NotNull(message = "{inventory.asset.kindRequired}") AssetKind kind,
        AssetSubKind subKind,
        Boolean document, @Size(max = 500, message = "{inventory.form.tooLong}") String documentLocation,
        Boolean electronic, @Size(max = 500, message = "{inventory.form.tooLong}") String electronicLocation,
        Boolean object, @Size(max = 500, message = "{inventory.form.tooLong}") String objectLocation,
        Boolean knowhow, @Size(max = 500, message = "{inventory.form.tooLong}") String knowhowLocation,
        @NotNull(message = "{inventory.asset.originRequired}") Origin origin,
        @Size(max = 200, message = "{inventory.form.tooLong}") String originParty,
        @Size(max = 1000, message = "{inventory.form.tooLong}") String originDuty,
        Boolean tradeSecret, Boolean limitedProvisionData, Boolean personalInfo,
        @PositiveOrZero(message = "{inventory.asset.personalCountInvalid}") Integer personalInfoCount,
        Boolean sensitivePersonalInfo, Boolean exportControlled, Boolean contractualDuty,
        @Size(max = 200, message = "{inventory.form.tooLong}") String contractualDutyTo,
        Integer version) {

    static final Set<String> FIELDS = Set.of("name", "description", "departmentId", "responsibleEmployeeNumber", "kind",
            "subKind", "origin", "originParty", "originDuty", "personalInfoCount", "contractualDutyTo", "personalInfo");

    static AssetEntryForm empty() {
        return new AssetEntryForm(null, null, null, null, AssetKind.TECHNICAL, null, false, null, true, null, false, null,
                false, null, Origin.OWN, null, null, false, false, false, null, false, false, false, null, null);
    }

    AssetEntryForm withName(String newName) {
        return new AssetEntryForm(newName, description, departmentId, responsibleEmployeeNumber, kind, subKind, document,
                documentLocation, electronic, electronicLocation, object, objectLocation, knowhow, knowhowLocation, origin,
                originParty, originDuty, tradeSecret, limitedProvisionData, personalInfo, personalInfoCount,
                sensitivePersonalInfo, exportControlled, contractualDuty, contractualDutyTo, version);
    }

    static AssetEntryForm of(AssetView a, String responsibleEmployeeNumber) {
        String[] loc = new String[4];
        boolean[] has = new boolean[4];
        for (FormEntry f : a.forms()) {
            has[f.form().ordinal()] = true;
            loc[f.form().ordinal()] = f.location();
        }
        LegalRegimes r = a.regimes();
        return new AssetEntryForm(a.name(), a.description(), a.departmentId(), responsibleEmployeeNumber, a.kind(),
                a.subKind(), has[0], loc[0], has[1], loc[1], has[2], loc[2], has[3], loc[3], a.origin(), a.originParty(),
                a.originDuty(), r.tradeSecret(), r.limitedProvisionData(), r.personalInfo(), r.personalInfoCount(),
                r.sensitivePersonalInfo(), r.exportControlled(), r.contractualDuty(), r.contractualDutyTo(), a.version());
    }

    List<FormEntry> forms() {
        List<FormEntry> forms = new ArrayList<>();
        if (Boolean.TRUE.equals(document)) forms.add(new FormEntry(AssetForm.DOCUMENT, documentLocation));
        if (Boolean.TRUE.equals(electronic)) forms.add(new FormEntry(AssetForm.ELECTRONIC, electronicLocation));
        if (Boolean.TRUE.equals(object)) forms.add(new FormEntry(AssetForm.OBJECT, objectLocation));
        if (Boolean.TRUE.equals(knowhow)) forms.add(new FormEntry(AssetForm.KNOWHOW, knowhowLocation));
        return forms;
    }

    LegalRegimes regimes() {
        return new LegalRegimes(on(tradeSecret), on(limitedProvisionData), on(personalInfo), personalInfoCount,
                on(sensitivePersonalInfo), on(exportControlled), on(contractualDuty), contractualDutyTo);
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
