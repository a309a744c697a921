package dev.mamori.inventory;

/** The forms information exists in (秘密情報管理規程 第3条, plus know-how held only by people). */
public enum AssetForm {
    /** 文書等: paper and storage media. */
    DOCUMENT,
    /** 電子化情報: data on storage or online services. */
    ELECTRONIC,
    /** 物件: moulds, prototypes, plant layouts and other things. */
    OBJECT,
    /** ノウハウ: kept only in people's heads. */
    KNOWHOW;

    public String messageKey() {
        return "inventory.form." + name();
    }
}
