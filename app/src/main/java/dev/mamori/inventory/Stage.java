package dev.mamori.inventory;

/** The lifecycle of information: 生成 → 利用 → 保存 → 廃棄. */
public enum Stage {
    CREATED, IN_USE, STORED, DISPOSED;

    public String messageKey() {
        return "inventory.stage." + name();
    }
}
