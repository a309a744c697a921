package dev.mamori.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.DesignatedEntries;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.LevelEdit;
import dev.mamori.policy.LevelEvents;

/**
 * Editing the scheme: a level's attributes, its rank, retiring it, and merges that wait for the managers
 * of the affected entries. Runs inside the transactions of {@link PolicyService}, which reloads the
 * in-memory standard after commit.
 */
@Component
class SchemeChanges {

    /** Days the managers get to review their entries when the proposer names no date. */
    static final int DEFAULT_REVIEW_DAYS = 14;

    private final PolicyRepository policy;
    private final SchemeRepository scheme;
    private final List<DesignatedEntries> entries;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SchemeChanges(PolicyRepository policy, SchemeRepository scheme, List<DesignatedEntries> entries, Ledger ledger,
                  CurrentUsers users, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.scheme = scheme;
        this.entries = entries;
        this.ledger = ledger;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    Level update(String code, LevelEdit e) {
        Level before = require(code);
        if (e == null || blank(e.nameJa()) || blank(e.nameEn()) || blank(e.marking())) {
            throw new InvalidInputException("policy.level.invalid");
        }
        String colour = blank(e.colour()) ? before.colour() : e.colour().trim();
        if (!colour.matches("#[0-9a-fA-F]{6}")) {
            throw InvalidInputException.onField("colour", "policy.level.colourInvalid");
        }
        LevelEdit clean = new LevelEdit(e.nameJa().trim(), e.nameEn().trim(), colour, e.marking().trim(),
                blank(e.defaultScope()) ? "" : e.defaultScope().trim(), e.concealed());
        Level after = new Level(code, clean.nameJa(), clean.nameEn(), before.rank(), clean.colour(), clean.marking(),
                clean.defaultScope(), clean.concealed());
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "nameJa", before.nameJa(), after.nameJa());
        compare(changed, "nameEn", before.nameEn(), after.nameEn());
        compare(changed, "colour", before.colour(), after.colour());
        compare(changed, "marking", before.marking(), after.marking());
        compare(changed, "defaultScope", before.defaultScope(), after.defaultScope());
        compare(changed, "concealed", before.concealed(), after.concealed());
        if (!changed.isEmpty()) {
            scheme.update(code, clean);
            ledger.record("policy.level.changed", Subject.of("level", code), changed);
        }
        return after;
    }

    void move(String code, int rank) {
        Level level = require(code);
        if (rank < 1) {
            throw InvalidInputException.onField("rank", "policy.level.invalid");
        }
        if (rank == level.rank()) {
            return;
        }
        Optional<Level> holder = policy.levels().stream().filter(l -> l.rank() == rank).findFirst();
        scheme.rerank(code, rank, holder.map(Level::code).orElse(null), level.rank());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromRank", level.rank());
        details.put("toRank", rank);
        details.put("swappedWith", holder.map(Level::code).orElse(null));
        ledger.record("policy.level.reordered", Subject.of("level", code), details);
    }

    void retire(String code) {
        Level level = require(code);
        if (policy.levels().size() <= 1) {
            throw new ConflictException("policy.level.lastLevel");
        }
        if (openInvolving(code)) {
            throw new ConflictException("policy.level.inOpenChange", (Object) level.marking());
        }
        long count = count(code);
        if (count > 0) {
            throw new ConflictException("policy.level.stillUsed", (Object) level.marking(), count);
        }
        int rules = scheme.delete(code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nameJa", level.nameJa());
        details.put("nameEn", level.nameEn());
        details.put("rank", level.rank());
        details.put("marking", level.marking());
        details.put("rulesRemoved", rules);
        ledger.record("policy.level.retired", Subject.of("level", code), details);
        events.publishEvent(new LevelEvents.LevelRetired(code));
    }

    List<DesignatedEntries.Entry> entriesAt(String code) {
        require(code);
        return entries.stream().flatMap(e -> e.atLevel(code).stream()).toList();
    }

    LevelChangeProposal proposeMerge(String fromCode, String intoCode, String reason, LocalDate reviewBy) {
        CurrentUser proposer = users.require();
        Level from = require(fromCode);
        if (blank(intoCode)) {
            throw InvalidInputException.onField("into", "policy.levelChange.intoRequired");
        }
        Level into = policy.levels().stream().filter(l -> l.code().equals(intoCode)).findFirst()
                .orElseThrow(() -> InvalidInputException.onField("into", "policy.level.notFound", intoCode));
        if (from.code().equals(into.code())) {
            throw InvalidInputException.onField("into", "policy.levelChange.sameLevel");
        }
        if (blank(reason)) {
            throw InvalidInputException.onField("reason", "policy.levelChange.reasonRequired");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        LocalDate due = reviewBy == null ? today.plusDays(DEFAULT_REVIEW_DAYS) : reviewBy;
        if (due.isBefore(today)) {
            throw InvalidInputException.onField("reviewBy", "policy.levelChange.reviewByPast");
        }
        if (openInvolving(from.code()) || openInvolving(into.code())) {
            throw new ConflictException("policy.level.inOpenChange",
                    (Object) (openInvolving(from.code()) ? from.marking() : into.marking()));
        }
        List<DesignatedEntries.Entry> affected = entriesAt(from.code());
        String name = proposer.displayName() == null ? proposer.username() : proposer.displayName();
        long id = scheme.insertChange(from.code(), into.code(), reason.strip(), due, proposer.accountId(), name,
                affected.size());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeId", id);
        details.put("into", into.code());
        details.put("reason", reason.strip());
        details.put("reviewBy", due.toString());
        details.put("assetIds", affected.stream().map(DesignatedEntries.Entry::assetId).toList());
        ledger.record("policy.level.mergeProposed", Subject.of("level", from.code()), details);
        events.publishEvent(new LevelEvents.LevelMergeProposed(id, from.code(), into.code()));
        if (affected.isEmpty()) {
            complete(scheme.change(id).orElseThrow());
        }
        return scheme.change(id).orElseThrow();
    }

    LevelChangeProposal cancel(long id) {
        CurrentUser caller = users.require();
        LevelChangeProposal change = scheme.change(id)
                .orElseThrow(() -> new NotFoundException("policy.levelChange.notFound", (Object) String.valueOf(id)));
        if (change.proposedByAccountId() != caller.accountId()) {
            throw new AccessRefusedException("policy.levelChange.notProposer");
        }
        if (!scheme.close(id, LevelChangeProposal.Status.CANCELLED)) {
            throw new ConflictException("policy.levelChange.closed");
        }
        ledger.record("policy.level.mergeCancelled", Subject.of("level", change.fromCode()),
                Map.of("changeId", id, "into", change.intoCode(), "remaining", count(change.fromCode())));
        events.publishEvent(new LevelEvents.LevelMergeCancelled(id, change.fromCode(), change.intoCode()));
        return scheme.change(id).orElseThrow();
    }

    List<Long> completeSettled() {
        List<Long> done = new ArrayList<>();
        for (LevelChangeProposal change : scheme.openChanges()) {
            if (count(change.fromCode()) == 0 && complete(change)) {
                done.add(change.id());
            }
        }
        return done;
    }

    List<LevelChangeProposal> changes() {
        return scheme.changes();
    }

    Optional<LevelChangeProposal> change(long id) {
        return scheme.change(id);
    }

    Optional<LevelChangeProposal> openMergeFrom(String code) {
        return scheme.openChanges().stream().filter(c -> c.fromCode().equals(code)).findFirst();
    }

    private boolean complete(LevelChangeProposal change) {
        if (!scheme.close(change.id(), LevelChangeProposal.Status.COMPLETED)) {
            return false;
        }
        Level from = SchemeRepository.find(policy.levels(), change.fromCode()).orElse(null);
        int rules = from == null ? 0 : scheme.delete(change.fromCode());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeId", change.id());
        details.put("into", change.intoCode());
        details.put("rulesRemoved", rules);
        if (from != null) {
            details.put("nameJa", from.nameJa());
            details.put("marking", from.marking());
            details.put("rank", from.rank());
        }
        ledger.record("policy.level.merged", Subject.of("level", change.fromCode()), details);
        events.publishEvent(new LevelEvents.LevelMergeCompleted(change.id(), change.fromCode(), change.intoCode()));
        return true;
    }

    private boolean openInvolving(String code) {
        return scheme.openChanges().stream().anyMatch(c -> c.fromCode().equals(code) || c.intoCode().equals(code));
    }

    private long count(String code) {
        return entries.stream().mapToLong(e -> e.countAtLevel(code)).sum();
    }

    private Level require(String code) {
        return SchemeRepository.find(policy.levels(), Objects.toString(code))
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", (Object) Objects.toString(code)));
    }

    private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, Map.of("from", before == null ? "" : before, "to", after == null ? "" : after));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
