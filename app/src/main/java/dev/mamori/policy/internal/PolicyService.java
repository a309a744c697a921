package dev.mamori.policy.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.Role;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.DesignatedEntries;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.LevelEdit;
import dev.mamori.policy.ExceptionDepartment;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.RuleChange;
import dev.mamori.policy.RuleDraft;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChange;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Standard;

/**
 * Keeps the standard in memory as an immutable {@link Standard}; changes write to the database, record
 * the ledger entry and swap in a freshly loaded standard after commit.
 */
@Service
class PolicyService implements Policy {

    /** The handbook warns that many levels make classification and handling hard to keep up. */
    static final int RECOMMENDED_MAX_LEVELS = 3;

    private final PolicyRepository repository;
    private final Ledger ledger;
    private final CurrentUsers currentUsers;
    private final AtomicReference<Standard> current = new AtomicReference<>();
    private final SchemeChanges scheme;

    // the standard editor and the departments' exceptions (their work lives in these two helpers)
    private final ExceptionRepository exceptions;
    private final java.time.Clock clock;
    private final StandardEditing editing;
    private final ExceptionDesk desk;

    PolicyService(PolicyRepository repository, Ledger ledger, CurrentUsers currentUsers, SchemeChanges scheme,
                  ExceptionRepository exceptions, dev.mamori.directory.Directory directory, java.time.Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.currentUsers = currentUsers;
        this.scheme = scheme;
        this.exceptions = exceptions;
        this.clock = clock;
        this.editing = new StandardEditing(repository, ledger, currentUsers, clock, this::standard);
        this.desk = new ExceptionDesk(exceptions, ledger, currentUsers, directory, clock, this::standard);
    }

    @Override
    public List<Level> levels() {
        return standard().levels();
    }

    @Override
    public Standard standard() {
        Standard s = current.get();
        if (s == null) {
            s = reload();
        }
        return s;
    }

    @Override
    public PolicyDecision decide(DecisionRequest request) {
        return standard().decide(request);
    }

    @Override
    public List<PolicyDecision> ask(List<DecisionRequest> requests) {
        CurrentUser caller = currentUsers.require();
        boolean privileged = caller.hasAny(Role.IT_SECURITY, Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER);
        Standard s = standard();
        return requests.stream().map(r -> {
            if (r.personId() == null) {
                r = r.forPerson(caller.personId());
            } else if (!r.personId().equals(caller.personId()) && !privileged) {
                throw new AccessRefusedException("policy.decision.otherPersonRefused");
            }
            if (r.action() == null || r.levelCode() == null) {
                throw new InvalidInputException("policy.decision.incomplete");
            }
            return s.decide(r);
        }).toList();
    }

    // ---------------------------------------------------------------- the standard editor

    @Override
    @Transactional
    public RuleChange saveRule(String levelCode, Aspect aspect, Medium medium, RuleDraft draft) {
        return reloadingIfChanged(editing.save(levelCode, aspect, medium, draft));
    }

    @Override
    @Transactional
    public RuleChange resetRule(String levelCode, Aspect aspect, Medium medium) {
        return reloadingIfChanged(editing.reset(levelCode, aspect, medium));
    }

    @Override
    public Optional<HandlingRule> handbookRule(String levelCode, Aspect aspect, Medium medium) {
        return StandardEditing.handbookRule(levelCode, aspect, medium);
    }

    private RuleChange reloadingIfChanged(RuleChange change) {
        if (change.changed()) {
            reloadAfterCommit();
        }
        return change;
    }

    // ---------------------------------------------------------------- departments' exceptions

    @Override
    @Transactional(readOnly = true)
    public List<ExceptionRequest> exceptions(ExceptionStatus status) {
        return desk.list(status);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExceptionRequest> exceptionsInForce() {
        return desk.inForce();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExceptionDepartment> exceptionDepartments() {
        return desk.departments();
    }

    @Override
    @Transactional
    public ExceptionRequest requestException(ExceptionDraft draft) {
        return desk.request(draft);
    }

    @Override
    @Transactional
    public ExceptionRequest approveException(long id, String note) {
        ExceptionRequest e = desk.approve(id, note);
        reloadAfterCommit();
        return e;
    }

    @Override
    @Transactional
    public ExceptionRequest rejectException(long id, String reason) {
        return desk.reject(id, reason);
    }

    @Override
    @Transactional
    public ExceptionRequest revokeException(long id, String reason) {
        ExceptionRequest e = desk.revoke(id, reason);
        reloadAfterCommit();
        return e;
    }

    // ---------------------------------------------------------------- the scheme

    @Override
    @Transactional
    public LevelChange addLevel(LevelDraft d) {
        if (d == null || blank(d.code()) || blank(d.nameJa()) || blank(d.nameEn()) || blank(d.marking()) || d.rank() < 1) {
            throw new InvalidInputException("policy.level.invalid");
        }
        String code = d.code().trim().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw InvalidInputException.onField("code", "policy.level.codeInvalid");
        }
        if (repository.levelExists(code)) {
            throw ConflictException.onField("code", "policy.level.codeTaken", code);
        }
        if (repository.rankTaken(d.rank())) {
            throw ConflictException.onField("rank", "policy.level.rankTaken", d.rank());
        }
        String colour = blank(d.colour()) ? "#555555" : d.colour().trim();
        if (!colour.matches("#[0-9a-fA-F]{6}")) {
            throw InvalidInputException.onField("colour", "policy.level.colourInvalid");
        }
        Level level = new Level(code, d.nameJa().trim(), d.nameEn().trim(), d.rank(), colour, d.marking().trim(),
                blank(d.defaultScope()) ? "" : d.defaultScope().trim(), d.concealed());
        repository.insert(level);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nameJa", level.nameJa());
        details.put("nameEn", level.nameEn());
        details.put("rank", level.rank());
        details.put("concealed", level.concealed());
        ledger.record("policy.level.added", Subject.of("level", code), details);
        reloadAfterCommit();
        boolean many = repository.levels().size() > RECOMMENDED_MAX_LEVELS;
        return new LevelChange(level, many ? Optional.of("policy.level.tooMany") : Optional.empty());
    }

    @Override
    @Transactional
    public Level renameLevel(String code, String nameJa, String nameEn) {
        if (blank(nameJa) || blank(nameEn)) {
            throw new InvalidInputException("policy.level.invalid");
        }
        Level before = repository.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", code));
        repository.rename(code, nameJa.trim(), nameEn.trim());
        ledger.record("policy.level.renamed", Subject.of("level", code), Map.of("fromJa", before.nameJa(),
                "fromEn", before.nameEn(), "toJa", nameJa.trim(), "toEn", nameEn.trim()));
        reloadAfterCommit();
        return new Level(code, nameJa.trim(), nameEn.trim(), before.rank(), before.colour(), before.marking(),
                before.defaultScope(), before.concealed());
    }

    /** Loads the handbook's example rules when the standard is still empty. */
    @Transactional
    public void seedDefaults() {
        if (repository.ruleCount() == 0) {
            var codes = repository.levels().stream().map(Level::code).toList();
            DefaultStandard.rules().stream().filter(r -> codes.contains(r.levelCode()))
                    .forEach(repository::insertIfAbsent);
        }
        reloadAfterCommit();
    }

    // ---------------------------------------------------------------- scheme editing (SchemeChanges)

    @Override
    public Set<String> concealedLevelCodes() {
        return levels().stream().filter(Level::concealed).map(Level::code).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> schemeWarning() {
        return levels().size() > RECOMMENDED_MAX_LEVELS ? Optional.of("policy.level.tooMany") : Optional.empty();
    }

    @Override
    @Transactional
    public Level updateLevel(String code, LevelEdit edit) {
        Level level = scheme.update(code, edit);
        reloadAfterCommit();
        return level;
    }

    @Override
    @Transactional
    public List<Level> moveLevel(String code, int rank) {
        scheme.move(code, rank);
        reloadAfterCommit();
        return repository.levels();
    }

    @Override
    @Transactional
    public void retireLevel(String code) {
        scheme.retire(code);
        reloadAfterCommit();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DesignatedEntries.Entry> entriesAt(String code) {
        return scheme.entriesAt(code);
    }

    @Override
    @Transactional
    public LevelChangeProposal proposeMerge(String fromCode, String intoCode, String reason, LocalDate reviewBy) {
        LevelChangeProposal change = scheme.proposeMerge(fromCode, intoCode, reason, reviewBy);
        reloadAfterCommit();
        return change;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LevelChangeProposal> levelChanges() {
        return scheme.changes();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LevelChangeProposal> levelChange(long id) {
        return scheme.change(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LevelChangeProposal> openMergeFrom(String code) {
        return scheme.openMergeFrom(code);
    }

    @Override
    @Transactional
    public LevelChangeProposal cancelLevelChange(long id) {
        return scheme.cancel(id);
    }

    @Override
    @Transactional
    public List<Long> completeSettledChanges() {
        List<Long> done = scheme.completeSettled();
        if (!done.isEmpty()) {
            reloadAfterCommit();
        }
        return done;
    }

    Standard reload() {
        Standard s = Standard.of(repository.levels(), repository.rules(),
                exceptions.approved(java.time.LocalDate.now(clock.withZone(HandlingRule.JAPAN)).minusDays(1)), clock);
        current.set(s);
        return s;
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---------------------------------------------------------------- for other modules' readiness checks

    @Override
    @Transactional(readOnly = true)
    public Optional<dev.mamori.policy.RegulationAcknowledgements> regulationAcknowledgements(
            java.util.Collection<Long> personIds) {
        return repository.regulationAcknowledgements(personIds);
    }
}
