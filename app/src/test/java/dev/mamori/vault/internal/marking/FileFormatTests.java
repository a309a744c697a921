package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Legacy Word, Excel and PowerPoint files are told by the streams of their compound file, not by their name; an
 * encrypted OOXML file (also a compound file) and any other compound file are not taken for one. Those encrypted
 * with a password are found out before anyone tries to convert them, and nothing marks a legacy file as it is.
 */
class FileFormatTests {

    static void requireLibreOffice() {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed; runs always under CI");
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC", "XLS", "PPT"})
    void aLegacyOfficeFileIsToldByItsStreamsAndHasItsOoxmlSuccessor(FileFormat format) {
        requireLibreOffice();
        byte[] legacy = LegacyFiles.of(format, "旧形式の資料", "本文です。");
        assertThat(legacy).startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        assertThat(FileFormat.of(legacy)).isEqualTo(format);
        assertThat(format.legacy()).isTrue();
        assertThat(format.successor().name()).isEqualTo(format.name() + "X");
        assertThat(format.successor().legacy()).isFalse();
        assertThat(OfficeConverter.converts(format, format.successor())).isTrue();
        assertThat(OfficeConverter.converts(format, FileFormat.PDF)).isTrue();
        assertThat(OfficeConverter.converts(format.successor(), format)).isFalse();
    }

    @Test
    void anXlsWrittenByPoiIsAnXlsWithoutLibreOffice() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("data").createRow(0).createCell(0).setCellValue("原価");
            wb.write(out);
            assertThat(FileFormat.of(out.toByteArray())).isEqualTo(FileFormat.XLS);
            assertThat(Markers.encryptedOffice(out.toByteArray())).isFalse();
        }
    }

    @Test
    void anEncryptedOoxmlFileAndOtherCompoundFilesAreNotLegacyOfficeFiles() throws Exception {
        byte[] encryptedDocx = compound("EncryptedPackage", "WordDocument");
        assertThat(FileFormat.of(encryptedDocx)).isEqualTo(FileFormat.OTHER);
        assertThat(Markers.encryptedOffice(encryptedDocx)).isTrue();
        assertThat(FileFormat.of(compound("__substg1.0_0037001F"))).isEqualTo(FileFormat.OTHER); // e.g. an Outlook message
        assertThat(FileFormat.of(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0})).isEqualTo(FileFormat.OTHER);
    }

    static byte[] compound(String... streams) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String s : streams) {
                fs.getRoot().createDocument(s, new ByteArrayInputStream(new byte[64]));
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPasswordProtectedLegacyFileIsFoundOutAndAnUnprotectedOneIsNot() {
        Markers markers = new Markers(MarkFont.locate(null));
        byte[] xls = LegacyFiles.encryptedXls();
        assertThat(FileFormat.of(xls)).isEqualTo(FileFormat.XLS);
        assertThat(markers.problem(xls)).contains(Unmarkable.ENCRYPTED_OFFICE);
        requireLibreOffice();
        for (FileFormat format : new FileFormat[] {FileFormat.DOC, FileFormat.XLS, FileFormat.PPT}) {
            assertThat(markers.problem(LegacyFiles.of(format, "旧形式の資料", "本文です。"))).as(format.name()).isEmpty();
        }
        byte[] doc = LegacyFiles.encryptedDoc(LegacyFiles.of(FileFormat.DOC, "旧形式の資料", "本文です。"));
        assertThat(FileFormat.of(doc)).isEqualTo(FileFormat.DOC);
        assertThat(markers.problem(doc)).contains(Unmarkable.ENCRYPTED_OFFICE);
        byte[] ppt = LegacyFiles.encryptedPpt(LegacyFiles.of(FileFormat.PPT, "旧形式の資料", "本文です。"));
        assertThat(FileFormat.of(ppt)).isEqualTo(FileFormat.PPT);
        assertThat(markers.problem(ppt)).contains(Unmarkable.ENCRYPTED_OFFICE);
    }

    @Test
    void nothingMarksALegacyFileAsItIs() {
        requireLibreOffice();
        Markers markers = new Markers(MarkFont.locate(null));
        byte[] doc = LegacyFiles.of(FileFormat.DOC, "旧形式の資料", "本文です。");
        assertThatThrownBy(() -> markers.mark(doc, new Mark("極秘", "No.1", Fingerprints.newFingerprint())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCX");
        assertThat(Markers.fingerprintsOf(doc)).isEmpty();
    }
}
