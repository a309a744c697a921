package dev.mamori.inventory;

import java.time.LocalDate;

/** A declaration with its state: OPEN, DESIGNATED (with the entry it became) or REJECTED (with the reason). */
public record DeclarationView(long id, long declarantPersonId, String declarantName, long departmentId,
                              String departmentName, String title, String description, AssetKind kind, AssetForm form,
                              String location, Origin origin, String originParty, String status,
                              Long handledByPersonId, LocalDate handledOn, String handlingReason, Long assetId,
                              LocalDate declaredOn, LocalDate remindedOn) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public String statusMessageKey() {
        return "inventory.declaration.status." + status;
    }
}
