package dev.mamori.measure;

/** Where a selected measure stands. {@link #NOT_APPLICABLE} needs a reason. Only {@link #IN_OPERATION} counts as in place. */
public enum SelectionStatus {
    /** 未着手 */ NOT_STARTED,
    /** 導入中 */ IN_PROGRESS,
    /** 運用中 */ IN_OPERATION,
    /** 見直し要 */ NEEDS_REVIEW,
    /** 対象外 */ NOT_APPLICABLE;

    public String messageKey() {
        return "measure.status." + name();
    }

    public boolean inPlace() {
        return this == IN_OPERATION;
    }
}
