package dev.mamori.lifecycle;

/** What was lent to a person. */
public enum LentKind {
    PC, PHONE, USB_MEDIA, ID_CARD, KEY, DOCUMENT, OTHER;

    public String messageKey() {
        return "lifecycle.lentKind." + name();
    }
}
