package dev.mamori.policy.internal.documents;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the generated regulations ({@code mamori.documents.*}, or {@code MAMORI_DOCUMENTS_FONT} …).
 *
 * @param font                  a TrueType font with Japanese glyphs for the PDFs; blank: the first of the
 *                              known locations ({@link dev.mamori.platform.pdf.PdfFonts#KNOWN_LOCATIONS}), IPAex Gothic first
 * @param chiefOfficerTitle     the title of the person who oversees secret information (handbook: 統括責任者)
 * @param managerTitle          the title of the department heads who manage it (handbook: 管理責任者)
 * @param committeeName         the name of the cross-department committee (handbook: 秘密情報管理委員会)
 * @param acknowledgementDays   days after publication by which people acknowledge a new version. Default 14:
 *                              Mamori's choice; the handbook asks that the rules be made known and
 *                              understood (3-3, 3-4 研修) but leaves the period to each company
 * @param reminderIntervalDays  people still pending after the due date are reminded (with their department's
 *                              managers), and again every this many days. Default 7: Mamori's choice
 * @param reminderCron          when the reminder job runs (default daily at 07:30 Japan time)
 */
@ConfigurationProperties("mamori.documents")
public record DocumentProperties(Path font,
                                 @DefaultValue("統括責任者") String chiefOfficerTitle,
                                 @DefaultValue("管理責任者") String managerTitle,
                                 @DefaultValue("秘密情報管理委員会") String committeeName,
                                 @DefaultValue("14") int acknowledgementDays,
                                 @DefaultValue("7") int reminderIntervalDays,
                                 @DefaultValue("0 30 7 * * *") String reminderCron) {

    public DocumentProperties {
        acknowledgementDays = Math.max(1, acknowledgementDays);
        reminderIntervalDays = Math.max(1, reminderIntervalDays);
    }
}
