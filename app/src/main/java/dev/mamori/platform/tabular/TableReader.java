package dev.mamori.platform.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import dev.mamori.platform.InvalidInputException;

/**
 * Reads the rows of a CSV file or of the first sheet of an XLSX workbook one at a time, so that a
 * file of any length is read in bounded memory. XLSX is read with POI's SAX event API, never as a
 * whole workbook; date cells come out as {@code yyyy-MM-dd}.
 */
public final class TableReader {

    /** Receives each non-blank row with its number as the user sees it (the header is row 1). */
    @FunctionalInterface
    public interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** What a file is: CSV or XLSX. */
    public enum Format {
        CSV,
        XLSX;

        /** XLSX files are ZIP archives and start with "PK\3\4". */
        public static Format of(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(4);
                return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? XLSX : CSV;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TableReader() {
    }

    /**
     * Hands every non-blank row of the file to the handler. {@code charset} is ignored for XLSX; an
     * unreadable file is refused with {@code platform.tabular.unreadable}.
     */
    public static void read(Path file, Format format, Charset charset, RowHandler handler) {
        if (format == Format.XLSX) {
            readXlsx(file, handler);
        } else {
            readCsv(file, charset, handler);
        }
    }

    private static void readCsv(Path file, Charset charset, RowHandler handler) {
        CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(false).get();
        try (Reader reader = withoutBom(new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 64 * 1024));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (!blank(cells)) {
                    handler.row((int) record.getRecordNumber(), cells);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("platform.tabular.unreadable");
        }
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static void readXlsx(Path file, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new InvalidInputException("platform.tabular.unreadable");
        }
    }

    /** Collects the cells of each sheet row (cells may be missing in the XML: they are blank). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!blank(cells)) {
                handler.row(rowNum + 1, new ArrayList<>(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Formats date cells as ISO dates whatever their display format, everything else as Excel shows it. */
    private static final class IsoDateFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing);
                return dateTime.toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
