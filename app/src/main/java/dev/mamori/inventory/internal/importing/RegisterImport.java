package dev.mamori.inventory.internal.importing;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.ImportedEntry;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.tabular.Encodings;
import dev.mamori.platform.tabular.ImportProperties;
import dev.mamori.platform.tabular.TableReader;
import dev.mamori.platform.tabular.Uploads;

/**
 * Imports of an existing register (CSV in UTF-8 or Shift_JIS, or XLSX) in steps: upload, column mapping
 * when the layout is not known, preview, apply. {@link #preview} keeps the file and checks every row
 * through the register's own rules ({@link Inventory#planImport}), reporting every row's errors and
 * warnings; {@link #apply} reads the kept file again and imports all rows in one transaction, or nothing
 * when any row has an error. An entry of the same name in the same department is updated, not registered
 * twice, so importing the same file again changes nothing. Applying records one
 * {@code inventory.import.applied} entry (with the file's SHA-256 and the counts) besides the records of
 * the entries themselves. Only the uploader sees and applies a preview; it expires after
 * {@code mamori.import.preview-ttl}.
 */
@Service
public class RegisterImport {

    static final String AREA = "inventory";
    private static final Set<ImportField> REQUIRED = EnumSet.of(ImportField.NAME, ImportField.FORMS);

    private final Inventory inventory;
    private final Directory directory;
    private final RegisterImportStore store;
    private final Uploads uploads;
    private final ImportProperties properties;
    private final CurrentUsers users;
    private final Ledger ledger;
    private final Labels labels;
    private final Clock clock;

    RegisterImport(Inventory inventory, Directory directory, RegisterImportStore store, Uploads uploads,
                   ImportProperties properties, CurrentUsers users, Ledger ledger, Labels labels, Clock clock) {
        this.inventory = inventory;
        this.directory = directory;
        this.store = store;
        this.uploads = uploads;
        this.properties = properties;
        this.users = users;
        this.ledger = ledger;
        this.labels = labels;
        this.clock = clock;
    }

    /**
     * Keeps the upload and checks it. {@code encoding} may be blank or {@code auto} (detect);
     * {@code defaultDepartmentId} is the department of rows without one; {@code mapping} (the field of each
     * column, optional) is remembered for files with the same headers.
     */
    @Transactional
    public ImportPreview preview(String fileName, InputStream content, String encoding, Long defaultDepartmentId,
                                 ColumnMapping mapping) {
        List<DepartmentView> allowed = inventory.importableDepartments();
        if (defaultDepartmentId != null && allowed.stream().noneMatch(d -> d.id() == defaultDepartmentId)) {
            throw new AccessRefusedException("inventory.asset.departmentOutOfScope");
        }
        CurrentUser user = users.require();
        Instant now = clock.instant();
        for (UUID expired : store.deleteExpired(now)) {
            Uploads.delete(uploads.fileOf(AREA, expired));
        }
        UUID id = UUID.randomUUID();
        Uploads.Kept kept = uploads.keep(AREA, id, fileName, content, encoding);
        List<List<String>> samples = new ArrayList<>();
        RegisterSheet.Header header = RegisterSheet.read(kept.file(), kept.format(), kept.charset(), new RegisterSheet.Visitor() {
            @Override
            public void header(RegisterSheet.Header h) {
            }

            @Override
            public void row(int number, List<String> cells) {
                if (samples.size() < 3) {
                    samples.add(List.copyOf(cells));
                }
            }
        });
        if (header == null) {
            throw InvalidInputException.onField("file", "inventory.import.empty");
        }
        Layout layout = Layout.of(header.texts());
        List<ImportField> chosen = null;
        if (mapping != null) {
            chosen = checked(mapping.resolve(header.texts()), header.texts().size(), defaultDepartmentId);
            layout = Layout.MAPPED;
            store.remember(header.signature(), chosen, user.accountId());
        } else if (layout == Layout.IPA || layout == Layout.MAMORI) {
            chosen = ImportField.guess(header.texts());
        } else {
            Optional<List<ImportField>> remembered = store.rememberedMapping(header.signature())
                    .filter(m -> m.size() == header.texts().size());
            if (remembered.isPresent()) {
                chosen = remembered.get();
                layout = Layout.REMEMBERED;
            }
        }
        ImportPreview preview = new ImportPreview(id, kept.fileName(), kept.format().name(), kept.encoding(),
                kept.sha256(), layout, header.signature(),
                header.texts(), samples, header.lastRow(), null, defaultDepartmentId, user.accountId(), now,
                now.plus(properties.previewTtl()), 0, 0, 0, 0, 0, 0, null, false);
        store.insert(preview, kept.size());
        if (chosen != null) {
            store.checked(id, layout, chosen, run(preview, chosen, false));
        }
        return store.find(id, now, false).orElseThrow();
    }

    /** Maps the columns of a preview (remembered for files with the same headers) and checks it again. */
    @Transactional
    public ImportPreview map(UUID id, ColumnMapping mapping) {
        Instant now = clock.instant();
        ImportPreview preview = usable(store.find(id, now, true));
        List<ImportField> chosen = checked(mapping.resolve(preview.headers()), preview.headers().size(),
                preview.defaultDepartmentId());
        store.remember(preview.signature(), chosen, users.require().accountId());
        store.checked(id, Layout.MAPPED, chosen, run(preview, chosen, false));
        return store.find(id, now, false).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportPreview find(UUID id) {
        return own(store.find(id, clock.instant(), false));
    }

    /** Findings in file order: all of them, or of one severity. */
    @Transactional(readOnly = true)
    public List<Finding> findings(UUID id, Finding.Severity severity, int page, int size) {
        find(id);
        int safe = Math.min(Math.max(size, 1), 1000);
        return store.findings(id, severity, Math.max(page, 0) * safe, safe);
    }

    @Transactional(readOnly = true)
    public long countFindings(UUID id, Finding.Severity severity) {
        find(id);
        return store.countFindings(id, severity);
    }

    /**
     * Applies a preview: every row in this one transaction with its records and events, and one
     * {@code inventory.import.applied} record. Refused when the file has errors — also errors that appear
     * because the register or the organisation changed since the preview.
     */
    @Transactional
    public ImportPreview apply(UUID id) {
        Instant now = clock.instant();
        ImportPreview preview = usable(store.find(id, now, true));
        if (preview.needsMapping()) {
            throw new InvalidInputException("inventory.import.mappingNeeded");
        }
        RegisterImportStore.Tally check = run(preview, preview.mapping(), false);
        if (check.errors > 0) {
            store.checked(id, preview.layout(), preview.mapping(), check);
            throw new InvalidInputException("inventory.import.hasErrors", check.errors);
        }
        RegisterImportStore.Tally done = run(preview, preview.mapping(), true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", preview.fileName());
        details.put("format", preview.format());
        details.put("encoding", preview.encoding());
        details.put("sha256", preview.sha256());
        details.put("layout", preview.layout().name());
        details.put("defaultDepartmentId", preview.defaultDepartmentId());
        details.put("rows", done.rows);
        details.put("created", done.toCreate);
        details.put("changed", done.toChange);
        details.put("unchanged", done.unchanged);
        ledger.record("inventory.import.applied", Subject.of("assetImport", id), details);
        store.applied(id, now, done);
        Uploads.deleteAfterCommit(uploads.fileOf(AREA, id));
        return store.find(id, now, false).orElseThrow();
    }

    private ImportPreview usable(Optional<ImportPreview> found) {
        ImportPreview preview = own(found);
        if (preview.applied()) {
            throw new ConflictException("inventory.import.alreadyApplied");
        }
        if (preview.expired() || !Files.exists(uploads.fileOf(AREA, preview.id()))) {
            throw new InvalidInputException("inventory.import.previewExpired");
        }
        return preview;
    }

    private ImportPreview own(Optional<ImportPreview> found) {
        inventory.importableDepartments(); // refuses users who may not import
        ImportPreview preview = found.orElseThrow(() -> new NotFoundException("inventory.import.previewNotFound"));
        if (preview.createdBy() != users.require().accountId()) {
            throw new NotFoundException("inventory.import.previewNotFound");
        }
        return preview;
    }

    /** The mapping, one field per column, each field (but IGNORE) at most once, with the required ones. */
    private List<ImportField> checked(List<ImportField> mapping, int columns, Long defaultDepartmentId) {
        List<ImportField> m = new ArrayList<>(mapping.subList(0, Math.min(mapping.size(), columns)));
        while (m.size() < columns) {
            m.add(ImportField.IGNORE);
        }
        Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
        for (ImportField f : m) {
            if (f == null) {
                throw InvalidInputException.onField("mapping", "inventory.import.mappingInvalid");
            }
            if (f != ImportField.IGNORE && !seen.add(f)) {
                throw InvalidInputException.onField("mapping", "inventory.import.mappingTwice",
                        new DefaultMessageSourceResolvable(f.messageKey()));
            }
        }
        for (ImportField f : missing(m, defaultDepartmentId)) {
            throw InvalidInputException.onField("mapping", "inventory.import.mappingMissing",
                    new DefaultMessageSourceResolvable(f.messageKey()));
        }
        return List.copyOf(m);
    }

    private static List<ImportField> missing(List<ImportField> mapping, Long defaultDepartmentId) {
        List<ImportField> missing = new ArrayList<>();
        for (ImportField f : REQUIRED) {
            if (!mapping.contains(f)) {
                missing.add(f);
            }
        }
        if (defaultDepartmentId == null && !mapping.contains(ImportField.DEPARTMENT)) {
            missing.add(ImportField.DEPARTMENT);
        }
        return missing;
    }

    /** Reads the kept file and checks (or, with {@code write}, imports) every row. */
    private RegisterImportStore.Tally run(ImportPreview preview, List<ImportField> mapping, boolean write) {
        RegisterImportStore.Tally tally = new RegisterImportStore.Tally(properties.keptFindings());
        for (ImportField f : missing(mapping, preview.defaultDepartmentId())) {
            tally.add(Finding.error(preview.headerRow(), null, "inventory.import.columnMissing." + f.name()));
        }
        if (tally.errors > 0) {
            return tally;
        }
        Map<String, Optional<PersonView>> people = new HashMap<>();
        RegisterRows rows = new RegisterRows(mapping, directory.listDepartments(), preview.defaultDepartmentId(),
                number -> people.computeIfAbsent(number, directory::findPersonByEmployeeNumber), labels);
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<RegisterRows.Parsed> batch = new ArrayList<>();
        Path file = uploads.fileOf(AREA, preview.id());
        TableReader.Format format = TableReader.Format.valueOf(preview.format());
        Charset charset = preview.encoding() == null ? null : Encodings.named(preview.encoding()).orElse(null);
        RegisterSheet.read(file, format, charset, new RegisterSheet.Visitor() {
            @Override
            public void header(RegisterSheet.Header header) {
            }

            @Override
            public void row(int number, List<String> cells) {
                tally.rows++;
                RegisterRows.Parsed parsed = rows.parse(number, cells);
                parsed.findings().forEach(tally::add);
                if (parsed.failed()) {
                    return;
                }
                String key = parsed.entry().draft().name().strip() + "\u0001" + parsed.entry().draft().departmentId();
                Integer first = firstRowOf.putIfAbsent(key, number);
                if (first != null) {
                    tally.add(Finding.error(number, rows.column(ImportField.NAME), "inventory.import.duplicateRow",
                            parsed.entry().draft().name().strip(), first));
                    return;
                }
                batch.add(parsed);
                if (batch.size() >= Math.max(properties.chunkSize(), 1)) {
                    flush(batch, rows, tally, write);
                }
            }
        });
        flush(batch, rows, tally, write);
        return tally;
    }

    private void flush(List<RegisterRows.Parsed> batch, RegisterRows rows, RegisterImportStore.Tally tally,
                       boolean write) {
        if (batch.isEmpty()) {
            return;
        }
        List<ImportedEntry> entries = batch.stream().map(RegisterRows.Parsed::entry).toList();
        List<ImportedEntry.Outcome> outcomes = write ? inventory.applyImport(entries) : inventory.planImport(entries);
        for (int i = 0; i < outcomes.size(); i++) {
            ImportedEntry.Outcome o = outcomes.get(i);
            switch (o.action()) {
                case CREATE -> tally.toCreate++;
                case CHANGE -> tally.toChange++;
                case UNCHANGED -> tally.unchanged++;
                case REFUSED -> tally.add(refusal(batch.get(i).row(), o, rows));
            }
        }
        batch.clear();
    }

    /** A refusal of the register's rules, on the column of the field it concerns. */
    private static Finding refusal(int row, ImportedEntry.Outcome o, RegisterRows rows) {
        if ("inventory.asset.responsibleRequired".equals(o.messageKey())) {
            return Finding.error(row, rows.column(ImportField.RESPONSIBLE), "inventory.import.noResponsible");
        }
        ImportField field = o.field() == null ? null : switch (o.field()) {
            case "name" -> ImportField.NAME;
            case "departmentId" -> ImportField.DEPARTMENT;
            case "responsiblePersonId" -> ImportField.RESPONSIBLE;
            case "kind" -> ImportField.KIND;
            case "subKind" -> ImportField.SUB_KIND;
            case "forms" -> ImportField.FORMS;
            case "origin" -> ImportField.ORIGIN;
            case "originParty" -> ImportField.ORIGIN_PARTY;
            case "personalInfo" -> ImportField.PERSONAL_INFO;
            case "personalInfoCount" -> ImportField.PERSONAL_COUNT;
            case "contractualDutyTo" -> ImportField.CONTRACT_DUTY_TO;
            default -> null;
        };
        Integer column = field == null ? null : rows.column(field);
        if (column == null && "inventory.asset.departmentOutOfScope".equals(o.messageKey())) {
            column = rows.column(ImportField.DEPARTMENT);
        }
        return Finding.error(row, column, o.messageKey(), o.args().toArray());
    }
}
