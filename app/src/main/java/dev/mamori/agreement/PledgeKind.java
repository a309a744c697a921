package dev.mamori.agreement;

/**
 * The pledges a person is asked to sign (handbook 3-4 (1)④ b, 参考資料2 第3): at joining, at project
 * participation, the confirmation at a project's end, and at leaving.
 */
public enum PledgeKind {
    JOINING, PROJECT, PROJECT_CLOSING, LEAVING;

    public String messageKey() {
        return "agreement.pledgeKind." + name();
    }
}
