package dev.mamori.inventory;

/** The outcomes of deciding what to do with valuable information (第2章 2-2). */
public enum SecrecyOutcome {
    /** 秘密として保持. */
    KEEP_SECRET,
    /** 権利化 (patent). */
    PATENT,
    /** 権利化, keeping it secret until the application is published. */
    PATENT_SECRET_UNTIL_PUBLICATION,
    /** 標準化・公開. */
    STANDARDISE_OR_PUBLISH,
    /** 限定提供データとして提供. */
    PROVIDE_AS_LIMITED_DATA,
    /** 公開しないが秘密管理のコストはかけない. */
    UNPUBLISHED_WITHOUT_MANAGEMENT_COST;

    public String messageKey() {
        return "inventory.outcome." + name();
    }
}
