package dev.mamori.inventory.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;
import dev.mamori.platform.InvalidInputException;

/**
 * The business rules of a register entry and of a designation, without the database: the first
 * broken rule is refused with its message key and field.
 */
public final class AssetRules {

    private AssetRules() {
    }

    public static void checkDraft(AssetDraft d) {
        if (d.name() == null || d.name().isBlank()) {
            throw InvalidInputException.onField("name", "inventory.asset.nameRequired");
        }
        if (d.name().length() > 200) {
            throw InvalidInputException.onField("name", "inventory.asset.nameTooLong");
        }
        if (d.departmentId() == null) {
            throw InvalidInputException.onField("departmentId", "inventory.asset.departmentRequired");
        }
        if (d.responsiblePersonId() == null) {
            throw InvalidInputException.onField("responsiblePersonId", "inventory.asset.responsibleRequired");
        }
        if (d.kind() == null) {
            throw InvalidInputException.onField("kind", "inventory.asset.kindRequired");
        }
        if (d.subKind() != null && d.subKind().kind() != d.kind()) {
            throw InvalidInputException.onField("subKind", "inventory.asset.subKindMismatch");
        }
        if (d.forms().isEmpty()) {
            throw InvalidInputException.onField("forms", "inventory.asset.formRequired");
        }
        Set<AssetForm> seen = new HashSet<>();
        for (FormEntry f : d.forms()) {
            if (f.form() == null || !seen.add(f.form())) {
                throw InvalidInputException.onField("forms", "inventory.asset.formDuplicate");
            }
        }
        if (d.origin() == null) {
            throw InvalidInputException.onField("origin", "inventory.asset.originRequired");
        }
        if (d.origin() != Origin.OWN && (d.originParty() == null || d.originParty().isBlank())) {
            throw InvalidInputException.onField("originParty", "inventory.asset.originPartyRequired");
        }
        LegalRegimes r = d.regimes();
        if (r.personalInfoCount() != null && r.personalInfoCount() < 0) {
            throw InvalidInputException.onField("personalInfoCount", "inventory.asset.personalCountInvalid");
        }
        if ((r.sensitivePersonalInfo() || r.personalInfoCount() != null) && !r.personalInfo()) {
            throw InvalidInputException.onField("personalInfo", "inventory.asset.personalInfoRequired");
        }
        if (r.contractualDuty() && (r.contractualDutyTo() == null || r.contractualDutyTo().isBlank())) {
            throw InvalidInputException.onField("contractualDutyTo", "inventory.asset.contractualDutyToRequired");
        }
    }

    public static void checkDesignation(DesignationDraft d, boolean levelExists, LocalDate today) {
        if (d.levelId() == null || !levelExists) {
            throw InvalidInputException.onField("levelId", "inventory.designation.levelUnknown");
        }
        if (d.holders().isEmpty()) {
            throw InvalidInputException.onField("holders", "inventory.designation.holdersRequired");
        }
        for (AccessHolder h : d.holders()) {
            if (h.kind() == null || h.ref() == null || h.ref().isBlank()) {
                throw InvalidInputException.onField("holders", "inventory.designation.holderInvalid");
            }
            if (h.kind() != AccessHolder.Kind.ROLE && !h.ref().matches("\\d{1,18}")) {
                throw InvalidInputException.onField("holders", "inventory.designation.holderInvalid");
            }
        }
        boolean hasEvent = d.secretUntilEvent() != null && !d.secretUntilEvent().isBlank();
        if (d.secretUntil() == null && !hasEvent) {
            throw InvalidInputException.onField("secretUntil", "inventory.designation.periodRequired");
        }
        if (d.secretUntil() != null && !d.secretUntil().isAfter(today)) {
            throw InvalidInputException.onField("secretUntil", "inventory.designation.periodInPast");
        }
    }

    public static void checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.onField("reason", "inventory.designation.reasonRequired");
        }
    }
}
