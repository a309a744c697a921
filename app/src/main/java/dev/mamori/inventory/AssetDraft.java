package dev.mamori.inventory;

import java.util.List;

/**
 * What a user enters for a register entry.
 *
 * @param originParty the other company (受領 or 共同開発)
 * @param originDuty  the confidentiality duty under which it was received
 */
public record AssetDraft(String name, String description, Long departmentId, Long responsiblePersonId,
                         AssetKind kind, AssetSubKind subKind, List<FormEntry> forms, Origin origin,
                         String originParty, String originDuty, LegalRegimes regimes) {

    public AssetDraft {
        forms = forms == null ? List.of() : List.copyOf(forms);
        regimes = regimes == null ? LegalRegimes.none() : regimes;
    }
}
