package dev.mamori.vault;

/** Why a copy left the vault: viewed in the browser, downloaded, or a numbered copy for a meeting (配布). */
public enum CopyKind {
    VIEW, DOWNLOAD, NUMBERED;

    public String messageKey() {
        return "vault.copyKind." + name();
    }
}
