package dev.mamori.policy.internal.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.pdf.PdfFonts;
import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Policy;

/**
 * The generated regulations: drafts from the scheme and standard in force, immutable published versions
 * (text, DOCX and PDF with their SHA-256), their differences, and the acknowledgements a publication asks
 * of the people in its scope. Anyone signed in reads published versions; drafts and publishing are for the
 * 統括責任者 (CHIEF_OFFICER) and the committee.
 */
@Service
public class Documents {

    /** Who is asked to acknowledge: people who work for the company now (not 入社予定, not 退職済). */
    static final Set<PersonStatus> IN_SCOPE = Set.of(PersonStatus.ACTIVE, PersonStatus.ON_LEAVE, PersonStatus.LEAVING);

    private static final java.util.regex.Pattern VERSION_LINE = java.util.regex.Pattern.compile("第\\d+版　.*施行|草案（未公表）");

    private final Policy policy;
    private final Directory directory;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final DocumentRepository repository;
    private final DocumentProperties properties;
    private final CompanyProperties company;
    private final MamoriProperties mamori;
    private final MessageSource messages;
    private final Clock clock;

    Documents(Policy policy, Directory directory, Ledger ledger, CurrentUsers users, DocumentRepository repository,
              DocumentProperties properties, CompanyProperties company, MamoriProperties mamori,
              MessageSource messages, Clock clock) {
        this.policy = policy;
        this.directory = directory;
        this.ledger = ledger;
        this.users = users;
        this.repository = repository;
        this.properties = properties;
        this.company = company;
        this.mamori = mamori;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    public String companyName() {
        return company.nameOr(mamori.demo());
    }

    public DocumentContext.Titles titles() {
        return new DocumentContext.Titles(properties.chiefOfficerTitle(), properties.managerTitle(),
                properties.committeeName());
    }

    /** The font the PDFs embed; refused with a message naming the package to install when there is none. */
    public Path font() {
        return locateFont(properties.font(), PdfFonts.KNOWN_LOCATIONS);
    }

    /** The platform's font search, refused with the documents' own messages (they name mamori.documents.font). */
    static Path locateFont(Path configured, java.util.List<Path> candidates) {
        return PdfFonts.locate(configured == null ? null : configured.toString(), candidates,
                "policy.document.fontUnusable", "policy.document.fontMissing");
    }

    /** Whether the caller may preview drafts and publish. */
    public boolean canPublish() {
        return users.current().map(u -> u.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)).orElse(false);
    }

    // ------------------------------------------------------------ generation and drafts

    /** The document generated from the standard in force now, as a version with the given number and date. */
    DocModel generate(DocumentKind kind, Integer number, LocalDate effectiveOn) {
        DocumentContext context = new DocumentContext(companyName(), number, effectiveOn, titles(), policy.standard());
        return DocumentTexts.generate(kind, context, wording());
    }

    RuleWording wording() {
        return new RuleWording(titles(), key -> messages.getMessage(key, null, key, Locale.JAPANESE));
    }

    public DocModel draft(DocumentKind kind) {
        requirePublisher();
        return generate(kind, null, null);
    }

    public byte[] draftDocx(DocumentKind kind) {
        DocModel draft = draft(kind);
        return DocxRenderer.render(draft.lines(), draft.title(), companyName());
    }

    public byte[] draftPdf(DocumentKind kind) {
        DocModel draft = draft(kind);
        return PdfRenderer.render(draft.lines(), draft.title(), companyName(), font());
    }

    /** What the draft would change against the newest version (everything added when there is none). */
    @Transactional(readOnly = true)
    public List<LineDiff.Line> draftChanges(DocumentKind kind) {
        requirePublisher();
        var latest = repository.versions(kind).stream().findFirst();
        // the draft's effective date is not decided yet: compare it as if it kept the newest version's date
        List<DocLine> draft = generate(kind, null, latest.map(VersionSummary::effectiveOn).orElse(null)).lines();
        return LineDiff.diff(comparable(latest.map(this::lines).orElse(List.of())), comparable(draft));
    }

    // ------------------------------------------------------------ published versions

    @Transactional(readOnly = true)
    public List<KindOverview> overview() {
        users.require();
        Map<DocumentKind, VersionSummary> latest = repository.latest().stream()
                .collect(Collectors.toMap(VersionSummary::kind, v -> v));
        return Arrays.stream(DocumentKind.values()).map(k -> new KindOverview(k, latest.get(k))).toList();
    }

    @Transactional(readOnly = true)
    public List<VersionSummary> versions(DocumentKind kind) {
        users.require();
        return repository.versions(kind);
    }

    @Transactional(readOnly = true)
    public VersionSummary version(DocumentKind kind, int number) {
        users.require();
        return repository.version(kind, number)
                .orElseThrow(() -> new NotFoundException("policy.document.versionNotFound", (Object) kind.titleJa(), number));
    }

    /** A version's text as it was published. */
    @Transactional(readOnly = true)
    public List<DocLine> lines(VersionSummary version) {
        String content = repository.content(version.id()).orElse("");
        return content.isEmpty() ? List.of() : content.lines().map(DocLine::decode).toList();
    }

    @Transactional(readOnly = true)
    public byte[] docx(DocumentKind kind, int number) {
        return repository.file(version(kind, number).id(), false).orElseThrow();
    }

    @Transactional(readOnly = true)
    public byte[] pdf(DocumentKind kind, int number) {
        return repository.file(version(kind, number).id(), true).orElseThrow();
    }

    /** The changes from one version to another of the same document (the version lines left out). */
    @Transactional(readOnly = true)
    public List<LineDiff.Line> diff(DocumentKind kind, int from, int to) {
        return LineDiff.diff(comparable(lines(version(kind, from))), comparable(lines(version(kind, to))));
    }

    /** The version line (「第3版　…施行」) differs between any two versions; it is not a change of content. */
    private static List<DocLine> comparable(List<DocLine> lines) {
        return lines.stream().filter(l -> l.kind() != DocLine.Kind.META || !VERSION_LINE.matcher(l.text()).matches())
                .toList();
    }

    // ------------------------------------------------------------ publishing

    /**
     * Publishes the document generated now as the next version: stores its text, DOCX and PDF with their
     * SHA-256, asks every person in scope to acknowledge it by the due date, stops asking for older versions
     * of the same document, and records {@code policy.document.published}.
     */
    @Transactional
    public VersionSummary publish(DocumentKind kind, PublishRequest request) {
        CurrentUser publisher = requirePublisher();
        LocalDate today = today();
        LocalDate effectiveOn = request.effectiveOn() == null ? today : request.effectiveOn();
        return publish(kind, effectiveOn, request.departmentIds(), Instant.now(clock), today.plusDays(properties.acknowledgementDays()),
                publisher.accountId(), publisher.displayName());
    }

    /** Publishes as the given publisher at the given time (also the demo company's past publications). */
    VersionSummary publish(DocumentKind kind, LocalDate effectiveOn, List<Long> departmentIds, Instant at,
                           LocalDate dueOn, Long accountId, String publisherName) {
        Set<Long> departments = scope(departmentIds);
        repository.lockKind(kind);
        int number = repository.nextNumber(kind);
        DocModel model = generate(kind, number, effectiveOn);
        List<DocLine> lines = model.lines();
        String content = lines.stream().map(DocLine::encode).collect(Collectors.joining("\n"));
        byte[] docx = DocxRenderer.render(lines, model.title(), companyName());
        byte[] pdf = PdfRenderer.render(lines, model.title(), companyName(), font());
        String textSha = sha256(content.getBytes(StandardCharsets.UTF_8));
        String docxSha = sha256(docx);
        String pdfSha = sha256(pdf);
        List<DocumentRepository.Addressee> addressees = addressees(departments);
        long id = repository.insert(new DocumentRepository.NewVersion(kind, number, model.title(), companyName(),
                effectiveOn, at, accountId, publisherName, departments == null, departmentIds, dueOn, content, textSha,
                docx, docxSha, pdf, pdfSha));
        repository.insertAddressees(id, dueOn, addressees);
        int superseded = repository.supersedeBefore(kind, number);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("number", number);
        details.put("effectiveOn", effectiveOn.toString());
        details.put("dueOn", dueOn.toString());
        details.put("scope", departments == null ? "ALL" : departmentIds);
        details.put("people", addressees.size());
        details.put("supersededAcknowledgements", superseded);
        details.put("textSha256", textSha);
        details.put("docxSha256", docxSha);
        details.put("pdfSha256", pdfSha);
        ledger.record("policy.document.published", subject(kind, number), details);
        return repository.version(kind, number).orElseThrow();
    }

    static Subject subject(DocumentKind kind, int number) {
        return Subject.of("policy-document", kind.slug() + "/" + number);
    }

    /** The departments and their sub-departments, or null for everyone. */
    private Set<Long> scope(List<Long> departmentIds) {
        if (departmentIds == null || departmentIds.isEmpty()) {
            return null;
        }
        Map<Long, DepartmentView> all = directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, d -> d));
        Set<Long> subtree = new HashSet<>();
        for (Long id : departmentIds) {
            DepartmentView d = all.get(id);
            if (d == null || !d.active()) {
                throw InvalidInputException.onField("departmentIds", "policy.document.departmentUnknown", id);
            }
            subtree.addAll(directory.departmentSubtree(id));
        }
        return subtree;
    }

    private List<DocumentRepository.Addressee> addressees(Set<Long> departments) {
        List<DocumentRepository.Addressee> out = new ArrayList<>();
        directory.forEachPerson(1000, page -> {
            for (PersonView p : page) {
                if (!IN_SCOPE.contains(p.status())) {
                    continue;
                }
                Long department = p.primaryDepartment() == null ? null : p.primaryDepartment().id();
                if (departments != null) {
                    department = p.departments().stream().map(PersonView.DepartmentRef::id)
                            .filter(departments::contains).findFirst().orElse(null);
                    if (department == null) {
                        continue;
                    }
                }
                out.add(new DocumentRepository.Addressee(p.id(), p.employeeNumber(), p.name(), department));
            }
        });
        return out;
    }

    private CurrentUser requirePublisher() {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            throw new AccessRefusedException("policy.document.publishRefused");
        }
        return user;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
