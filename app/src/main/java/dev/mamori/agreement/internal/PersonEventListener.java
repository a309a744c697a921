package dev.mamori.agreement.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.agreement.PledgeDraft;
import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;
import dev.mamori.directory.PersonEvents;

/**
 * A person who joins is asked for the joining pledge (a task on their board until signed; escalated to HR
 * when still unsigned after {@code mamori.agreement.pledge-days}). The regulation's acknowledgement is the
 * policy module's: the pledge page links to it.
 */
@Component
class PersonEventListener {

    private final PledgeService pledges;

    PersonEventListener(PledgeService pledges) {
        this.pledges = pledges;
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonJoined event) {
        // asked once: a pledge already asked for (even refused, or asked before the joining date) stands
        if (pledges.pledgeStatus(event.personId(), PledgeKind.JOINING).state() != PledgeState.NONE) {
            return;
        }
        pledges.request(new PledgeDraft(event.personId(), PledgeKind.JOINING, java.util.List.of(), null, null, null,
                null, null), Templates.SYSTEM);
    }
}
