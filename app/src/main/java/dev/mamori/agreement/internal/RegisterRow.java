package dev.mamori.agreement.internal;

import java.util.Map;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeStatus;
import dev.mamori.directory.PersonView;

/** One person in the register: their standing with every kind of pledge and whether an obligation lasts after leaving. */
public record RegisterRow(PersonView person, Map<PledgeKind, PledgeStatus> statuses, boolean lasting) {

    public PledgeStatus status(PledgeKind kind) {
        return statuses.get(kind);
    }
}
