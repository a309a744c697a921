package dev.mamori.measure;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The measure module's API. Reading the catalog is open to every signed-in user; selections are changed by
 * CHIEF_OFFICER and COMMITTEE (owners report status and evidence of their own), read by them and by MANAGER,
 * IT_SECURITY, HR, LEGAL and AUDITOR. Every change is recorded in the ledger ({@code measure.*}).
 */
public interface Measures {

    /** The newest catalog version. */
    CatalogVersion currentCatalog();

    List<CatalogVersion> catalogVersions();

    /** The current catalog's items and the company's own measures, in order; null filters mean any. */
    List<MeasureView> catalog(Route route, Purpose purpose);

    /** The items of one catalog version, in the handbook's order. */
    List<MeasureView> catalogVersion(String version);

    MeasureView measure(long id);

    /** Adds a measure of the company's own (ledger: {@code measure.custom.added}). */
    MeasureView addCustom(CustomMeasureDraft draft);

    /** Selections, optionally of one level. */
    List<Selection> selections(String levelCode);

    Selection selection(long id);

    /** Selects a measure (ledger: {@code measure.selection.created}). */
    Selection select(SelectionDraft draft);

    /** Changes a selection (ledger: {@code measure.selection.updated}). */
    Selection update(long id, SelectionDraft draft, int expectedVersion);

    /** The owner (or CHIEF_OFFICER/COMMITTEE) reports status (ledger: {@code measure.selection.statusChanged}). */
    Selection report(long id, StatusUpdate update);

    /** Adds a link (ledger: {@code measure.selection.evidenceAdded}). */
    Evidence addLink(long selectionId, String label, String url);

    /** Stores a file under the data directory with its SHA-256 (ledger: {@code measure.selection.evidenceAdded}). */
    Evidence addFile(long selectionId, String label, String fileName, InputStream content);

    /** Links a computed evidence source (ledger: {@code measure.selection.evidenceAdded}). */
    Evidence addComputed(long selectionId, String sourceKey);

    /** Opens a stored file, for those who may read the selection. */
    Optional<StoredFile> file(long selectionId, long evidenceId);

    /** The computed evidence sources available. */
    List<EvidenceSummary> evidenceSources();

    /** Routes × purposes for one level, gaps by priority and the guidance findings. */
    Coverage coverage(String levelCode);

    /** Counts for the dashboard: selections in place and all selected (not 対象外). */
    long[] inPlaceAndSelected();

    /** The directory person with this employee number, for owner fields of forms (null for blank). */
    Long ownerByEmployeeNumber(String employeeNumber);

    record StoredFile(String fileName, String sha256, long size, java.nio.file.Path path) {
    }
}
