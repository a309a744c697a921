package dev.mamori.measure;

import java.util.Locale;

/**
 * The selection and the coverage of every level for people outside Mamori: an XLSX workbook (the selections,
 * and a coloured heatmap sheet per level with its gaps and findings) and a PDF report with the heatmaps drawn.
 * For the reading roles of the selections; each export is recorded in the ledger ({@code measure.report.exported}).
 */
public interface MeasureExports {

    byte[] workbook(Locale locale);

    byte[] coverageReport(Locale locale);
}
