package dev.mamori.policy.internal.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The documents Mamori generates from the scheme and the standard. The slug names the kind in URLs
 * ({@code /policy/documents/regulation}); titles are those of the Japanese documents themselves.
 */
public enum DocumentKind {
    REGULATION("regulation", "秘密情報管理規程"),
    STANDARD("standard", "秘密情報管理基準"),
    WORK_RULES("work-rules", "就業規則（秘密情報の管理に関する条項）"),
    TELEWORK("telework", "テレワーク時の秘密情報取扱規程");

    private final String slug;
    private final String titleJa;

    DocumentKind(String slug, String titleJa) {
        this.slug = slug;
        this.titleJa = titleJa;
    }

    public String slug() {
        return slug;
    }

    public String titleJa() {
        return titleJa;
    }

    public String messageKey() {
        return "policy.document.kind." + name();
    }

    /** The kind named by a URL's slug; refused as not found otherwise. */
    public static DocumentKind of(String slug) {
        return fromSlug(slug).orElseThrow(() -> new dev.mamori.platform.NotFoundException("policy.document.kindNotFound",
                (Object) String.valueOf(slug)));
    }

    /** The file name of a version's download, e.g. 「秘密情報管理規程_第3版.pdf」. */
    public String fileName(int number, String extension) {
        return titleJa + "_第" + number + "版." + extension;
    }

    public static Optional<DocumentKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug == null ? "" : slug.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
