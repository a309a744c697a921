package dev.mamori.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.SampleFiles;
import dev.mamori.vault.internal.marking.Unmarkable;

/**
 * Without LibreOffice a legacy .doc, .xls or .ppt file cannot be marked: by default it is refused at upload and
 * no copy of one stored before is issued; only with the operator's consent
 * ({@code mamori.vault.legacy-office-unmarked=true}) is it stored and handed out unmarked, as such. Other files are
 * not its business. (With LibreOffice: {@code VaultLegacyOfficeTests}.)
 */
class LegacyOfficeTests {

    static final byte[] XLS = xls();
    final Markers markers = new Markers(MarkFont.locate(null));

    static byte[] xls() {
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            wb.createSheet("原価").createRow(0).createCell(0).setCellValue("旧形式の表");
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutLibreOfficeALegacyFileIsRefusedAtUploadAndNoCopyOfOneStoredBeforeIsIssued() throws Exception {
        LegacyOffice refusing = new LegacyOffice(null, false);
        assertThat(FileFormat.of(XLS)).isEqualTo(FileFormat.XLS);
        assertThat(refusing.problem(XLS, FileFormat.XLS, markers, null)).contains(Unmarkable.LEGACY_NO_CONVERTER);
        assertThat(refusing.marksCopies(FileFormat.XLS)).isFalse();
        assertThatThrownBy(() -> refusing.forFile(XLS, FileFormat.XLS, null, "test")).isInstanceOf(LegacyOfficeException.class)
                .satisfies(e -> {
                    assertThat(((LegacyOfficeException) e).messageKey()).isEqualTo("vault.file.legacyNotHandedOut");
                    assertThat(((LegacyOfficeException) e).status()).isEqualTo(503);
                });
        assertThatThrownBy(() -> refusing.requireCopies(FileFormat.DOC)).isInstanceOf(LegacyOfficeException.class);
        assertThat(refusing.forViewer(XLS, FileFormat.XLS, null)).isEmpty();
        // so the viewer says no copy can be handed out, rather than offering a download that would be refused
        assertThat(refusing.handsOutCopies(FileFormat.XLS)).isFalse();
        assertThat(refusing.handsOutCopies(FileFormat.XLSX)).isTrue();
    }

    @Test
    void withTheOperatorsConsentALegacyFileIsStoredAndHandedOutUnmarkedAsItIs() {
        LegacyOffice consenting = new LegacyOffice(null, true);
        assertThat(consenting.problem(XLS, FileFormat.XLS, markers, null)).isEmpty();
        assertThat(consenting.marksCopies(FileFormat.XLS)).isFalse();
        LegacyOffice.Source source = consenting.forFile(XLS, FileFormat.XLS, null, "test");
        assertThat(source.marked()).isFalse();
        assertThat(source.bytes()).isEqualTo(XLS);
        assertThat(source.format()).isEqualTo(FileFormat.XLS);
        assertThat(source.fileName("原価表.xls")).isEqualTo("原価表.xls");
        consenting.requireCopies(FileFormat.XLS);
        assertThat(consenting.handsOutCopies(FileFormat.XLS)).isTrue();
    }

    @Test
    void otherFilesAreHandedOutAsTheyAreWithOrWithoutLibreOffice() {
        byte[] docx = SampleFiles.docx("議事録", "本文");
        byte[] text = "品番,数量".getBytes(StandardCharsets.UTF_8);
        for (LegacyOffice legacy : new LegacyOffice[] {new LegacyOffice(null, false), new LegacyOffice(null, true)}) {
            assertThat(legacy.problem(docx, FileFormat.DOCX, markers, null)).isEmpty();
            assertThat(legacy.forFile(docx, FileFormat.DOCX, null, "test")).satisfies(s -> {
                assertThat(s.bytes()).isSameAs(docx);
                assertThat(s.marked()).isTrue();
                assertThat(s.convertedFrom()).isNull();
            });
            assertThat(legacy.forFile(text, FileFormat.OTHER, null, "test").marked()).isFalse();
            assertThat(legacy.marksCopies(FileFormat.DOCX)).isTrue();
            assertThat(legacy.marksCopies(FileFormat.OTHER)).isFalse();
        }
    }

    @Test
    void aConvertedCopyIsNamedWithItsNewExtension() {
        LegacyOffice.Source docx = new LegacyOffice.Source(new byte[0], FileFormat.DOCX, true, FileFormat.DOC);
        assertThat(docx.fileName("議事録.doc")).isEqualTo("議事録.docx");
        assertThat(docx.fileName("議事録.v2.DOC")).isEqualTo("議事録.v2.docx");
        assertThat(docx.fileName("議事録")).isEqualTo("議事録.docx");
        assertThat(VaultService.copyFileName(docx.fileName("議事録.doc"), 3)).isEqualTo("議事録_No3.docx");
    }
}
