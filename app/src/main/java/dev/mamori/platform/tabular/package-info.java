/**
 * Tables in and out: reading the rows of CSV (UTF-8 with or without BOM, or Shift_JIS) and XLSX files
 * in bounded memory, Japanese dates, uploads kept with their SHA-256, and writing CSV or streaming XLSX.
 * Shared by every module that imports or exports a register; part of the platform's API.
 */
@org.springframework.modulith.NamedInterface("tabular")
package dev.mamori.platform.tabular;
