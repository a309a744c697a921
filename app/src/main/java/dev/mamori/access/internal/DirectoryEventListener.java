package dev.mamori.access.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.access.Access;
import dev.mamori.directory.PersonEvents;

/**
 * The organisation drives grants: a transfer flags the person's grants for their entries' 管理責任者 to
 * review; a notice of leaving ends or flags them as configured; leaving ends every grant, withdraws the
 * person's pending requests, revokes their delegations (given or received) and their API tokens.
 * (Checks refuse a person who has left as soon as the directory commits, through the index.)
 */
@Component
class DirectoryEventListener {

    private final Access access;

    DirectoryEventListener(Access access) {
        this.access = access;
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonTransferred event) {
        access.flagGrantsOf(event.personId(), "TRANSFERRED");
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonLeaveNotified event) {
        access.applyLeaveNotice(event.personId());
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonLeft event) {
        access.applyLeft(event.personId());
    }
}
