package dev.mamori.directory.internal.importing;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.platform.tabular.Encodings;
import dev.mamori.platform.tabular.TableReader;
import dev.mamori.platform.tabular.Uploads;
import dev.mamori.platform.tabular.ImportProperties;

/**
 * Imports of people and departments from HR files (CSV in UTF-8 or Shift_JIS, or XLSX) in two steps.
 * {@link #preview} keeps the upload under {@code <data dir>/imports/} and reports what applying it
 * would do (rows to create, change and leave alone, every row's errors, the events); {@link #apply}
 * reads the kept file again and makes all the changes in one transaction, or none when any row has an
 * error. Applying records one {@code directory.import.applied} entry besides the entries of the
 * changes themselves, so re-importing the same file leaves only that entry. Previews expire after
 * {@code mamori.import.preview-ttl}; only the uploader (or a system administrator) sees and applies one.
 */
@Service
public class DirectoryImport {

    private final PeopleImport people;
    private final DepartmentsImport departments;
    private final ImportPreviews previews;
    private final Uploads uploads;
    private final ImportProperties properties;
    private final CurrentUsers users;
    private final Ledger ledger;
    private final Clock clock;

    DirectoryImport(PeopleImport people, DepartmentsImport departments, ImportPreviews previews,
                    Uploads uploads, ImportProperties properties, CurrentUsers users, Ledger ledger, Clock clock) {
        this.people = people;
        this.departments = departments;
        this.previews = previews;
        this.uploads = uploads;
        this.properties = properties;
        this.users = users;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Keeps the upload and previews it. {@code encoding} may be blank or {@code auto} (detect). */
    @Transactional
    public ImportPreview preview(ImportKind kind, String fileName, InputStream content, String encoding) {
        CurrentUser user = users.require();
        Instant now = clock.instant();
        purgeExpired(now);
        UUID id = UUID.randomUUID();
        Uploads.Kept kept = uploads.keep(null, id, fileName, content, encoding);
        Tally tally = run(kind, kept.file(), kept.format(), kept.charset(), false);
        var stored = new ImportPreviews.Stored(id, kind, kept.fileName(), kept.format().name(), kept.encoding(),
                kept.sha256(), kept.size());
        previews.insert(stored, user.accountId(), now, now.plus(properties.previewTtl()), tally);
        return previews.find(id, now).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportPreview find(UUID id) {
        return visible(previews.find(id, clock.instant()));
    }

    /** A page of the preview's errors, in file order. */
    @Transactional(readOnly = true)
    public FindingPage errors(UUID id, int page, int size) {
        find(id);
        return previews.findings(id, "ERROR", Math.max(page, 0), Math.min(Math.max(size, 1), 1000));
    }

    /** A page of the events applying the preview would publish, in file order. */
    @Transactional(readOnly = true)
    public FindingPage events(UUID id, int page, int size) {
        find(id);
        return previews.findings(id, "EVENT", Math.max(page, 0), Math.min(Math.max(size, 1), 1000));
    }

    /**
     * Applies a preview: all its changes in this one transaction, with their ledger entries and
     * events, and one summary entry. Refused when the file had errors, or has errors now because the
     * directory changed since the preview.
     */
    @Transactional
    public ImportPreview apply(UUID id) {
        Instant now = clock.instant();
        ImportPreview preview = visible(previews.lock(id, now));
        if (preview.applied()) {
            throw new ConflictException("directory.import.alreadyApplied");
        }
        if (preview.expired() || !Files.exists(fileOf(id))) {
            throw new InvalidInputException("directory.import.previewExpired");
        }
        if (preview.errorCount() > 0) {
            throw new InvalidInputException("directory.import.hasErrors", preview.errorCount());
        }
        Path file = fileOf(id);
        previews.planEachStatementAnew();
        TableReader.Format format = TableReader.Format.valueOf(preview.format());
        Charset charset = preview.encoding() == null ? null : Encodings.named(preview.encoding()).orElse(null);
        Tally tally = run(preview.kind(), file, format, charset, true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", preview.kind().name());
        details.put("fileName", preview.fileName());
        details.put("format", preview.format());
        details.put("encoding", preview.encoding());
        details.put("sha256", preview.sha256());
        details.put("rows", tally.rows);
        details.put("created", tally.toCreate);
        details.put("changed", tally.toChange);
        details.put("unchanged", tally.unchanged);
        details.put("events", tally.eventCounts);
        ledger.record("directory.import.applied", Subject.of("import", id), details);
        previews.markApplied(id, now, tally);
        Uploads.deleteAfterCommit(file);
        return previews.find(id, now).orElseThrow();
    }

    private Tally run(ImportKind kind, Path file, TableReader.Format format, Charset charset, boolean write) {
        return kind == ImportKind.PEOPLE ? people.run(file, format, charset, write)
                : departments.run(file, format, charset, write);
    }

    private ImportPreview visible(java.util.Optional<ImportPreview> found) {
        CurrentUser user = users.require();
        ImportPreview preview = found.orElseThrow(() -> new NotFoundException("directory.import.previewNotFound"));
        if (preview.createdBy() != user.accountId() && !user.has(Role.SYSTEM_ADMIN)) {
            throw new AccessRefusedException("directory.import.notYours");
        }
        return preview;
    }

    private void purgeExpired(Instant now) {
        for (UUID expired : previews.deleteExpired(now)) {
            Uploads.delete(fileOf(expired));
        }
    }

    private Path fileOf(UUID id) {
        return uploads.fileOf(null, id);
    }
}
