package dev.mamori.agreement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.DocumentPrinter;
import dev.mamori.policy.PrintedDocument;

/**
 * The document templates: Mamori's own wording as version 1 of each, companies' edits as further immutable
 * versions (with the text's SHA-256), and documents generated from the newest version (DOCX and PDF through
 * policy's {@link DocumentPrinter}). Everyone signed in reads templates; HR, LEGAL and the 統括責任者 edit them;
 * those and the committee and managers generate the documents given to other companies.
 */
@Service
public class Templates {

    static final String SYSTEM = "Mamori";

    private final TemplateRepository repository;
    private final DocumentPrinter printer;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final AgreementProperties properties;
    private final Clock clock;

    Templates(TemplateRepository repository, DocumentPrinter printer, Ledger ledger, CurrentUsers users,
              AgreementProperties properties, Clock clock) {
        this.repository = repository;
        this.printer = printer;
        this.ledger = ledger;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    public boolean canEdit() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER)).orElse(false);
    }

    public boolean canGenerate() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER))
                .orElse(false);
    }

    // ------------------------------------------------------------ versions

    /** Version 1 of every template that has none yet: Mamori's own wording from the classpath. */
    @Transactional
    public int seedDefaults() {
        int seeded = 0;
        for (TemplateKind kind : TemplateKind.values()) {
            repository.lock(kind);
            if (repository.latest(kind).isPresent()) {
                continue;
            }
            String source = defaultSource(kind);
            TemplateSource.parse(kind, source);
            String sha = sha256(source.getBytes(StandardCharsets.UTF_8));
            repository.insert(kind, 1, source, sha, null, SYSTEM);
            ledger.record("agreement.template.published", subject(kind, 1),
                    Map.of("kind", kind.name(), "number", 1, "sha256", sha, "default", true));
            seeded++;
        }
        return seeded;
    }

    static String defaultSource(TemplateKind kind) {
        try (InputStream in = new ClassPathResource("agreement/templates/" + kind.slug() + ".txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public Map<TemplateKind, TemplateVersion> overview() {
        users.require();
        Map<TemplateKind, TemplateVersion> out = new LinkedHashMap<>();
        for (TemplateKind kind : TemplateKind.values()) {
            repository.latest(kind).ifPresent(v -> out.put(kind, v));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<TemplateVersion> versions(TemplateKind kind) {
        users.require();
        return repository.versions(kind);
    }

    @Transactional(readOnly = true)
    public TemplateVersion version(TemplateKind kind, int number) {
        users.require();
        return repository.version(kind, number).orElseThrow(() -> new NotFoundException(
                "agreement.template.versionNotFound", (Object) kind.slug(), number));
    }

    @Transactional(readOnly = true)
    public TemplateVersion latest(TemplateKind kind) {
        return repository.latest(kind).orElseThrow(() -> new NotFoundException(
                "agreement.template.versionNotFound", (Object) kind.slug(), 1));
    }

    /**
     * Saves an edited text as the next version after checking that it parses and uses only the kind's
     * variables; ledger {@code agreement.template.published} with the text's SHA-256.
     */
    @Transactional
    public TemplateVersion publish(TemplateKind kind, String source, String note) {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER)) {
            throw new AccessRefusedException("agreement.template.editRefused");
        }
        String normalised = source == null ? "" : source.replace("\r\n", "\n");
        TemplateSource.parse(kind, normalised);
        repository.lock(kind);
        var latest = repository.latest(kind);
        if (latest.isPresent() && latest.get().source().equals(normalised)) {
            throw InvalidInputException.onField("source", "agreement.template.unchanged");
        }
        int number = repository.nextNumber(kind);
        String sha = sha256(normalised.getBytes(StandardCharsets.UTF_8));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        repository.insert(kind, number, normalised, sha, cleanNote, user.displayName());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("number", number);
        details.put("sha256", sha);
        details.put("previousSha256", latest.map(TemplateVersion::sha256).orElse(null));
        details.put("note", cleanNote);
        ledger.record("agreement.template.published", subject(kind, number), details);
        return repository.version(kind, number).orElseThrow();
    }

    static Subject subject(TemplateKind kind, int number) {
        return Subject.of("agreement-template", kind.slug() + "/" + number);
    }

    // ------------------------------------------------------------ documents

    /** The values Mamori fills in for every document. */
    Map<String, Object> commonValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("company", printer.companyName());
        values.put("representative", properties.representative());
        values.put("date", today());
        values.put("regulationTitle", properties.regulationTitle());
        return values;
    }

    /**
     * Renders and stores a document of the newest version (no ledger record: the caller records its purpose).
     * With {@code files} false only the text is stored; {@link #ensureFiles} renders DOCX and PDF later.
     */
    GeneratedDocument create(TemplateKind kind, Map<String, Object> ownValues, Long personId, String counterparty,
                             String createdBy, boolean files) {
        TemplateVersion version = latest(kind);
        Map<String, Object> values = commonValues();
        values.putAll(ownValues);
        PrintedDocument printed = version.parsed().render(printer.companyName(), values);
        String content = printed.lines().stream().map(l -> l.kind().name() + "\t" + l.text())
                .collect(Collectors.joining("\n"));
        byte[] docx = files ? printer.docx(printed) : null;
        byte[] pdf = files ? pdfOrNull(printed) : null;
        Map<String, Object> stored = new LinkedHashMap<>();
        values.forEach((k, v) -> stored.put(k, v instanceof LocalDate d ? d.toString() : v));
        long id = repository.insertDocument(version, printed.title(), printed.company(), personId, counterparty, stored,
                content, sha256(content.getBytes(StandardCharsets.UTF_8)), docx, docx == null ? null : sha256(docx), pdf,
                pdf == null ? null : sha256(pdf), createdBy);
        return repository.document(id).orElseThrow();
    }

    /** The document with its DOCX (and PDF, when a font is installed) rendered from its stored text if not yet. */
    GeneratedDocument ensureFiles(long documentId) {
        GeneratedDocument doc = repository.document(documentId)
                .orElseThrow(() -> new NotFoundException("agreement.document.notFound", documentId));
        if (doc.docxSha256() != null && doc.pdfSha256() != null) {
            return doc;
        }
        PrintedDocument printed = printed(documentId, doc.title());
        byte[] docx = doc.docxSha256() != null ? null : printer.docx(printed);
        byte[] pdf = pdfOrNull(printed);
        if (docx == null && pdf == null) {
            return doc;
        }
        repository.storeFiles(documentId, docx != null ? docx : repository.file(documentId, false).orElseThrow(),
                docx != null ? sha256(docx) : doc.docxSha256(), pdf, pdf == null ? null : sha256(pdf));
        return repository.document(documentId).orElseThrow();
    }

    private PrintedDocument printed(long documentId, String title) {
        List<PrintedDocument.Line> lines = content(documentId).lines().map(l -> l.split("\t", 2)).filter(a -> a.length == 2)
                .map(a -> new PrintedDocument.Line(PrintedDocument.Kind.valueOf(a[0]), a[1])).toList();
        return new PrintedDocument(title, repository.company(documentId).orElse(printer.companyName()), lines);
    }

    private byte[] pdfOrNull(PrintedDocument printed) {
        try {
            return printer.pdf(printed);
        } catch (MamoriException e) {
            if (e.status() == 503) {
                return null; // no Japanese font installed: the DOCX is still made, the PDF is refused when asked for
            }
            throw e;
        }
    }

    /**
     * Generates a document for another company (visit, NDA, contract clauses) from the newest version and
     * records {@code agreement.document.generated} with its hashes.
     */
    @Transactional
    public GeneratedDocument generate(TemplateKind kind, Map<String, Object> values) {
        CurrentUser user = users.require();
        if (!canGenerate()) {
            throw new AccessRefusedException("agreement.document.generateRefused");
        }
        if (kind.personal()) {
            throw new InvalidInputException("agreement.document.personalKind");
        }
        String counterparty = TemplateSource.text(values.getOrDefault("counterparty",
                values.getOrDefault("visitorCompany", "")));
        GeneratedDocument doc = create(kind, values, null, counterparty.isEmpty() ? null : counterparty, user.displayName(),
                true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("templateNumber", doc.templateNumber());
        details.put("counterparty", doc.counterparty());
        details.put("textSha256", doc.textSha256());
        details.put("docxSha256", doc.docxSha256());
        details.put("pdfSha256", doc.pdfSha256());
        ledger.record("agreement.document.generated", Subject.of("agreement-document", doc.id()), details);
        return doc;
    }

    @Transactional(readOnly = true)
    public List<GeneratedDocument> generated(TemplateKind kind) {
        if (!canGenerate()) {
            throw new AccessRefusedException("agreement.document.generateRefused");
        }
        return repository.documentsFor(kind, 50);
    }

    /** A document for another company, to those who generate them. */
    @Transactional(readOnly = true)
    public GeneratedDocument document(long id) {
        GeneratedDocument doc = repository.document(id).filter(d -> d.personId() == null)
                .orElseThrow(() -> new NotFoundException("agreement.document.notFound", id));
        if (!canGenerate()) {
            throw new AccessRefusedException("agreement.document.generateRefused");
        }
        return doc;
    }

    @Transactional(readOnly = true)
    public byte[] file(GeneratedDocument doc, boolean pdf) {
        return repository.file(doc.id(), pdf).orElseThrow(() -> pdf
                ? new NotFoundException("agreement.document.noPdf", doc.id())
                : new NotFoundException("agreement.document.notFound", doc.id()));
    }

    /** A pledge's document file, rendered when first asked for (its reader was checked by the pledge service). */
    byte[] fileOf(long documentId, boolean pdf) {
        GeneratedDocument doc = ensureFiles(documentId);
        if (pdf && doc.pdfSha256() == null) {
            printer.pdf(printed(documentId, doc.title())); // refused with the message naming the font package
        }
        return repository.file(documentId, pdf).orElseThrow(() -> pdf
                ? new NotFoundException("agreement.document.noPdf", documentId)
                : new NotFoundException("agreement.document.notFound", documentId));
    }

    String content(long documentId) {
        return repository.content(documentId).orElse("");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
