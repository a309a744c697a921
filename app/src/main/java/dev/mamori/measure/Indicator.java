package dev.mamori.measure;

/**
 * What Mamori looks at for a designated secret, each under one of the three requirements. A module that holds
 * the evidence for an indicator contributes it through a {@link ReadinessContributor}; an indicator nobody
 * contributes is shown as having no records (score 0), never hidden.
 */
public enum Indicator {
    /** Designated at a level and marked (inventory). */
    DESIGNATED_AND_MARKED(Requirement.SECRECY_MANAGED),
    /** Access restricted to named holders (inventory). */
    ACCESS_RESTRICTED(Requirement.SECRECY_MANAGED),
    /** Every access holder has signed a pledge (agreement module). */
    PLEDGES_COVER_HOLDERS(Requirement.SECRECY_MANAGED),
    /** The access holders acknowledged the current regulation (policy). */
    REGULATION_ACKNOWLEDGED(Requirement.SECRECY_MANAGED),
    /** The measures selected for the secret's level are in operation (measure). */
    LEVEL_MEASURES_IN_PLACE(Requirement.SECRECY_MANAGED),
    /** Views and downloads of the secret are recorded in the audit trail (ledger). */
    ACCESS_LOGGED(Requirement.SECRECY_MANAGED),
    /** The reason the information is useful is recorded (inventory's evaluation and decision). */
    USEFULNESS_RECORDED(Requirement.USEFULNESS),
    /** Checked recently not to be published or patented (measure's publicity checks). */
    PUBLICITY_CHECKED(Requirement.NOT_PUBLIC);

    private final Requirement requirement;

    Indicator(Requirement requirement) {
        this.requirement = requirement;
    }

    public Requirement requirement() {
        return requirement;
    }

    public String messageKey() {
        return "measure.readiness.indicator." + name();
    }
}
