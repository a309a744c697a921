/**
 * Simple A4 reports as PDF with an embedded Japanese TrueType font (IPAex Gothic by default): headings,
 * wrapped paragraphs, tables and a shaded grid chart. Shared by modules that hand reports to people outside
 * Mamori (a secret's dossier, a coverage report); part of the platform's API.
 */
@org.springframework.modulith.NamedInterface("pdf")
package dev.mamori.platform.pdf;
