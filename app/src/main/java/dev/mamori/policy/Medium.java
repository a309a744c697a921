package dev.mamori.policy;

/** The forms information takes in the standard: 文書等 (documents), 電子化情報 (electronic), 物件 (objects). */
public enum Medium {
    DOCUMENT, ELECTRONIC, OBJECT;

    public String messageKey() {
        return "policy.medium." + name();
    }
}
