package dev.mamori.vault.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;

import dev.mamori.vault.internal.VaultRepository.DocumentRow;
import dev.mamori.vault.internal.VaultRepository.VersionRow;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.SimplePdf;

/**
 * The disposal certificate (廃棄証明書): which document of which entry, every version with its SHA-256 and the
 * master key that had wrapped its destroyed data key, who disposed of it, when and why. Worded in Japanese.
 */
final class DisposalCertificate {

    private final Markers markers;
    private final MessageSource messages;

    DisposalCertificate(Markers markers, MessageSource messages) {
        this.markers = markers;
        this.messages = messages;
    }

    byte[] write(DocumentRow doc, String assetName, List<VersionRow> versions, String by, String reason, Instant at) {
        List<String> lines = new ArrayList<>();
        lines.add(msg("vault.certificate.document", doc.title(), String.valueOf(doc.id())));
        lines.add(msg("vault.certificate.asset", assetName == null ? "-" : assetName, String.valueOf(doc.assetId())));
        lines.add(msg("vault.certificate.at", VaultService.MARK_TIME.format(at)));
        lines.add(msg("vault.certificate.by", by));
        lines.add(msg("vault.certificate.reason", reason));
        lines.add(msg("vault.certificate.method"));
        lines.add("");
        for (VersionRow v : versions) {
            lines.add(msg("vault.certificate.version", v.number(), v.fileName(), v.size()));
            lines.add("  SHA-256 " + v.sha256());
            lines.add("  " + msg("vault.certificate.key", v.keyId() == null ? "-" : v.keyId()));
        }
        lines.add("");
        lines.add(msg("vault.certificate.statement"));
        return SimplePdf.write(markers.font(), msg("vault.certificate.title"), lines);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VaultService.MARK_LOCALE);
    }
}
