package dev.mamori.vault;

import java.util.List;

/**
 * The vault's API. Every decision to show, hand out, distribute or dispose of a document is taken by
 * {@code dev.mamori.access.AccessChecks} for the signed-in person; every copy that leaves is marked for its
 * recipient, recorded (閲覧記録) and written to the ledger.
 */
public interface Vault {

    /** Documents under an entry (newest first), for its 管理責任者, AUDITOR and whoever the access check lets VIEW it. */
    List<DocumentView> documents(long assetId);

    /** The latest documents the caller may view, across entries (at most {@code limit}). */
    List<DocumentView> visibleDocuments(int limit);

    DocumentView document(long id);

    /** A new document under an entry with its first version (ledger {@code vault.document.uploaded}). */
    DocumentView create(long assetId, String title, Upload file);

    /** A new version of a document (ledger {@code vault.version.uploaded}). */
    DocumentView addVersion(long documentId, Upload file);

    /** Whether the caller may upload under the entry (its 管理責任者, or as the access check allows). */
    boolean canUpload(long assetId);

    /** Whether the caller is the entry's 管理責任者 (may read records, distribute copies and dispose of documents). */
    boolean manages(long assetId);

    /**
     * A marked copy to view in the browser ({@code version} null: the latest); ledger {@code vault.document.viewed}.
     * Only for those who may download it as well: someone who may only view gets {@link ViewerOnlyException} and
     * is shown the document in the viewer ({@link #openViewer}) instead.
     */
    IssuedFile view(long documentId, Integer version);

    /**
     * Opens the document viewer, for whoever may VIEW the document: a PDF, PNG or JPEG is issued as one marked
     * copy (one line in the viewing record, ledger {@code vault.document.viewed}) kept in memory for a while and
     * shown as page images ({@link #viewerPage}); so is a Word, Excel or PowerPoint file, its marked copy converted
     * to PDF by LibreOffice when the converter is configured (a legacy .doc, .xls or .ppt file converted to PDF
     * first, then marked; if the conversion fails, nothing is issued and the viewing says so). Any other format is
     * not shown and nothing is issued.
     */
    Viewing openViewer(long documentId, Integer version);

    /**
     * Page {@code page} (from 1) of a copy opened in the viewer, as a PNG: only for the person who opened it,
     * while they may still view the document and the copy is still kept.
     */
    byte[] viewerPage(long documentId, long copyId, int page);

    /** Whether the caller may download the document (the access check's answer for DOWNLOAD). */
    boolean mayDownload(long documentId);

    /**
     * A marked copy to download; ledger {@code vault.document.downloaded}. A legacy .doc, .xls or .ppt file is
     * handed out as the .docx, .xlsx or .pptx LibreOffice converts it to, marked; when that cannot be done nothing
     * is issued (HTTP 503). The same holds for {@link #view} and {@link #numberedCopyFile}.
     */
    IssuedFile download(long documentId, Integer version);

    /**
     * The viewing record of a document (every copy issued, newest first): for its 管理責任者, the AUDITOR and the
     * 統括責任者 (CHIEF_OFFICER).
     */
    List<CopyView> records(long documentId);

    /** The document, for those who may read its viewing record ({@link #records}), whether or not they may view it. */
    DocumentView recordedDocument(long documentId);

    /** Whether the caller may read the document's viewing record ({@link #records}). */
    boolean mayReadRecords(long documentId);

    /** Whether the caller may distribute numbered copies of the (live) document: the rule {@link #distribute} applies. */
    boolean mayDistribute(long documentId);

    /**
     * Which of these numbered copies (as {@link #numberedCopies} listed them) offer the caller their controls: the
     * open ones whose file they may take now (the rule of {@link #numberedCopyFile}) and those whose return or
     * destruction they may record (the rule of {@link #settle}). For showing controls only: each act checks again.
     */
    CopyControls copyControls(List<CopyView> copies);

    /** Issues numbered copies to named recipients (ledger {@code vault.copy.distributed}). */
    List<CopyView> distribute(long documentId, DistributionDraft draft);

    /** Numbered copies the caller issued or holds, or every one for CHIEF_OFFICER and AUDITOR; open first. */
    List<CopyView> numberedCopies();

    /** The marked file of a numbered copy, for its issuer or its recipient (ledger {@code vault.copy.downloaded}). */
    IssuedFile numberedCopyFile(long copyId);

    /** Records a numbered copy as returned or destroyed, by its issuer or the entry's 管理責任者. */
    CopyView settle(long copyId, Settlement as, String note);

    /**
     * Reminds the holders of numbered copies due today or earlier (once), and escalates those past their
     * deadline to the issuer and the 統括責任者 (once). Returns the ids of copies escalated. For the scheduler.
     */
    List<Long> remindOverdueCopies();

    /** Disposes of a document: keys destroyed, files removed, a certificate produced (ledger {@code vault.document.disposed}). */
    DocumentView dispose(long documentId, String reason);

    /** Whether the caller may open the document's page ({@link #document} would show it to them). */
    boolean mayOpen(long documentId);

    /**
     * How many numbered copies of the document are still out (not recorded as returned or destroyed), for those who
     * may read the document: disposal does not call them back, so the one who disposes of it is told.
     */
    int outstandingCopies(long documentId);

    /** The disposal certificate (PDF). */
    byte[] certificate(long documentId);

    /**
     * Identifies a (leaked) file: every fingerprint in it and the copies they were issued as, most recently issued
     * first (the likely source; ledger {@code vault.copy.identified}).
     */
    Identification identify(byte[] file);

    /**
     * The names of the given entries that the signed-in user may know of (the register's concealment rule: a
     * concealed entry they may not see, or one no longer designated, is left out and shown by its number).
     */
    java.util.Map<Long, String> entryNames(java.util.Collection<Long> assetIds);

    /**
     * For the command line: the copies of the fingerprints, most recently issued first, without a signed-in user
     * (the operator holds the data directory).
     */
    List<Identification.Match> copiesOfFingerprints(List<String> fingerprints);
}
