package dev.mamori.vault.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.access.AccessCheck;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AssetDesignation;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.HeldSecret;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.SecretHoldings;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;
import dev.mamori.policy.Action;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;
import dev.mamori.policy.Recipient;
import dev.mamori.vault.CopyKind;
import dev.mamori.vault.CopyControls;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Identification;
import dev.mamori.vault.IssuedFile;
import dev.mamori.vault.KeyWrapper;
import dev.mamori.vault.Settlement;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultEvents;
import dev.mamori.vault.VersionView;
import dev.mamori.vault.ViewerOnlyException;
import dev.mamori.vault.Viewing;
import dev.mamori.vault.internal.VaultRepository.CopyRow;
import dev.mamori.vault.internal.VaultRepository.DocumentRow;
import dev.mamori.vault.internal.VaultRepository.VersionRow;
import dev.mamori.vault.internal.crypto.Aead;
import dev.mamori.vault.internal.marking.FileFormat;
import dev.mamori.vault.internal.marking.Fingerprints;
import dev.mamori.vault.internal.marking.Mark;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.OfficeConverter;
import dev.mamori.vault.internal.marking.PageImages;
import dev.mamori.vault.internal.marking.Unmarkable;

/**
 * The vault. Permission to view, download, distribute and dispose comes from the access check
 * ({@link Gate}); the 管理責任者 of an entry (its responsible person, or a MANAGER of its department) may also
 * upload, read the viewing record, distribute and dispose. Files are sealed with AES-256-GCM under a fresh data
 * key per version, the key wrapped by the {@link KeyWrapper}; the associated data binds each ciphertext to its
 * file name.
 */
@Service
@Transactional
public class VaultService implements Vault {

    static final Locale MARK_LOCALE = Locale.JAPANESE;
    static final DateTimeFormatter MARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Directory.JAPAN);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VaultService.class);
    private static final Set<Role> IDENTIFIERS = Set.of(Role.CHIEF_OFFICER, Role.IT_SECURITY, Role.AUDITOR, Role.LEGAL);

    private final VaultRepository repo;
    private final VaultStorage storage;
    private final KeyWrapper keys;
    private final ObjectProvider<Markers> markers;
    private final Gate gate;
    private final Refusals refusals;
    private final Inventory inventory;
    private final Directory directory;
    private final Policy policy;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final SecretHoldings secrets;
    private final ViewerCopies viewerCopies;
    /** LibreOffice for showing Word, Excel and PowerPoint files in the viewer; empty when it is off. */
    private final Optional<OfficeConverter> officeConverter;
    /** How copies of legacy .doc, .xls and .ppt files are made (converted by LibreOffice), or refused. */
    private final LegacyOffice legacyOffice;
    private final TransactionTemplate tx;

    VaultService(VaultRepository repo, VaultStorage storage, KeyWrapper keys, ObjectProvider<Markers> markers, Gate gate,
                 Refusals refusals, Inventory inventory, Directory directory, Policy policy, Ledger ledger, CurrentUsers users,
                 Notifications notifications, ApplicationEventPublisher events, MessageSource messages, Clock clock,
                 SecretHoldings secrets, ViewerCopies viewerCopies, ObjectProvider<OfficeConverter> officeConverter,
                 LegacyOffice legacyOffice, TransactionTemplate tx) {
        this.secrets = secrets;
        this.viewerCopies = viewerCopies;
        this.officeConverter = Optional.ofNullable(officeConverter.getIfAvailable());
        this.legacyOffice = legacyOffice;
        this.tx = tx;
        this.repo = repo;
        this.storage = storage;
        this.keys = keys;
        this.markers = markers;
        this.gate = gate;
        this.refusals = refusals;
        this.inventory = inventory;
        this.directory = directory;
        this.policy = policy;
        this.ledger = ledger;
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> entryNames(java.util.Collection<Long> assetIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        secrets.designated(new java.util.HashSet<>(assetIds)).stream().filter(h -> !h.hidden())
                .forEach(h -> names.put(h.assetId(), h.name()));
        return names;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    // ---------------------------------------------------------------- documents

    @Override
    @Transactional(readOnly = true)
    public List<DocumentView> documents(long assetId) {
        CurrentUser me = me();
        Optional<AssetView> asset = visibleAsset(assetId);
        if (!mayRead(me, assetId, asset)) {
            if (asset.isEmpty()) {
                throw new NotFoundException("vault.asset.notFound", String.valueOf(assetId));
            }
            throw Gate.refusal(Action.VIEW);
        }
        return views(repo.documentsOf(assetId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DocumentView> visibleDocuments(int limit) {
        CurrentUser me = me();
        if (me.has(Role.AUDITOR)) {
            return views(repo.latestDocuments(limit));
        }
        // the access check decides per entry: ask it about every entry with documents, then let SQL pick the newest
        // documents among the permitted entries, so old documents still show however many newer ones others have
        List<Long> assets = repo.assetsWithDocuments();
        List<AccessCheck> answers = gate.askAll(assets.stream()
                .map(a -> Gate.question(me.personId(), Action.VIEW, a, Recipient.NONE)).toList());
        List<Long> permitted = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            if (answers.get(i).permitted()) {
                permitted.add(assets.get(i));
            }
        }
        return views(repo.latestDocuments(permitted, limit));
    }

    @Override
    @Transactional(readOnly = true)
    public DocumentView document(long id) {
        CurrentUser me = me();
        DocumentRow row = requireDocument(id);
        Optional<AssetView> asset = visibleAsset(row.assetId());
        if (!mayRead(me, row.assetId(), asset)) {
            if (asset.isEmpty()) {
                throw notFound(id);
            }
            // they see the entry in the register: the document is no secret to them, their lack of access is
            throw new AccessRefusedException("vault.document.notPermitted");
        }
        return view(row);
    }

    /**
     * A new document. A legacy Office file is converted once to prove it can be marked, in a turn at LibreOffice
     * taken before the transaction begins ({@link #inTurn}).
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public DocumentView create(long assetId, String title, Upload file) {
        if (title == null || title.isBlank()) {
            throw InvalidInputException.onField("title", "vault.document.titleRequired");
        }
        checkFile(file);
        return inTurn(FileFormat.of(file.content()).legacy(), slot -> create(assetId, title, file, slot));
    }

    private DocumentView create(long assetId, String title, Upload file, OfficeConverter.Slot slot) {
        CurrentUser me = me();
        requireUpload(me, assetId);
        requireMarkable(file, slot);
        long id = repo.insertDocument(assetId, title.strip(), me.personId());
        VersionRow v = store(id, file, me.personId());
        Map<String, Object> d = versionDetails(assetId, v);
        d.put("title", title.strip());
        ledger.record("vault.document.uploaded", Subject.of("vault-document", id), d);
        events.publishEvent(new VaultEvents.DocumentUploaded(id, assetId, v.number()));
        return view(repo.findDocument(id).orElseThrow());
    }

    /** A new version; a legacy Office file is tried as at {@link #create}. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public DocumentView addVersion(long documentId, Upload file) {
        checkFile(file);
        return inTurn(FileFormat.of(file.content()).legacy(), slot -> addVersion(documentId, file, slot));
    }

    private DocumentView addVersion(long documentId, Upload file, OfficeConverter.Slot slot) {
        CurrentUser me = me();
        DocumentRow row = repo.lockDocument(documentId).orElseThrow(() -> notFound(documentId));
        requireUpload(me, row.assetId());
        requireLive(row);
        requireMarkable(file, slot);
        VersionRow v = store(documentId, file, me.personId());
        ledger.record("vault.version.uploaded", Subject.of("vault-document", documentId), versionDetails(row.assetId(), v));
        events.publishEvent(new VaultEvents.DocumentUploaded(documentId, row.assetId(), v.number()));
        return view(repo.findDocument(documentId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canUpload(long assetId) {
        CurrentUser me = me();
        return mayUpload(me, assetId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean manages(long assetId) {
        CurrentUser me = me();
        return visibleAsset(assetId).map(a -> manages(me, a)).orElse(false);
    }

    /**
     * The 管理責任者 may upload; so may a person the access check lets make copies of the entry (COPY: the policy
     * has no separate "edit" action, and the access module grants EDIT only for disposal).
     */
    private boolean mayUpload(CurrentUser me, long assetId) {
        Optional<AssetView> asset = visibleAsset(assetId);
        if (asset.isPresent() && manages(me, asset.get())) {
            return !asset.get().disposed();
        }
        return gate.ask(me.personId(), Action.COPY, assetId).permitted();
    }

    private void requireUpload(CurrentUser me, long assetId) {
        if (!mayUpload(me, assetId)) {
            throw new AccessRefusedException("vault.upload.refused");
        }
    }

    /**
     * Refuses a file that could never be handed out marked (a PDF that opens only with a password, an encrypted
     * Office file, an image that cannot be read, a legacy Office file LibreOffice cannot convert or where there is
     * no LibreOffice): its marking is tried once, in memory, before anything is stored — a legacy Office file's
     * on its conversion, in the turn at LibreOffice taken before the transaction.
     */
    private void requireMarkable(Upload file, OfficeConverter.Slot slot) {
        Markers m = markers.getObject();
        Optional<Unmarkable> problem = m.problem(file.content());
        if (problem.isEmpty()) {
            problem = legacyOffice.problem(file.content(), FileFormat.of(file.content()), m, slot);
        }
        if (problem.isPresent()) {
            throw InvalidInputException.onField("file", problem.get().messageKey());
        }
    }

    /** The marked copy; a stored file that cannot be marked (kept from before uploads were checked) is refused, not served. */
    private byte[] marked(byte[] plain, Mark mark) {
        try {
            return markers.getObject().mark(plain, mark);
        } catch (RuntimeException e) {
            log.warn("a stored file cannot be marked: {}", e.toString());
            throw new ConflictException("vault.file.unmarkable");
        }
    }

    private VersionRow store(long documentId, Upload file, long by) {
        byte[] dataKey = Aead.newKey();
        String name = UUID.randomUUID() + ".mva";
        try {
            byte[] sealed = Aead.seal(dataKey, file.content(), associated(name));
            byte[] wrapped = keys.wrap(dataKey);
            storage.write(name, sealed);
            deleteOnRollback(name);
            // the content decides the type; the uploader's claim is not kept (it would be served back one day)
            String type = FileFormat.of(file.content()).contentType();
            long id = repo.insertVersion(documentId, fileName(file.fileName()), type, file.content().length,
                    sha256(file.content()), name, keys.keyId(), wrapped, by);
            return repo.findVersion(id).orElseThrow();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The plaintext of a version; refused when its key was destroyed or the ciphertext fails authentication. */
    byte[] open(VersionRow v) {
        if (v.wrappedKey() == null) {
            throw new ConflictException("vault.document.shredded");
        }
        byte[] key = keys.unwrap(v.keyId(), v.wrappedKey());
        try {
            return Aead.open(key, storage.read(v.storageName()), associated(v.storageName()));
        } catch (Aead.TamperedException e) {
            throw new ConflictException("vault.file.tampered");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static String associated(String storageName) {
        return "mamori-vault-file:" + storageName;
    }

    /** The demo company's documents: stored as the given person without asking anyone (demo loading only). */
    long storeAsSystem(long assetId, String title, Upload file, long byPersonId) {
        long id = repo.insertDocument(assetId, title, byPersonId);
        VersionRow v = store(id, file, byPersonId);
        Map<String, Object> d = versionDetails(assetId, v);
        d.put("title", title);
        ledger.record("vault.document.uploaded", Subject.of("vault-document", id), d);
        return id;
    }

    /** A demo meeting's numbered copy (its deadline may be past): demo loading only. */
    void distributeAsSystem(long documentId, String purpose, LocalDate dueOn, PersonView recipient, long byPersonId) {
        VersionRow v = pickVersion(documentId, null);
        long distributionId = repo.insertDistribution(documentId, v.id(), purpose, dueOn, byPersonId);
        long copyId = repo.insertCopy(documentId, v.id(), CopyKind.NUMBERED, recipient.id(), recipient.name(),
                recipient.employeeNumber(), byPersonId, Fingerprints.newFingerprint(), true, distributionId, dueOn);
        ledger.record("vault.copy.distributed", Subject.of("vault-document", documentId),
                Map.of("distributionId", distributionId, "purpose", purpose, "dueOn", dueOn.toString(), "copyIds", List.of(copyId)));
    }

    // ---------------------------------------------------------------- views and downloads

    /** A marked copy to view in the browser; a legacy Office file converted in a turn taken first ({@link #inTurn}). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public IssuedFile view(long documentId, Integer version) {
        return inTurn(storedFormat(documentId, version).legacy(),
                slot -> issue(documentId, version, CopyKind.VIEW, Action.VIEW, "vault.document.viewed", slot));
    }

    /** A marked copy to download; a legacy Office file converted in a turn taken first ({@link #inTurn}). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public IssuedFile download(long documentId, Integer version) {
        return inTurn(storedFormat(documentId, version).legacy(),
                slot -> issue(documentId, version, CopyKind.DOWNLOAD, Action.DOWNLOAD, "vault.document.downloaded", slot));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayDownload(long documentId) {
        CurrentUser me = me();
        return repo.findDocument(documentId).map(r -> gate.ask(me.personId(), Action.DOWNLOAD, r.assetId()).permitted())
                .orElse(false);
    }

    /**
     * Runs the work in a transaction of its own (or in the caller's, when called inside one). When the work converts
     * a Word, Excel or PowerPoint file with LibreOffice, the turn at LibreOffice is waited for <em>before</em> that
     * transaction begins: those waiting hold no database connection, and no more transactions wait on LibreOffice
     * than {@code mamori.vault.viewer.office-conversions}. The conversion itself runs inside the transaction, so
     * when it fails or runs out of time everything the work recorded is rolled back with it.
     */
    private <T> T inTurn(boolean converts, java.util.function.Function<OfficeConverter.Slot, T> work) {
        if (!converts || officeConverter.isEmpty()) {
            return tx.execute(status -> work.apply(null));
        }
        try (OfficeConverter.Slot slot = officeConverter.get().slot()) {
            return tx.execute(status -> work.apply(slot));
        }
    }

    /**
     * The format of the version as stored (the type told by its content at upload; {@code OTHER} when there is no
     * such version, which is told later). A legacy Office file stored before the vault told them apart is
     * {@code OTHER} here; its copy, told by the content, still is converted, in a turn taken then. Read in a short
     * transaction of its own, so that no connection stays bound to the thread while it waits for its turn.
     */
    private FileFormat storedFormat(long documentId, Integer version) {
        return tx.execute(status -> findVersion(documentId, version).map(VaultService::storedFormat).orElse(FileFormat.OTHER));
    }

    /**
     * A marked copy as a file. A view hands over the file as completely as a download does, so it takes the
     * download's permission as well: someone who may only view is shown the document in the viewer instead.
     */
    private IssuedFile issue(long documentId, Integer version, CopyKind kind, Action action, String ledgerAction,
                             OfficeConverter.Slot slot) {
        CurrentUser me = me();
        DocumentRow row = repo.findDocument(documentId).orElseThrow(() -> notFound(documentId));
        AccessCheck check = permit(me, row, action, version);
        requireLive(row);
        if (kind == CopyKind.VIEW && !gate.ask(me.personId(), Action.DOWNLOAD, row.assetId()).permitted()) {
            throw new ViewerOnlyException();
        }
        repo.lockDocument(documentId);
        VersionRow v = pickVersion(documentId, version);
        byte[] plain = open(v);
        LegacyOffice.Source source = legacyOffice.forFile(plain, FileFormat.of(plain), slot,
                "document " + v.documentId() + " version " + v.number());
        return handOut(me, row, v, source, kind, check, ledgerAction, Map.of()).file();
    }

    /**
     * Opens the viewer. A Word, Excel or PowerPoint file is issued exactly like a PDF (the same marked copy, copy
     * number, viewing record line and ledger entry); then LibreOffice converts the <em>marked</em> copy to PDF and
     * the viewer keeps and shows that PDF, so its pages carry the visible mark and every page image the copy's
     * fingerprint. A legacy .doc, .xls or .ppt file, which nothing marks as it is, is converted to PDF by LibreOffice
     * first, and that PDF is issued and marked as a PDF is.
     * <p>
     * The conversion runs inside the transaction that issues the copy, before it commits. When it fails or runs out
     * of time the transaction is rolled back: no copy, no line in the viewing record, no ledger entry — nobody saw
     * anything, so nothing is recorded as seen (the failure is logged for the operator) — and the viewer says the
     * document could not be shown. The price is a transaction (a connection and the document's lock) open while
     * LibreOffice runs, at most {@code mamori.vault.viewer.office-timeout}. So the turn at LibreOffice is waited for
     * <em>before</em> the transaction begins (the transaction is this method's own, by a template, for that reason):
     * those waiting hold no connection, and no more transactions wait on LibreOffice than
     * {@code mamori.vault.viewer.office-conversions}.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Viewing openViewer(long documentId, Integer version) {
        if (officeConverter.isEmpty() || !OfficeConverter.converts(storedFormat(documentId, version), FileFormat.PDF)) {
            return tx.execute(status -> openViewer(documentId, version, null, status));
        }
        try (OfficeConverter.Slot slot = officeConverter.get().slot()) {
            return tx.execute(status -> openViewer(documentId, version, slot, status));
        }
    }

    private Viewing openViewer(long documentId, Integer version, OfficeConverter.Slot slot, TransactionStatus status) {
        CurrentUser me = me();
        DocumentRow row = repo.findDocument(documentId).orElseThrow(() -> notFound(documentId));
        AccessCheck check = permit(me, row, Action.VIEW, version);
        requireLive(row);
        boolean mayDownload = gate.ask(me.personId(), Action.DOWNLOAD, row.assetId()).permitted();
        repo.lockDocument(documentId);
        VersionRow v = pickVersion(documentId, version);
        byte[] plain = open(v);
        FileFormat stored = FileFormat.of(plain);
        boolean converted = officeConverter.isPresent() && OfficeConverter.converts(stored, FileFormat.PDF);
        if (!PageImages.pageable(stored) && !converted) {
            // nothing is shown, so nothing is issued: the viewer tells them to download it (or to ask for that), or,
            // for a legacy file no copy of which can be handed out here, why not
            boolean noCopies = !legacyOffice.handsOutCopies(stored);
            return new Viewing(documentId, v.number(), stored.name(), null, null, 0, mayDownload && !noCopies, false,
                    noCopies, legacyOffice.marksCopies(stored));
        }
        Issued issued;
        byte[] shown;
        FileFormat shownFormat;
        try {
            Optional<LegacyOffice.Source> pdf = legacyOffice.forViewer(plain, stored, slot);
            issued = handOut(me, row, v, pdf.orElseGet(() -> LegacyOffice.Source.stored(plain, stored)), CopyKind.VIEW,
                    check, "vault.document.viewed", Map.of("viewer", true));
            shown = issued.file().content();
            shownFormat = issued.format();
            if (!PageImages.pageable(shownFormat)) {
                shown = markers.getObject().viewerPdf(toPdf(issued, slot), issued.format(), issued.mark());
                shownFormat = FileFormat.PDF;
            }
        } catch (OfficeConverter.ConversionFailed e) {
            log.warn("Document {} version {} could not be converted for the viewer, nothing issued: {}", documentId,
                    v.number(), e.getMessage());
            status.setRollbackOnly();
            return new Viewing(documentId, v.number(), stored.name(), null, null, 0, mayDownload, true, false,
                    legacyOffice.marksCopies(stored));
        }
        if (!viewerCopies.fits(shown.length)) {
            throw new ConflictException("vault.viewer.tooLarge");
        }
        int pages = PageImages.count(shown, shownFormat);
        ViewerCopies.Entry kept = new ViewerCopies.Entry(issued.file().copyId(), documentId, me.personId(), shownFormat,
                shown, pages, issued.fingerprint(), clock.instant());
        afterCommit(() -> viewerCopies.put(kept));
        return new Viewing(documentId, v.number(), stored.name(), issued.file().copyId(), issued.file().copyNumber(),
                pages, mayDownload, false, false, legacyOffice.marksCopies(stored));
    }

    /**
     * The marked Office copy as a PDF, in the turn at LibreOffice taken before the transaction; without one (the
     * version turned out to be an Office file only after that was looked at, e.g. a new version uploaded since)
     * a turn is taken now.
     */
    private byte[] toPdf(Issued issued, OfficeConverter.Slot slot) throws OfficeConverter.ConversionFailed {
        if (slot != null) {
            return slot.convert(issued.file().content(), issued.format(), FileFormat.PDF);
        }
        return officeConverter.orElseThrow().convert(issued.file().content(), issued.format(), FileFormat.PDF);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] viewerPage(long documentId, long copyId, int page) {
        CurrentUser me = me();
        Optional<ViewerCopies.Entry> kept = viewerCopies.get(copyId);
        if (kept.isEmpty()) {
            // no longer kept (or never opened in a viewer): someone else's copy is still refused as such
            CopyRow c = repo.findCopy(copyId).filter(x -> x.documentId() == documentId && x.kind() == CopyKind.VIEW)
                    .orElseThrow(() -> new NotFoundException("vault.viewer.pageNotFound", String.valueOf(page)));
            if (c.personId() != me.personId()) {
                throw new AccessRefusedException("vault.viewer.notYours");
            }
            throw new NotFoundException("vault.viewer.expired", viewerCopies.ttl().toMinutes());
        }
        ViewerCopies.Entry e = kept.get();
        if (e.documentId() != documentId) {
            throw new NotFoundException("vault.viewer.pageNotFound", String.valueOf(page));
        }
        if (e.personId() != me.personId()) {
            throw new AccessRefusedException("vault.viewer.notYours");
        }
        if (page < 1 || page > e.pages()) {
            throw new NotFoundException("vault.viewer.pageNotFound", String.valueOf(page));
        }
        // still theirs to view: not disposed of meanwhile, the access not withdrawn
        DocumentRow row = requireDocument(documentId);
        requireLive(row);
        if (!gate.ask(me.personId(), Action.VIEW, row.assetId()).permitted()) {
            throw Gate.refusal(Action.VIEW);
        }
        return PageImages.page(e.marked(), e.format(), page, e.fingerprint());
    }

    /**
     * The access check's permit for the act, or the refusal (recorded; "not found" for those who may not know of the
     * document: neither may read it nor see its entry in the register).
     */
    private AccessCheck permit(CurrentUser me, DocumentRow row, Action action, Integer version) {
        AccessCheck check = gate.ask(me.personId(), action, row.assetId());
        if (!check.permitted()) {
            boolean known = knowsOf(me, row.assetId(), visibleAsset(row.assetId()));
            refused(action == Action.VIEW ? "vault.document.viewRefused" : "vault.document.downloadRefused", row.id(),
                    row.assetId(), version, check, known);
            if (!known) {
                throw notFound(row.id());
            }
            throw Gate.refusal(action);
        }
        return check;
    }

    /** A copy handed out: the file, the format of what was marked, its fingerprint and its mark (null if unmarked). */
    private record Issued(IssuedFile file, FileFormat format, String fingerprint, Mark mark) {
    }

    /**
     * Issues a marked copy of the version to the caller: a line in the viewing record (the next copy number) and
     * in the ledger. The copy is made of the source (the stored file, or what LibreOffice converted it to). The
     * caller holds the document's lock.
     */
    private Issued handOut(CurrentUser me, DocumentRow row, VersionRow v, LegacyOffice.Source source, CopyKind kind,
                           AccessCheck check, String ledgerAction, Map<String, Object> details) {
        long documentId = row.id();
        PersonView person = directory.findPerson(me.personId()).orElseThrow(() -> new AccessRefusedException("vault.noPerson"));
        String fingerprint = Fingerprints.newFingerprint();
        long copyId = repo.insertCopy(documentId, v.id(), kind, me.personId(), person.name(), person.employeeNumber(),
                me.personId(), fingerprint, source.marked(), null, null);
        CopyRow copy = repo.findCopy(copyId).orElseThrow();
        Mark mark = source.marked() ? mark(copy, check.levelCode(), row.assetId()) : null;
        byte[] marked = mark != null ? marked(source.bytes(), mark) : source.bytes();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", row.assetId());
        d.put("version", v.number());
        d.put("copyId", copyId);
        d.put("copyNumber", copy.copyNumber());
        d.put("fingerprint", fingerprint);
        d.put("marked", source.marked());
        converted(d, source);
        d.put("outcome", check.outcome() == null ? null : check.outcome().name());
        d.put("obligations", check.obligations() == null ? List.of() : check.obligations().stream().map(Enum::name).sorted().toList());
        d.putAll(details);
        ledger.record(ledgerAction, Subject.of("vault-document", documentId), d);
        IssuedFile file = new IssuedFile(copyFileName(source.fileName(v.fileName()), copy.copyNumber()),
                source.format().contentType(), marked, copyId, copy.copyNumber());
        return new Issued(file, source.format(), fingerprint, mark);
    }

    /** For the ledger: the stored format and the one it was converted to, when the copy was made of a conversion. */
    private static void converted(Map<String, Object> details, LegacyOffice.Source source) {
        if (source.convertedFrom() != null) {
            details.put("convertedFrom", source.convertedFrom().name());
            details.put("convertedTo", source.format().name());
        }
    }

    /**
     * Records an attempt the access check refused (who: the ledger's actor), committed on its own although
     * the caller's transaction rolls back: which document and version, the check's outcome and reason, and whether the caller could
     * see the document at all (if not, they were told it does not exist).
     */
    private void refused(String action, long documentId, long assetId, Integer version, AccessCheck check, boolean visible) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", assetId);
        d.put("version", version);
        d.put("outcome", check.outcome() == null ? null : check.outcome().name());
        d.put("reason", check.reasonKey());
        d.put("reasonArgs", check.reasonArgs());
        d.put("visible", visible);
        refusals.record(action, Subject.of("vault-document", documentId), d);
    }

    private VersionRow pickVersion(long documentId, Integer number) {
        return findVersion(documentId, number)
                .orElseThrow(() -> new NotFoundException("vault.version.notFound", String.valueOf(number)));
    }

    /** The version of the number, or the latest when {@code number} is null. */
    private Optional<VersionRow> findVersion(long documentId, Integer number) {
        return repo.versionsOf(documentId).stream().filter(v -> number == null || v.number() == number).findFirst();
    }

    /**
     * The visible line and fingerprint of a copy, always worded in Japanese (the documents' language). The marking
     * is the entry's own when its designation gave one (e.g. 「極秘（開発部限り）」), else the level's marking with
     * the level's default scope.
     */
    Mark mark(CopyRow copy, String levelCode, long assetId) {
        Level level = levelCode == null ? null
                : policy.levels().stream().filter(l -> l.code().equals(levelCode)).findFirst().orElse(null);
        Optional<String> own = level == null ? Optional.empty()
                : entryMarking(assetId).filter(m -> !m.equals(level.marking()));
        String levelText = level == null ? msg("vault.mark.notDesignated")
                : own.isPresent() ? own.get()
                : level.defaultScope() == null || level.defaultScope().isBlank() ? level.marking()
                : msg("vault.mark.levelWithScope", level.marking(), level.defaultScope());
        String number = msg("vault.mark.copyNumber", String.valueOf(copy.copyNumber()));
        String line = msg("vault.mark.line", levelText, copy.recipientName(),
                copy.employeeNumber() == null ? "-" : copy.employeeNumber(), MARK_TIME.format(copy.issuedAt()), number);
        return new Mark(line, number, copy.fingerprint());
    }

    /**
     * The marking text the entry's designation set (the register stores the level's marking when none was given);
     * empty when the entry is not designated or the signed-in user may not know of it (a concealed level).
     */
    private Optional<String> entryMarking(long assetId) {
        return secrets.designated(List.of(assetId)).stream().filter(h -> !h.hidden()).map(HeldSecret::marking)
                .filter(m -> m != null && !m.isBlank()).map(String::strip).findFirst();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, MARK_LOCALE);
    }

    // ---------------------------------------------------------------- viewing record

    @Override
    @Transactional(readOnly = true)
    public List<CopyView> records(long documentId) {
        CurrentUser me = me();
        DocumentRow row = requireDocument(documentId);
        requireRecordReader(me, row);
        return copyViews(repo.copiesOf(documentId));
    }

    @Override
    @Transactional(readOnly = true)
    public DocumentView recordedDocument(long documentId) {
        CurrentUser me = me();
        DocumentRow row = requireDocument(documentId);
        requireRecordReader(me, row);
        return view(row);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayReadRecords(long documentId) {
        CurrentUser me = me();
        return repo.findDocument(documentId).map(r -> mayReadRecords(me, visibleAsset(r.assetId()))).orElse(false);
    }

    /**
     * Who reads a document's viewing record: the AUDITOR, the 統括責任者 (CHIEF_OFFICER, who answers for incidents;
     * of an entry they see in the register) and the entry's 管理責任者.
     */
    private boolean mayReadRecords(CurrentUser me, Optional<AssetView> asset) {
        return me.has(Role.AUDITOR)
                || me.has(Role.CHIEF_OFFICER) && asset.isPresent()
                || asset.map(a -> manages(me, a)).orElse(false);
    }

    private void requireRecordReader(CurrentUser me, DocumentRow row) {
        Optional<AssetView> asset = visibleAsset(row.assetId());
        if (mayReadRecords(me, asset)) {
            return;
        }
        if (!knowsOf(me, row.assetId(), asset)) {
            throw notFound(row.id());
        }
        throw new AccessRefusedException("vault.records.refused");
    }

    // ---------------------------------------------------------------- numbered copies

    @Override
    public List<CopyView> distribute(long documentId, DistributionDraft draft) {
        if (draft.purpose() == null || draft.purpose().isBlank()) {
            throw InvalidInputException.onField("purpose", "vault.copy.purposeRequired");
        }
        if (draft.dueOn() == null || draft.dueOn().isBefore(today())) {
            throw InvalidInputException.onField("dueOn", "vault.copy.dueInvalid");
        }
        List<Long> recipients = draft.recipientPersonIds() == null ? List.of() : draft.recipientPersonIds();
        List<String> numbers = draft.recipientEmployeeNumbers() == null ? List.of()
                : draft.recipientEmployeeNumbers().stream().map(n -> n == null ? "" : n.strip()).filter(n -> !n.isEmpty()).toList();
        String recipientsField = numbers.isEmpty() ? "recipientPersonIds" : "recipientEmployeeNumbers";
        if (recipients.size() + numbers.size() == 0 || recipients.size() + numbers.size() > 200) {
            throw InvalidInputException.onField(recipientsField, "vault.copy.recipientsRequired");
        }
        CurrentUser me = me();
        DocumentRow row = repo.lockDocument(documentId).orElseThrow(() -> notFound(documentId));
        AccessCheck check = distributeCheck(me, row.assetId());
        if (!check.permitted()) {
            if (!knowsOf(me, row.assetId(), visibleAsset(row.assetId()))) {
                throw notFound(documentId);
            }
            throw Gate.refusal(Action.DISTRIBUTE);
        }
        requireLive(row);
        VersionRow v = pickVersion(documentId, null);
        FileFormat format = FileFormat.of(open(v));
        legacyOffice.requireCopies(format);
        if (!legacyOffice.marksCopies(format)) {
            // a numbered copy exists to be traced to its recipient: one that carries no mark would be untraceable
            throw new InvalidInputException("vault.copy.unmarkable",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(formatKey(format)));
        }
        List<PersonView> people = new ArrayList<>();
        for (Long id : recipients) {
            PersonView p = id == null ? null : directory.findPerson(id).orElse(null);
            if (p == null) {
                throw InvalidInputException.onField("recipientPersonIds", "vault.copy.recipientUnknown", String.valueOf(id));
            }
            people.add(p);
        }
        List<String> unknown = new ArrayList<>();
        for (String number : numbers) {
            directory.findPersonByEmployeeNumber(number).ifPresentOrElse(people::add, () -> unknown.add(number));
        }
        if (!unknown.isEmpty()) {
            throw InvalidInputException.onField("recipientEmployeeNumbers", "vault.copy.employeeNumbersUnknown",
                    String.join(", ", unknown));
        }
        // one copy per person, however often they were named
        java.util.Set<Long> seen = new java.util.HashSet<>();
        people.removeIf(p -> !seen.add(p.id()));
        for (PersonView p : people) {
            if (!gate.ask(p.id(), Action.VIEW, row.assetId()).permitted()) {
                throw InvalidInputException.onField(recipientsField, "vault.copy.recipientRefused", p.name());
            }
        }
        long distributionId = repo.insertDistribution(documentId, v.id(), draft.purpose().strip(), draft.dueOn(), me.personId());
        List<CopyRow> copies = new ArrayList<>();
        for (PersonView p : people) {
            long copyId = repo.insertCopy(documentId, v.id(), CopyKind.NUMBERED, p.id(), p.name(), p.employeeNumber(),
                    me.personId(), Fingerprints.newFingerprint(), true, distributionId, draft.dueOn());
            CopyRow c = repo.findCopy(copyId).orElseThrow();
            copies.add(c);
            notifications.toPerson(p.id(), new Notice("vault.notice.copyIssued",
                    List.of(row.title(), String.valueOf(c.copyNumber()), draft.dueOn().toString()), "/vault/copies"));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", row.assetId());
        d.put("distributionId", distributionId);
        d.put("version", v.number());
        d.put("purpose", draft.purpose().strip());
        d.put("dueOn", draft.dueOn().toString());
        d.put("copies", copies.stream().map(c -> Map.of("copyId", c.id(), "copyNumber", c.copyNumber(),
                "personId", c.personId(), "fingerprint", c.fingerprint())).toList());
        ledger.record("vault.copy.distributed", Subject.of("vault-document", documentId), d);
        return copyViews(copies);
    }

    /** The access check's answer to distributing numbered copies of the entry's documents to its access holders. */
    private AccessCheck distributeCheck(CurrentUser me, long assetId) {
        return gate.ask(me.personId(), Action.DISTRIBUTE, assetId, Recipient.ACCESS_HOLDER);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayDistribute(long documentId) {
        CurrentUser me = me();
        return repo.findDocument(documentId).filter(r -> r.disposedAt() == null)
                .map(r -> distributeCheck(me, r.assetId()).permitted()).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public CopyControls copyControls(List<CopyView> copies) {
        CurrentUser me = users.require();
        if (me.personId() == null) {
            return new CopyControls(Set.of(), Set.of());
        }
        Set<Long> fetchable = new HashSet<>();
        Set<Long> settleable = new HashSet<>();
        Map<Long, Boolean> managed = new HashMap<>(); // per entry: the register and the department tree once each
        for (CopyView c : copies) {
            if (!c.open()) {
                continue;
            }
            if (!c.documentDisposed() && fetches(me.personId(), c.personId(), c.issuedByPersonId())) {
                fetchable.add(c.id());
            }
            if (settles(me, c.issuedByPersonId(), c.assetId(), managed)) {
                settleable.add(c.id());
            }
        }
        return new CopyControls(fetchable, settleable);
    }

    /** Who takes a numbered copy's file: its recipient and its issuer. */
    private static boolean fetches(long personId, long recipientId, long issuedBy) {
        return recipientId == personId || issuedBy == personId;
    }

    /** Who records a numbered copy's return or destruction: its issuer and the entry's 管理責任者. */
    private boolean settles(CurrentUser me, long issuedBy, long assetId, Map<Long, Boolean> managed) {
        return issuedBy == me.personId()
                || managed.computeIfAbsent(assetId, a -> visibleAsset(a).map(v -> manages(me, v)).orElse(false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CopyView> numberedCopies() {
        CurrentUser me = users.require();
        if (me.hasAny(Role.CHIEF_OFFICER, Role.AUDITOR)) {
            return copyViews(repo.numberedCopies(null));
        }
        if (me.personId() == null) {
            return List.of();
        }
        return copyViews(repo.numberedCopies(me.personId(), managedAmong(me, repo.assetsWithNumberedCopies())));
    }

    /** The entries among the given ones the user is 管理責任者 of (the same rule as {@link #manages(CurrentUser, AssetView)}). */
    private List<Long> managedAmong(CurrentUser me, List<Long> assetIds) {
        Set<Long> departments = me.has(Role.MANAGER) ? directory.departmentSubtrees(me.managedDepartmentIds()) : Set.of();
        return inventory.designations(assetIds).stream()
                .filter(d -> d.responsiblePersonId() == me.personId() || departments.contains(d.departmentId()))
                .map(AssetDesignation::assetId).toList();
    }

    /** Open numbered copies the person holds or issued (for tasks); no caller checks. */
    @Transactional(readOnly = true)
    public List<CopyView> openCopiesOf(long personId) {
        return copyViews(repo.numberedCopies(personId).stream().filter(c -> c.settledAt() == null).toList());
    }

    /**
     * A numbered copy's file, marked as issued (its number and fingerprint, so the paper matches the tracker), for
     * its recipient or its issuer. Taken under the lock disposal takes, so a disposal that committed meanwhile is
     * seen and nothing is served after it. When someone other than the recipient (the issuer, to print it) takes
     * the file, that is a copy leaving the vault as well: it is recorded in the viewing record as a download for
     * the recipient by the issuer, with the version, and in the ledger. A legacy Office file is converted each time
     * (in a turn at LibreOffice taken first, {@link #inTurn}); when that fails, nothing is recorded.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public IssuedFile numberedCopyFile(long copyId) {
        boolean legacy = tx.execute(status -> repo.findCopy(copyId).flatMap(c -> repo.findVersion(c.versionId()))
                .map(v -> storedFormat(v).legacy()).orElse(false));
        return inTurn(legacy, slot -> numberedCopyFile(copyId, slot));
    }

    private IssuedFile numberedCopyFile(long copyId, OfficeConverter.Slot slot) {
        CurrentUser me = me();
        CopyRow c = repo.findCopy(copyId).filter(x -> x.kind() == CopyKind.NUMBERED)
                .orElseThrow(() -> new NotFoundException("vault.copy.notFound", String.valueOf(copyId)));
        if (!fetches(me.personId(), c.personId(), c.issuedBy())) {
            throw new AccessRefusedException("vault.copy.notYours");
        }
        if (c.settledAt() != null) {
            throw new ConflictException("vault.copy.settled");
        }
        DocumentRow row = repo.lockDocument(c.documentId()).orElseThrow(() -> notFound(c.documentId()));
        requireLive(row);
        AccessCheck check = c.issuedBy() == me.personId()
                ? gate.require(me.personId(), Action.DISTRIBUTE, row.assetId(), Recipient.ACCESS_HOLDER)
                : gate.require(me.personId(), Action.VIEW, row.assetId(), Recipient.NONE);
        VersionRow v = repo.findVersion(c.versionId()).orElseThrow();
        byte[] plain = open(v);
        LegacyOffice.Source source = legacyOffice.forFile(plain, FileFormat.of(plain), slot,
                "document " + v.documentId() + " version " + v.number());
        byte[] marked = source.marked() ? marked(source.bytes(), mark(c, check.levelCode(), row.assetId())) : source.bytes();
        Long recordId = null;
        if (c.personId() != me.personId()) {
            recordId = repo.insertCopy(c.documentId(), v.id(), CopyKind.DOWNLOAD, c.personId(), c.recipientName(),
                    c.employeeNumber(), me.personId(), Fingerprints.newFingerprint(), source.marked(), c.distributionId(), null);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("documentId", c.documentId());
        d.put("assetId", row.assetId());
        d.put("version", v.number());
        d.put("copyNumber", c.copyNumber());
        d.put("personId", c.personId());
        d.put("fetchedBy", me.personId());
        d.put("recordCopyId", recordId);
        d.put("marked", source.marked());
        converted(d, source);
        ledger.record("vault.copy.downloaded", Subject.of("vault-copy", copyId), d);
        return new IssuedFile(copyFileName(source.fileName(v.fileName()), c.copyNumber()), source.format().contentType(),
                marked, c.id(), c.copyNumber());
    }

    @Override
    public CopyView settle(long copyId, Settlement as, String note) {
        if (as == null) {
            throw InvalidInputException.onField("settledAs", "vault.copy.settlementRequired");
        }
        CurrentUser me = me();
        CopyRow c = repo.findCopy(copyId).filter(x -> x.kind() == CopyKind.NUMBERED)
                .orElseThrow(() -> new NotFoundException("vault.copy.notFound", String.valueOf(copyId)));
        DocumentRow row = requireDocument(c.documentId());
        if (!settles(me, c.issuedBy(), row.assetId(), new HashMap<>())) {
            throw new AccessRefusedException("vault.copy.notIssuer");
        }
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > 200) {
            throw InvalidInputException.onField("note", "vault.form.tooLong");
        }
        if (repo.settle(copyId, as, clean) == 0) {
            throw new ConflictException("vault.copy.settled");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("documentId", c.documentId());
        d.put("copyNumber", c.copyNumber());
        d.put("personId", c.personId());
        d.put("note", clean);
        ledger.record(as == Settlement.RETURNED ? "vault.copy.returned" : "vault.copy.destroyed", Subject.of("vault-copy", copyId), d);
        return copyViews(List.of(repo.findCopy(copyId).orElseThrow())).get(0);
    }

    @Override
    public List<Long> remindOverdueCopies() {
        LocalDate today = today();
        List<Long> reminded = new ArrayList<>();
        for (CopyRow c : repo.copiesToRemind(today)) {
            String title = repo.findDocument(c.documentId()).map(DocumentRow::title).orElse("");
            Notice notice = new Notice("vault.notice.copyDue", List.of(title, String.valueOf(c.copyNumber()), c.dueOn().toString()), "/vault/copies");
            notifications.toPerson(c.personId(), notice);
            ledger.record("vault.copy.reminded", Subject.of("vault-copy", c.id()), Map.of("personId", c.personId(), "dueOn", c.dueOn().toString()));
            reminded.add(c.id());
        }
        repo.markReminded(reminded, today);
        List<Long> escalated = new ArrayList<>();
        for (CopyRow c : repo.copiesToEscalate(today)) {
            String title = repo.findDocument(c.documentId()).map(DocumentRow::title).orElse("");
            Notice notice = new Notice("vault.notice.copyOverdue",
                    List.of(title, String.valueOf(c.copyNumber()), c.recipientName(), c.dueOn().toString()), "/vault/copies");
            notifications.toPerson(c.issuedBy(), notice);
            notifications.toRole(Role.CHIEF_OFFICER, notice);
            // and the entry's 管理責任者: its responsible person and the MANAGERs of its department or one above it
            Long assetId = repo.findDocument(c.documentId()).map(DocumentRow::assetId).orElse(null);
            if (assetId != null) {
                for (AssetDesignation d : inventory.designations(List.of(assetId))) {
                    if (d.responsiblePersonId() != c.issuedBy()) {
                        notifications.toPerson(d.responsiblePersonId(), notice);
                    }
                    directory.departmentsWithAncestors(List.of(d.departmentId()))
                            .forEach(department -> notifications.toManagersOf(department, notice));
                }
            }
            ledger.record("vault.copy.escalated", Subject.of("vault-copy", c.id()),
                    Map.of("personId", c.personId(), "issuedBy", c.issuedBy(), "dueOn", c.dueOn().toString()));
            events.publishEvent(new VaultEvents.CopyOverdue(c.id(), c.documentId(), c.personId()));
            escalated.add(c.id());
        }
        repo.markEscalated(escalated, today);
        return escalated;
    }

    // ---------------------------------------------------------------- disposal

    @Override
    public DocumentView dispose(long documentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.onField("reason", "vault.disposal.reasonRequired");
        }
        CurrentUser me = me();
        DocumentRow row = repo.lockDocument(documentId).orElseThrow(() -> notFound(documentId));
        Optional<AssetView> asset = visibleAsset(row.assetId());
        boolean manager = asset.map(a -> manages(me, a)).orElse(false);
        AccessCheck check = manager ? null : gate.ask(me.personId(), Action.DISPOSE, row.assetId());
        if (!manager && !check.permitted()) {
            boolean known = knowsOf(me, row.assetId(), asset);
            refused("vault.document.disposalRefused", documentId, row.assetId(), null, check, known);
            if (!known) {
                throw notFound(documentId);
            }
            throw new AccessRefusedException("vault.disposal.refused");
        }
        requireLive(row);
        List<VersionRow> versions = repo.versionsOf(documentId);
        int shredded = repo.shredKeys(documentId);
        Instant at = clock.instant();
        String by = directory.findPerson(me.personId()).map(PersonView::name).orElse(me.displayName());
        byte[] certificate = new DisposalCertificate(markers.getObject(), messages).write(row, asset.map(AssetView::name).orElse(null),
                versions, by, reason.strip(), at);
        repo.markDisposed(documentId, me.personId(), reason.strip(), certificate);
        List<String> files = versions.stream().map(VersionRow::storageName).toList();
        afterCommit(() -> {
            files.forEach(storage::delete);
            for (VersionRow v : versions) {
                if (v.wrappedKey() == null) {
                    continue;
                }
                try {
                    keys.destroyed(v.keyId(), v.wrappedKey());
                } catch (RuntimeException e) { // the disposal stands; the KMS's key must then be destroyed by hand
                    org.slf4j.LoggerFactory.getLogger(VaultService.class).error(
                            "Disposal of document {}: the key store did not destroy the key of version {} ({}); destroy it by hand",
                            documentId, v.number(), v.keyId(), e);
                }
            }
        });
        afterCommit(() -> viewerCopies.evictDocument(documentId));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", row.assetId());
        d.put("reason", reason.strip());
        d.put("keysDestroyed", shredded);
        d.put("versions", versions.stream().map(v -> Map.of("number", v.number(), "sha256", v.sha256(),
                "keyId", v.keyId() == null ? "" : v.keyId())).toList());
        d.put("certificateSha256", sha256(certificate));
        ledger.record("vault.document.disposed", Subject.of("vault-document", documentId), d);
        events.publishEvent(new VaultEvents.DocumentDisposed(documentId, row.assetId()));
        return view(repo.findDocument(documentId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayOpen(long documentId) {
        CurrentUser me = me();
        return repo.findDocument(documentId).map(r -> mayRead(me, r.assetId(), visibleAsset(r.assetId()))).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public int outstandingCopies(long documentId) {
        CurrentUser me = me();
        DocumentRow row = requireDocument(documentId);
        if (!mayRead(me, row.assetId(), visibleAsset(row.assetId()))) {
            throw notFound(documentId);
        }
        return (int) repo.copiesOf(documentId).stream()
                .filter(c -> c.kind() == CopyKind.NUMBERED && c.settledAt() == null).count();
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] certificate(long documentId) {
        CurrentUser me = me();
        DocumentRow row = requireDocument(documentId);
        requireRecordReader(me, row);
        return repo.certificate(documentId).orElseThrow(() -> new NotFoundException("vault.certificate.notFound"));
    }

    // ---------------------------------------------------------------- identification

    @Override
    public Identification identify(byte[] file) {
        CurrentUser me = users.require();
        if (file == null || file.length == 0) {
            throw InvalidInputException.onField("file", "vault.identify.fileEmpty");
        }
        FileFormat format = FileFormat.of(file);
        List<String> fingerprints = markers.getObject().identify(file);
        List<CopyRow> copies = repo.findCopiesByFingerprints(fingerprints).stream().filter(c -> mayIdentify(me, c)).toList();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", format.name());
        d.put("fingerprint", copies.isEmpty() ? fingerprints.stream().findFirst().orElse(null) : copies.get(0).fingerprint());
        d.put("copyId", copies.isEmpty() ? null : copies.get(0).id());
        d.put("fingerprints", fingerprints);
        d.put("copyIds", copies.stream().map(CopyRow::id).toList());
        ledger.record("vault.copy.identified", identified(copies), d);
        // a legacy Office file's copies are converted before they are marked, so a .doc, .xls or .ppt carries none
        return new Identification(format.name(), format.markable() && !format.legacy(), fingerprints, matches(copies));
    }

    /** The ledger's subject of an identification: the likely source (the most recently issued copy found). */
    private static Subject identified(List<CopyRow> copies) {
        return Subject.of("vault-copy", copies.isEmpty() ? "unknown" : (Object) copies.get(0).id());
    }

    private List<Identification.Match> matches(List<CopyRow> copies) {
        List<CopyView> views = copyViews(copies);
        List<Identification.Match> out = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            out.add(new Identification.Match(copies.get(i).fingerprint(), views.get(i)));
        }
        return out;
    }

    private boolean mayIdentify(CurrentUser me, CopyRow c) {
        if (IDENTIFIERS.stream().anyMatch(me::has)) {
            return true;
        }
        if (me.personId() != null && c.issuedBy() == me.personId()) {
            return true;
        }
        return me.personId() != null && requireDocumentOptional(c.documentId())
                .flatMap(d -> visibleAsset(d.assetId())).map(a -> manages(me, a)).orElse(false);
    }

    @Override
    public List<Identification.Match> copiesOfFingerprints(List<String> fingerprints) {
        List<CopyRow> copies = repo.findCopiesByFingerprints(fingerprints);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fingerprint", copies.isEmpty() ? fingerprints.stream().findFirst().orElse(null) : copies.get(0).fingerprint());
        d.put("copyId", copies.isEmpty() ? null : copies.get(0).id());
        d.put("fingerprints", fingerprints);
        d.put("copyIds", copies.stream().map(CopyRow::id).toList());
        d.put("channel", "cli");
        ledger.record("vault.copy.identified", identified(copies), d);
        return matches(copies);
    }

    // ---------------------------------------------------------------- helpers

    private CurrentUser me() {
        CurrentUser u = users.require();
        if (u.personId() == null) {
            throw new AccessRefusedException("vault.noPerson");
        }
        return u;
    }

    private DocumentRow requireDocument(long id) {
        return repo.findDocument(id).orElseThrow(() -> notFound(id));
    }

    private Optional<DocumentRow> requireDocumentOptional(long id) {
        return repo.findDocument(id);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("vault.document.notFound", String.valueOf(id));
    }

    private static void requireLive(DocumentRow row) {
        if (row.disposedAt() != null) {
            throw new ConflictException("vault.document.disposed");
        }
    }

    /** The register entry when the signed-in user may see it in the register. */
    private Optional<AssetView> visibleAsset(long assetId) {
        return inventory.findAsset(assetId);
    }

    /** The entry's 管理責任者: its responsible person, or a MANAGER of its department or a department above it. */
    private boolean manages(CurrentUser me, AssetView asset) {
        if (me.personId() != null && asset.responsiblePersonId() == me.personId()) {
            return true;
        }
        if (!me.has(Role.MANAGER)) {
            return false;
        }
        return me.managedDepartmentIds().stream().anyMatch(d -> directory.departmentSubtree(d).contains(asset.departmentId()));
    }

    private boolean mayRead(CurrentUser me, long assetId, Optional<AssetView> asset) {
        return me.has(Role.AUDITOR) && asset.isPresent()
                || asset.map(a -> manages(me, a)).orElse(false)
                || gate.ask(me.personId(), Action.VIEW, assetId).permitted();
    }

    /**
     * Whether the caller may know that a document of the entry exists: they may read it, or they see the entry in
     * the register. Refusals to them say so (403); anyone else is told the document does not exist (404).
     */
    private boolean knowsOf(CurrentUser me, long assetId, Optional<AssetView> asset) {
        return asset.isPresent() || mayRead(me, assetId, asset);
    }

    private static void checkFile(Upload file) {
        if (Upload.missing(file)) {
            throw InvalidInputException.onField("file", "vault.file.empty");
        }
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "document";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? "document" : base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String copyFileName(String fileName, int copyNumber) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "_No" + copyNumber + fileName.substring(dot)
                : fileName + "_No" + copyNumber;
    }

    private Map<String, Object> versionDetails(long assetId, VersionRow v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", assetId);
        d.put("version", v.number());
        d.put("fileName", v.fileName());
        d.put("size", v.size());
        d.put("sha256", v.sha256());
        d.put("keyId", v.keyId());
        return d;
    }

    private void deleteOnRollback(String name) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        storage.delete(name);
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DocumentView> views(List<DocumentRow> rows) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> view(r, names)).toList();
    }

    private DocumentView view(DocumentRow r) {
        return view(r, new HashMap<>());
    }

    private DocumentView view(DocumentRow r, Map<Long, String> names) {
        List<VersionView> versions = repo.versionsOf(r.id()).stream().map(v -> {
            String format = formatOf(v);
            return new VersionView(v.id(), v.number(), v.fileName(), v.contentType(), v.size(), v.sha256(), v.uploadedAt(),
                    v.uploadedBy(), name(v.uploadedBy(), names), format, legacyOffice.marksCopies(FileFormat.valueOf(format)),
                    v.wrappedKey() == null);
        }).toList();
        return new DocumentView(r.id(), r.assetId(), r.title(), r.createdAt(), r.createdBy(), name(r.createdBy(), names),
                r.disposedAt(), r.disposedBy() == null ? null : name(r.disposedBy(), names), r.disposalReason(), versions);
    }

    /** The format the version was told to be at upload (by its content), from its stored content type. */
    private static FileFormat storedFormat(VersionRow v) {
        return FileFormat.valueOf(formatOf(v));
    }

    /** The message key of a format's name for people (e.g. 「PDF」, 「その他の形式」). */
    static String formatKey(FileFormat format) {
        return "vault.format." + format.name();
    }

    private static String formatOf(VersionRow v) {
        for (FileFormat f : FileFormat.values()) {
            if (f != FileFormat.OTHER && f.contentType().equals(v.contentType())) {
                return f.name();
            }
        }
        return FileFormat.OTHER.name();
    }

    private String name(long personId, Map<Long, String> names) {
        return names.computeIfAbsent(personId, id -> directory.findPerson(id).map(PersonView::name).orElse(String.valueOf(id)));
    }

    private List<CopyView> copyViews(List<CopyRow> rows) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Optional<DocumentRow>> docs = new HashMap<>();
        Map<Long, Integer> versionNumbers = new HashMap<>();
        return rows.stream().map(c -> {
            Optional<DocumentRow> d = docs.computeIfAbsent(c.documentId(), repo::findDocument);
            int number = versionNumbers.computeIfAbsent(c.versionId(), id -> repo.findVersion(id).map(VersionRow::number).orElse(0));
            return new CopyView(c.id(), c.documentId(), d.map(DocumentRow::title).orElse(""), d.map(DocumentRow::assetId).orElse(0L),
                    number, c.copyNumber(), c.kind(), c.personId(), c.recipientName(), c.employeeNumber(), c.issuedAt(),
                    c.issuedBy(), name(c.issuedBy(), names), c.marked(), c.distributionId(), c.purpose(), c.dueOn(),
                    c.settledAt(), c.settledAs(), c.settledNote(), d.map(r -> r.disposedAt() != null).orElse(false));
        }).toList();
    }
}
