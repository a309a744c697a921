package dev.mamori.lifecycle.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.directory.PersonEvents;
import dev.mamori.lifecycle.Lifecycle;

/**
 * Follows the directory's lifecycle events: a notice of leaving opens the leaver's checklist and monitoring
 * window, a retraction sets it aside, leaving records the day.
 */
@Component
class LeaverEventListener {

    private final Lifecycle lifecycle;

    LeaverEventListener(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonLeaveNotified event) {
        lifecycle.leaveNotified(event.personId(), event.noticeDate(), event.lastWorkingDay());
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonLeaveRetracted event) {
        lifecycle.leaveRetracted(event.personId());
    }

    @ApplicationModuleListener
    void on(PersonEvents.PersonLeft event) {
        lifecycle.left(event.personId(), event.leftOn());
    }
}
