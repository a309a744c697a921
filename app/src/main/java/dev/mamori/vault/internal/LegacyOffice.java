package dev.mamori.vault.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.OfficeConverter;
import dev.mamori.vault.internal.marking.Unmarkable;

/**
 * Legacy Word, Excel and PowerPoint files (.doc, .xls, .ppt) are never handed out as they are, since nothing marks
 * them: every copy is made of what LibreOffice converts the stored file to — its OOXML successor (.docx, .xlsx,
 * .pptx) for a file handed out, a PDF for the document viewer — and marked as that. The stored original is not
 * changed. Without LibreOffice they cannot be marked at all, so they are refused: at upload, and every copy of one
 * stored before — unless the operator consented to handing them out unmarked
 * ({@code mamori.vault.legacy-office-unmarked}), as every version of Mamori before this did.
 * <p>
 * Plain Java. Each conversion takes the caller's turn at LibreOffice ({@link OfficeConverter.Slot}, taken before
 * the caller's transaction began), or a turn of its own when the caller had none.
 */
final class LegacyOffice {

    private static final Logger log = LoggerFactory.getLogger(LegacyOffice.class);

    /**
     * What a copy is made of: the bytes to mark and their format, whether the copy carries a mark, and the stored
     * format they were converted from (null when they are the stored file itself).
     */
    record Source(byte[] bytes, FileFormat format, boolean marked, FileFormat convertedFrom) {

        /** The stored file itself, marked when its format is. */
        static Source stored(byte[] bytes, FileFormat format) {
            return new Source(bytes, format, format.markable(), null);
        }

        /** The name the copy is handed out under: the stored name, with the extension of the format converted to. */
        String fileName(String storedName) {
            if (convertedFrom == null) {
                return storedName;
            }
            int dot = storedName.lastIndexOf('.');
            return (dot > 0 ? storedName.substring(0, dot) : storedName) + "." + format.extension();
        }
    }

    /** LibreOffice, or null when none is configured. */
    private final OfficeConverter converter;
    private final boolean unmarkedWithoutConverter;

    /**
     * @param converter                LibreOffice, or null when none is configured
     * @param unmarkedWithoutConverter the operator's consent to handing legacy files out unmarked when there is no
     *                                 LibreOffice (without it they are refused)
     */
    LegacyOffice(OfficeConverter converter, boolean unmarkedWithoutConverter) {
        this.converter = converter;
        this.unmarkedWithoutConverter = unmarkedWithoutConverter;
    }

    /** Whether copies of files in the format carry a mark here. */
    boolean marksCopies(FileFormat format) {
        return format.markable() && (!format.legacy() || converter != null);
    }

    /**
     * Refuses to issue copies of a legacy file when they could be neither converted nor, by consent, handed out
     * unmarked (before anything is recorded).
     */
    void requireCopies(FileFormat format) {
        if (!handsOutCopies(format)) {
            throw new LegacyOfficeException("vault.file.legacyNotHandedOut");
        }
    }

    /**
     * Whether copies of a file in the format can be handed out here at all: not of a legacy file when there is no
     * LibreOffice to convert it and no consent to hand it out unmarked.
     */
    boolean handsOutCopies(FileFormat format) {
        return !format.legacy() || converter != null || unmarkedWithoutConverter;
    }

    /**
     * What a copy of the stored file handed out as a file is made of: a legacy file's OOXML successor, converted by
     * LibreOffice now (the same file every time, marked afterwards for its recipient); any other file as it is.
     *
     * @param about what the file is, for the log (e.g. "document 12 version 3")
     * @throws LegacyOfficeException when a legacy file cannot be converted (nothing is to be recorded as issued)
     */
    Source forFile(byte[] plain, FileFormat format, OfficeConverter.Slot slot, String about) {
        if (!format.legacy()) {
            return Source.stored(plain, format);
        }
        requireCopies(format);
        if (converter == null) {
            return new Source(plain, format, false, null);
        }
        try {
            return new Source(convert(plain, format, format.successor(), slot), format.successor(), true, format);
        } catch (OfficeConverter.ConversionFailed e) {
            log.warn("The {} file of {} could not be converted to {} for a copy, nothing issued: {}", format, about,
                    format.successor(), e.getMessage());
            throw new LegacyOfficeException("vault.file.legacyConversionFailed");
        }
    }

    /**
     * What the document viewer's copy of a legacy file is made of: the PDF LibreOffice makes of it (marked
     * afterwards as a PDF is); empty when there is no LibreOffice to make one.
     */
    Optional<Source> forViewer(byte[] plain, FileFormat format, OfficeConverter.Slot slot) throws OfficeConverter.ConversionFailed {
        if (!format.legacy() || converter == null) {
            return Optional.empty();
        }
        return Optional.of(new Source(convert(plain, format, FileFormat.PDF, slot), FileFormat.PDF, true, format));
    }

    /**
     * Why an uploaded legacy file could never be handed out marked, if it could not: it is converted once and the
     * conversion's marking tried, in memory (the same work every copy takes). Without LibreOffice it is refused,
     * unless the operator consented to unmarked copies. Any other file passes (the markers try it).
     */
    Optional<Unmarkable> problem(byte[] file, FileFormat format, Markers markers, OfficeConverter.Slot slot) {
        if (!format.legacy()) {
            return Optional.empty();
        }
        if (converter == null) {
            return unmarkedWithoutConverter ? Optional.empty() : Optional.of(Unmarkable.LEGACY_NO_CONVERTER);
        }
        byte[] converted;
        try {
            converted = convert(file, format, format.successor(), slot);
        } catch (OfficeConverter.ConversionFailed e) {
            log.info("An uploaded {} file could not be converted to {}, refused: {}", format, format.successor(), e.getMessage());
            return Optional.of(Unmarkable.LEGACY_UNCONVERTIBLE);
        }
        return markers.problem(converted).map(p -> Unmarkable.LEGACY_UNCONVERTIBLE);
    }

    private byte[] convert(byte[] file, FileFormat from, FileFormat to, OfficeConverter.Slot slot)
            throws OfficeConverter.ConversionFailed {
        return slot != null ? slot.convert(file, from, to) : converter.convert(file, from, to);
    }
}
