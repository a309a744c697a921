package dev.mamori.inventory;

/** Finer kinds, each belonging to one {@link AssetKind}. */
public enum AssetSubKind {
    CUSTOMER(AssetKind.BUSINESS),
    PRICING(AssetKind.BUSINESS),
    SUPPLIER(AssetKind.BUSINESS),
    SALES_PLAN(AssetKind.BUSINESS),
    MANUAL(AssetKind.BUSINESS),
    DESIGN(AssetKind.TECHNICAL),
    MANUFACTURING_KNOWHOW(AssetKind.TECHNICAL),
    RESEARCH(AssetKind.TECHNICAL),
    MATERIAL_RECIPE(AssetKind.TECHNICAL),
    TEST_DATA(AssetKind.TECHNICAL),
    HR_FINANCE(AssetKind.OTHER),
    MANAGEMENT(AssetKind.OTHER);

    private final AssetKind kind;

    AssetSubKind(AssetKind kind) {
        this.kind = kind;
    }

    public AssetKind kind() {
        return kind;
    }

    public String messageKey() {
        return "inventory.subKind." + name();
    }
}
