package dev.mamori.measure;

/** The three requirements of a trade secret (営業秘密の3要件, 不正競争防止法 第2条第6項). */
public enum Requirement {
    /** 秘密管理性 */ SECRECY_MANAGED,
    /** 有用性 */ USEFULNESS,
    /** 非公知性 */ NOT_PUBLIC;

    public String messageKey() {
        return "measure.readiness.requirement." + name();
    }
}
