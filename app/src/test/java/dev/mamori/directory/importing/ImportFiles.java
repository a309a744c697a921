package dev.mamori.directory.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * HR files made in the test: CSV in a given encoding (optionally with a UTF-8 BOM) and XLSX.
 */
final class ImportFiles {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    static final String PEOPLE_HEADER = "社員番号,氏名,ふりがな,メールアドレス,所属部署コード,兼務部署コード,役職,雇用区分,派遣元・委託元,在籍状況,入社日,休職開始日,退職申出日,最終出勤日,退職日";
    static final String DEPARTMENT_HEADER = "部署コード,部署名,部署名（英語）,上位部署コード,状態,廃止日";

    private ImportFiles() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static byte[] csv(Charset charset, boolean bom, String... lines) {
        String text = String.join("\r\n", lines) + "\r\n";
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    static byte[] utf8(String... lines) {
        return csv(StandardCharsets.UTF_8, false, lines);
    }

    /** An XLSX workbook of the CSV lines (split on commas); cells that look like ISO dates become real date cells. */
    static byte[] xlsx(String... lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("社員");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            for (int r = 0; r < lines.length; r++) {
                Row row = sheet.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.createCell(c);
                    if (r > 0 && cells[c].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        cell.setCellValue(java.time.LocalDate.parse(cells[c]));
                        cell.setCellStyle(dateStyle);
                    } else if (!cells[c].isEmpty()) {
                        cell.setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static List<String> lines(String csv) {
        return csv.lines().toList();
    }
}
