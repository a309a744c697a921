package dev.mamori.inventory.internal.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.mamori.platform.tabular.ExportFormat;
import dev.mamori.platform.tabular.TableWriter;

/**
 * Registers made in the tests: CSV (written by the platform's own table writer, in UTF-8 with BOM or in
 * Shift_JIS) and IPA-style XLSX sheets with a title row, group headers over sub-headers and real date cells.
 */
final class RegisterFiles {

    static final List<String> IPA_HEADER = List.of("業務分類", "情報資産名称", "備考", "利用者範囲", "管理部署", "媒体・保存先",
            "個人情報の種類", "機密性", "完全性", "可用性", "保存期限", "登録日");

    private RegisterFiles() {
    }

    static byte[] csv(ExportFormat format, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, out, "sheet")) {
            rows.forEach(writer::row);
        }
        return out.toByteArray();
    }

    static byte[] shiftJis(List<List<String>> rows) {
        return csv(ExportFormat.CSV_SHIFT_JIS, rows);
    }

    static byte[] utf8(List<List<String>> rows) {
        return csv(ExportFormat.CSV_UTF8, rows);
    }

    /**
     * IPA's sheet as people keep it: a title, group headers (個人情報の種類 over 個人情報・要配慮個人情報・特定個人情報,
     * 重要度 over 機密性・完全性・可用性) merged over a second header row, and rows whose last cell is a date.
     */
    static byte[] ipaWorkbook(List<List<Object>> rows) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("情報資産管理台帳");
        sheet.createRow(0).createCell(0).setCellValue("情報資産管理台帳");
        String[] top = {"No.", "業務分類", "情報資産名称", "備考", "利用者範囲", "管理部署", "媒体・保存先", "個人情報の種類", "", "",
                "重要度", "", "", "保存期限", "登録日"};
        String[] sub = {"", "", "", "", "", "", "", "個人情報", "要配慮個人情報", "特定個人情報", "機密性", "完全性", "可用性", "", ""};
        Row r1 = sheet.createRow(2);
        Row r2 = sheet.createRow(3);
        for (int i = 0; i < top.length; i++) {
            if (!top[i].isEmpty()) {
                r1.createCell(i).setCellValue(top[i]);
            }
            if (!sub[i].isEmpty()) {
                r2.createCell(i).setCellValue(sub[i]);
            }
        }
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 7, 9));
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 10, 12));
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(4 + r);
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof LocalDate d) {
                    row.createCell(c).setCellValue(d);
                    row.getCell(c).setCellStyle(dateStyle);
                } else if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null && !v.toString().isEmpty()) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
        return written(workbook);
    }

    private static byte[] written(XSSFWorkbook workbook) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (workbook) {
            workbook.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ByteArrayInputStream in(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
