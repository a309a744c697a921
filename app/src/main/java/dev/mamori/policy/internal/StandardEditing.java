package dev.mamori.policy.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.OrderingWarning;
import dev.mamori.policy.RuleChange;
import dev.mamori.policy.RuleDraft;
import dev.mamori.policy.Standard;

/**
 * The standard editor's work inside {@link PolicyService}'s transactions: checks, writes the rule, records
 * {@code policy.rule.changed} with before and after, and reports the ordering warnings the change adds.
 */
final class StandardEditing {

    private static final Map<String, HandlingRule> HANDBOOK = DefaultStandard.rules().stream()
            .collect(Collectors.toUnmodifiableMap(HandlingRule::id, Function.identity()));

    private final PolicyRepository repository;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final Clock clock;
    private final Supplier<Standard> current;

    StandardEditing(PolicyRepository repository, Ledger ledger, CurrentUsers users, Clock clock,
                    Supplier<Standard> current) {
        this.repository = repository;
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
        this.current = current;
    }

    static Optional<HandlingRule> handbookRule(String levelCode, Aspect aspect, Medium medium) {
        return Optional.ofNullable(HANDBOOK.get(levelCode + "/" + aspect + "/" + medium));
    }

    RuleChange save(String levelCode, Aspect aspect, Medium medium, RuleDraft draft) {
        CurrentUser editor = requireEditor();
        Standard standard = requireCell(levelCode, aspect, medium);
        if (draft == null) {
            throw InvalidInputException.onField("permitted", "policy.rule.permittedRequired");
        }
        List<Violation> violations = RuleRules.check(aspect, draft);
        if (!violations.isEmpty()) {
            throw InvalidInputException.onField(violations.get(0).field(), violations.get(0).messageKey());
        }
        Optional<HandlingRule> before = repository.rule(levelCode, aspect, medium);
        HandlingRule after = before
                .map(b -> b.withHandling(draft, clock.instant(), editor.displayName()))
                .orElseGet(() -> new HandlingRule(levelCode, aspect, medium, draft.permitted(), draft.approval(),
                        draft.prohibited(), draft.obligations(), draft.outsideOfficeObligations(), "", clock.instant(),
                        editor.displayName()));
        if (before.isPresent() && before.get().sameHandling(after)) {
            return new RuleChange(before.get(), false, List.of());
        }
        repository.save(after);
        record(before.orElse(null), after, before.isPresent() ? "edited" : "added");
        return new RuleChange(after, true, added(standard, standard.replacing(levelCode, aspect, medium, after)));
    }

    RuleChange reset(String levelCode, Aspect aspect, Medium medium) {
        requireEditor();
        Standard standard = requireCell(levelCode, aspect, medium);
        Optional<HandlingRule> handbook = handbookRule(levelCode, aspect, medium);
        Optional<HandlingRule> before = repository.rule(levelCode, aspect, medium);
        if (handbook.isEmpty()) {
            if (before.isEmpty()) {
                return new RuleChange(null, false, List.of());
            }
            repository.delete(levelCode, aspect, medium);
            record(before.get(), null, "reset");
            return new RuleChange(null, true, added(standard, standard.replacing(levelCode, aspect, medium, null)));
        }
        HandlingRule rule = handbook.get();
        if (before.isPresent() && !before.get().edited() && before.get().sameHandling(rule)
                && before.get().source().equals(rule.source())) {
            return new RuleChange(before.get(), false, List.of());
        }
        repository.save(rule);
        record(before.orElse(null), rule, "reset");
        return new RuleChange(rule, true, added(standard, standard.replacing(levelCode, aspect, medium, rule)));
    }

    private CurrentUser requireEditor() {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            throw new AccessRefusedException("policy.rule.editRefused");
        }
        return user;
    }

    private Standard requireCell(String levelCode, Aspect aspect, Medium medium) {
        Standard standard = current.get();
        if (levelCode == null || standard.level(levelCode).isEmpty()) {
            throw new NotFoundException("policy.level.notFound", (Object) String.valueOf(levelCode));
        }
        if (aspect == null || medium == null) {
            throw new InvalidInputException("policy.rule.cellRequired");
        }
        return standard;
    }

    /** The ordering warnings of {@code after} that {@code before} did not have. */
    private static List<OrderingWarning> added(Standard before, Standard after) {
        Set<OrderingWarning> old = Set.copyOf(before.orderingWarnings());
        List<OrderingWarning> fresh = new ArrayList<>(after.orderingWarnings());
        fresh.removeIf(old::contains);
        return fresh;
    }

    private void record(HandlingRule before, HandlingRule after, String change) {
        HandlingRule any = after != null ? after : before;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", any.id());
        details.put("change", change);
        details.put("before", describe(before));
        details.put("after", describe(after));
        ledger.record("policy.rule.changed", Subject.of("rule", any.id()), details);
    }

    static Map<String, Object> describe(HandlingRule r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("permitted", r.permitted().name());
        m.put("approval", r.approval().name());
        m.put("prohibited", r.prohibited());
        m.put("obligations", r.obligations().stream().map(Enum::name).sorted().toList());
        m.put("outsideOfficeObligations", r.outsideOfficeObligations().stream().map(Enum::name).sorted().toList());
        m.put("source", r.source());
        return m;
    }
}
