package dev.mamori.policy;

/** What a person wants to do with an entry, and the aspect of the standard that governs it. */
public enum Action {
    VIEW(Aspect.VIEWING),
    DOWNLOAD(Aspect.COPYING),
    COPY(Aspect.COPYING),
    PRINT(Aspect.COPYING),
    TAKE_OUT(Aspect.TAKE_OUT),
    EMAIL_OUTSIDE(Aspect.TAKE_OUT),
    DISTRIBUTE(Aspect.DISTRIBUTION),
    PROVIDE_TO_THIRD_PARTY(Aspect.THIRD_PARTY),
    DISPOSE(Aspect.DISPOSAL);

    private final Aspect aspect;

    Action(Aspect aspect) {
        this.aspect = aspect;
    }

    public Aspect aspect() {
        return aspect;
    }
}
