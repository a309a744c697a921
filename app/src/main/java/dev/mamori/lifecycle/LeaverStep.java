package dev.mamori.lifecycle;

/**
 * The steps of a leaver's checklist, in the order HR and the 管理責任者 work through them, grouped as the
 * handbook's leaver measures: (1) the secrets held and accessed, (2) access and accounts, (3) lent equipment
 * and personal devices, (4) heightened monitoring, (5) pledges and the alumni contact.
 */
public enum LeaverStep {
    /** The list of secrets was gone through in the exit interview (規程 第12条2項). */
    SECRETS_REVIEWED(1, false),
    /** Access was restricted after the notice. */
    ACCESS_RESTRICTED(2, false),
    /** Access ended on the last working day. */
    ACCESS_ENDED(2, false),
    /** The person's accounts were deleted or disabled (Mamori's own shown, others confirmed by hand). */
    ACCOUNTS_DELETED(2, false),
    /** Everything lent was returned: computed from the register of lent items. */
    EQUIPMENT_RETURNED(3, true),
    /** Secrets were erased from personal devices, with the erasure pledge. */
    DEVICES_ERASED(3, false),
    /** The heightened-monitoring window is open: computed. */
    MONITORING(4, true),
    /** The leaving pledge was signed, or refused. */
    LEAVING_PLEDGE(5, false),
    /** A non-compete agreement, when one is wanted (optional). */
    NON_COMPETE(5, false),
    /** The alumni (OB会) contact record. */
    ALUMNI_CONTACT(5, false);

    private final int group;
    private final boolean computed;

    LeaverStep(int group, boolean computed) {
        this.group = group;
        this.computed = computed;
    }

    public int group() {
        return group;
    }

    /** Whether Mamori works out the state itself (no confirmation by hand). */
    public boolean computed() {
        return computed;
    }

    /** The outcomes a person may record by hand for this step. */
    public java.util.List<StepState.Status> outcomes() {
        return switch (this) {
            case LEAVING_PLEDGE -> java.util.List.of(StepState.Status.DONE, StepState.Status.REFUSED);
            case NON_COMPETE, ALUMNI_CONTACT -> java.util.List.of(StepState.Status.DONE, StepState.Status.REFUSED,
                    StepState.Status.NOT_APPLICABLE);
            case DEVICES_ERASED -> java.util.List.of(StepState.Status.DONE, StepState.Status.NOT_APPLICABLE);
            case EQUIPMENT_RETURNED, MONITORING -> java.util.List.of();
            default -> java.util.List.of(StepState.Status.DONE);
        };
    }

    public String messageKey() {
        return "lifecycle.step." + name();
    }
}
