package dev.mamori.agreement.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.inventory.AssetEvents;

/** People made access holders of a secret are asked for the project pledge listing the project's secrets. */
@Component
class InventoryEventListener {

    private final PledgeService pledges;

    InventoryEventListener(PledgeService pledges) {
        this.pledges = pledges;
    }

    @ApplicationModuleListener
    void on(AssetEvents.AccessHoldersAdded event) {
        pledges.onHoldersAdded(event.assetId(), event.assetName(), event.people().stream()
                .map(h -> new PledgeService.Holder(h.personId(), h.groupId(), h.groupName())).toList());
    }
}
