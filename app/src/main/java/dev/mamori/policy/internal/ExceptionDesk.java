package dev.mamori.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.ExceptionDepartment;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Standard;

/**
 * The departments' exceptions inside {@link PolicyService}'s transactions: a 管理責任者 asks for one of their
 * departments, the 統括責任者 or the committee approves or rejects (never their own request), and the
 * approvers or the department's 管理責任者 withdraw or revoke. Every step is recorded in the ledger.
 */
final class ExceptionDesk {

    private final ExceptionRepository repository;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final Directory directory;
    private final Clock clock;
    private final Supplier<Standard> current;

    ExceptionDesk(ExceptionRepository repository, Ledger ledger, CurrentUsers users, Directory directory, Clock clock,
                  Supplier<Standard> current) {
        this.repository = repository;
        this.ledger = ledger;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
        this.current = current;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(HandlingRule.JAPAN));
    }

    List<ExceptionRequest> list(ExceptionStatus status) {
        CurrentUser user = users.require();
        Set<Long> scope = seesAll(user) ? null : managed(user);
        return present(repository.search(status, today(), scope, user.accountId()));
    }

    List<ExceptionRequest> inForce() {
        return present(current.get().exceptionsInForce());
    }

    List<ExceptionDepartment> departments() {
        CurrentUser user = users.require();
        Set<Long> managed = managed(user);
        Locale locale = LocaleContextHolder.getLocale();
        return directory.listDepartments().stream().filter(d -> d.active() && managed.contains(d.id()))
                .map(d -> new ExceptionDepartment(d.id(), d.code(), d.name(locale))).toList();
    }

    ExceptionRequest request(ExceptionDraft d) {
        CurrentUser user = users.require();
        if (!user.has(Role.MANAGER)) {
            throw new AccessRefusedException("policy.exception.managersOnly");
        }
        if (d == null || d.levelCode() == null || d.aspect() == null || d.medium() == null) {
            throw InvalidInputException.onField("levelCode", "policy.exception.ruleRequired");
        }
        HandlingRule base = current.get().rule(d.levelCode(), d.aspect(), d.medium())
                .orElseThrow(() -> InvalidInputException.onField("levelCode", "policy.exception.noRule"));
        if (d.departmentId() != null && !managed(user).contains(d.departmentId())) {
            throw new AccessRefusedException("policy.exception.departmentOutOfScope");
        }
        List<Violation> violations = ExceptionRules.check(d, base, today());
        if (!violations.isEmpty()) {
            throw InvalidInputException.onField(violations.get(0).field(), violations.get(0).messageKey());
        }
        repository.open(d.levelCode(), d.aspect(), d.medium(), d.departmentId()).stream()
                .filter(e -> !expired(e)).findFirst().ifPresent(e -> {
                    throw ConflictException.onField("levelCode", "policy.exception.alreadyOpen", String.valueOf(e.id()));
                });
        long id = repository.insert(d, d.reason().strip(), user.accountId(), user.displayName(), clock.instant());
        ExceptionRequest saved = require(id);
        Map<String, Object> details = describe(saved);
        details.put("reason", saved.reason());
        ledger.record("policy.exception.requested", subject(id), details);
        return present(saved);
    }

    ExceptionRequest approve(long id, String note) {
        CurrentUser user = requireApprover();
        ExceptionRequest e = requirePending(id, user);
        if (e.endsOn() != null && e.endsOn().isBefore(today())) {
            throw InvalidInputException.onField("endsOn", "policy.exception.endsInPast");
        }
        HandlingRule base = current.get().rule(e.levelCode(), e.aspect(), e.medium())
                .orElseThrow(() -> new ConflictException("policy.exception.ruleGone"));
        ExceptionDraft asDraft = new ExceptionDraft(e.levelCode(), e.aspect(), e.medium(), e.departmentId(),
                e.permitted(), e.approval(), e.prohibited(), e.waivedObligations(), e.reason(), null);
        List<Violation> violations = ExceptionRules.check(asDraft, base, today());
        if (!violations.isEmpty()) {
            throw new ConflictException(violations.get(0).messageKey());
        }
        String text = blank(note) ? null : note.strip();
        repository.decide(id, ExceptionStatus.APPROVED, user.accountId(), user.displayName(), clock.instant(), text);
        Map<String, Object> details = describe(e);
        details.put("note", text);
        ledger.record("policy.exception.approved", subject(id), details);
        return present(require(id));
    }

    ExceptionRequest reject(long id, String reason) {
        CurrentUser user = requireApprover();
        if (blank(reason)) {
            throw InvalidInputException.onField("reason", "policy.exception.rejectReasonRequired");
        }
        ExceptionRequest e = requirePending(id, user);
        repository.decide(id, ExceptionStatus.REJECTED, user.accountId(), user.displayName(), clock.instant(),
                reason.strip());
        Map<String, Object> details = describe(e);
        details.put("reason", reason.strip());
        ledger.record("policy.exception.rejected", subject(id), details);
        return present(require(id));
    }

    /** Withdraws a pending request or revokes an approved one; true in the second case (decisions change). */
    ExceptionRequest revoke(long id, String reason) {
        CurrentUser user = users.require();
        ExceptionRequest e = require(id);
        boolean allowed = seesAllAndDecides(user) || user.accountId() == e.requestedByAccount()
                || user.has(Role.MANAGER) && managed(user).contains(e.departmentId());
        if (!allowed) {
            throw new AccessRefusedException("policy.exception.revokeRefused");
        }
        String text = blank(reason) ? null : reason.strip();
        ExceptionStatus next;
        if (e.status() == ExceptionStatus.PENDING) {
            next = ExceptionStatus.WITHDRAWN;
        } else if (e.status() == ExceptionStatus.APPROVED && !expired(e)) {
            next = ExceptionStatus.REVOKED;
        } else {
            throw new ConflictException("policy.exception.notOpen");
        }
        repository.decide(id, next, user.accountId(), user.displayName(), clock.instant(), text);
        Map<String, Object> details = describe(e);
        details.put("reason", text);
        ledger.record(next == ExceptionStatus.WITHDRAWN ? "policy.exception.withdrawn" : "policy.exception.revoked",
                subject(id), details);
        return present(require(id));
    }

    // ---------------------------------------------------------------- scope and helpers

    private static boolean seesAll(CurrentUser user) {
        return user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.AUDITOR);
    }

    private static boolean seesAllAndDecides(CurrentUser user) {
        return user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE);
    }

    /** A 管理責任者's departments (their grants and where the directory names them) and everything below. */
    private Set<Long> managed(CurrentUser user) {
        if (!user.has(Role.MANAGER)) {
            return Set.of();
        }
        Set<Long> roots = new HashSet<>(user.managedDepartmentIds());
        if (user.personId() != null) {
            directory.listDepartments().stream()
                    .filter(d -> d.managers().stream().anyMatch(m -> m.id() == user.personId()))
                    .forEach(d -> roots.add(d.id()));
        }
        Set<Long> all = new HashSet<>();
        roots.forEach(root -> all.addAll(directory.departmentSubtree(root)));
        return all;
    }

    private CurrentUser requireApprover() {
        CurrentUser user = users.require();
        if (!seesAllAndDecides(user)) {
            throw new AccessRefusedException("policy.exception.approversOnly");
        }
        return user;
    }

    private ExceptionRequest requirePending(long id, CurrentUser approver) {
        ExceptionRequest e = require(id);
        if (e.status() != ExceptionStatus.PENDING) {
            throw new ConflictException("policy.exception.notPending");
        }
        if (e.requestedByAccount() == approver.accountId()) {
            throw new AccessRefusedException("policy.exception.ownRequest");
        }
        return e;
    }

    private ExceptionRequest require(long id) {
        return repository.lock(id)
                .orElseThrow(() -> new NotFoundException("policy.exception.notFound", (Object) String.valueOf(id)));
    }

    private boolean expired(ExceptionRequest e) {
        return e.status() == ExceptionStatus.APPROVED && e.endsOn() != null && e.endsOn().isBefore(today());
    }

    private ExceptionRequest present(ExceptionRequest e) {
        return present(List.of(e)).get(0);
    }

    /** Adds the department's code and name (caller's language) and shows approved ones past their end as EXPIRED. */
    private List<ExceptionRequest> present(List<ExceptionRequest> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, DepartmentView> departments = directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, Function.identity()));
        Locale locale = LocaleContextHolder.getLocale();
        return list.stream().map(e -> {
            DepartmentView d = departments.get(e.departmentId());
            return new ExceptionRequest(e.id(), e.levelCode(), e.aspect(), e.medium(), e.departmentId(),
                    d == null ? String.valueOf(e.departmentId()) : d.code(), d == null ? "" : d.name(locale),
                    e.permitted(), e.approval(), e.prohibited(), e.waivedObligations(), e.reason(), e.endsOn(),
                    expired(e) ? ExceptionStatus.EXPIRED : e.status(), e.requestedByAccount(), e.requestedBy(),
                    e.requestedAt(), e.decidedBy(), e.decidedAt(), e.decisionNote());
        }).toList();
    }

    private static Map<String, Object> describe(ExceptionRequest e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", e.ruleId());
        m.put("departmentId", e.departmentId());
        m.put("permitted", e.permitted() == null ? null : e.permitted().name());
        m.put("approval", e.approval() == null ? null : e.approval().name());
        m.put("prohibited", e.prohibited());
        m.put("waivedObligations", e.waivedObligations().stream().map(Enum::name).sorted().toList());
        m.put("endsOn", e.endsOn() == null ? null : e.endsOn().toString());
        return m;
    }

    private static Subject subject(long id) {
        return Subject.of("ruleException", id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
