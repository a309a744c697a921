package dev.mamori.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.access.internal.AccessIndex;
import dev.mamori.access.internal.AccessSettings;
import dev.mamori.access.internal.GrantRepository;
import dev.mamori.access.internal.IndexKeeper;
import dev.mamori.access.internal.RequestRepository;
import dev.mamori.directory.Directory;
import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
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
import dev.mamori.platform.PersonAccounts;
import dev.mamori.platform.Role;
import dev.mamori.policy.Action;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;

/**
 * The access module's API: need-to-know grants (only an entry's 管理責任者 or the 統括責任者 issues and ends
 * them), their periodic review with escalation, requests routed by the policy decision with their approval
 * steps and approvers' delegations, and the check on behalf of callers. Every change is recorded in the
 * ledger and published as an event in the same transaction.
 */
@Service
public class Access {

    /** Who may ask about anyone (a file server's or DLP tool's integration account, say). */
    private static final Role[] ASK_ABOUT_ANYONE = {Role.IT_SECURITY, Role.SYSTEM_ADMIN};

    /** The longest name of a recipient a request may give. */
    public static final int RECIPIENT_NAME_MAX = 200;

    private final GrantRepository grants;
    private final RequestRepository requests;
    private final IndexKeeper keeper;
    private final AccessChecks checks;
    private final AccessSettings settings;
    private final Policy policy;
    private final Directory directory;
    private final Inventory inventory;
    private final SecretHoldings secrets;
    private final PersonAccounts accounts;
    private final Notifications notifications;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final Clock clock;
    private final List<DocumentEntries> documents;

    Access(GrantRepository grants, RequestRepository requests, IndexKeeper keeper, AccessChecks checks, AccessSettings settings,
           Policy policy, Directory directory, Inventory inventory, SecretHoldings secrets, PersonAccounts accounts,
           Notifications notifications, Ledger ledger, ApplicationEventPublisher events, CurrentUsers users, Clock clock,
           List<DocumentEntries> documents) {
        this.documents = documents;
        this.grants = grants;
        this.requests = requests;
        this.keeper = keeper;
        this.checks = checks;
        this.settings = settings;
        this.policy = policy;
        this.directory = directory;
        this.inventory = inventory;
        this.secrets = secrets;
        this.accounts = accounts;
        this.notifications = notifications;
        this.ledger = ledger;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    // ---------------------------------------------------------------- grants

    /**
     * Issues a grant; only the entry's 管理責任者 or the 統括責任者, and never to themselves in their own name — the
     * access they need comes from someone else's decision (ledger {@code access.grant.issued}).
     */
    @Transactional
    public Grant grant(GrantDraft draft) {
        CurrentUser user = users.require();
        requireDesignated(draft.assetId());
        requireGrantor(user, draft.assetId());
        if (draft.holder() != null && draft.holder().kind() == AccessHolder.Kind.PERSON && user.personId() != null
                && draft.holder().ref().equals(String.valueOf(user.personId()))) {
            throw InvalidInputException.onField("holder", "access.grant.selfGrant");
        }
        return issue(draft, user.personId(), null);
    }

    /**
     * Issues a grant from a page, where people are known by their 社員番号 (pages show them as 氏名（社員番号）) and
     * departments by their 部署コード: a PERSON holder is named by 社員番号, a DEPARTMENT by its code, other holders
     * as in {@link #grant} (a project group by its id, a role by its name). Only a grantor of the entry learns
     * whether a number or code exists. The API names people and departments by their ids, as grants store them and
     * as it returns them.
     */
    @Transactional
    public Grant grantByNumbers(GrantDraft draft) {
        CurrentUser user = users.require();
        requireDesignated(draft.assetId());
        requireGrantor(user, draft.assetId());
        AccessHolder h = draft.holder();
        if (h != null && h.ref() != null && !h.ref().isBlank()) {
            String number = h.ref().strip();
            if (h.kind() == AccessHolder.Kind.PERSON) {
                long id = directory.findPersonByEmployeeNumber(number).filter(p -> p.status().current()).map(PersonView::id)
                        .orElseThrow(() -> InvalidInputException.onField("holder", "access.grant.unknownHolder", number));
                h = AccessHolder.person(id);
            } else if (h.kind() == AccessHolder.Kind.DEPARTMENT) {
                long id = directory.findDepartmentByCode(number).filter(DepartmentView::active).map(DepartmentView::id)
                        .orElseThrow(() -> InvalidInputException.onField("holder", "access.grant.unknownHolder", number));
                h = AccessHolder.department(id);
            }
        }
        return grant(new GrantDraft(draft.assetId(), h, draft.level(), draft.reason(), draft.startsOn(), draft.endsOn()));
    }

    /**
     * Whether the current user is the 管理責任者 of some entry — also without the MANAGER role (an entry's responsible
     * person): the pages for grants and reviews let them in, and the service checks each entry.
     */
    public boolean managesAnyEntry() {
        return users.current().map(CurrentUser::personId).map(p -> keeper.index().managesAny(p)).orElse(false);
    }

    /** Ends a live grant before its time (ledger {@code access.grant.ended}, reason REVOKED). */
    @Transactional
    public void revoke(long grantId, String note) {
        Grant g = requireGrant(grantId);
        CurrentUser user = users.require();
        requireGrantor(user, g.assetId());
        if (!g.live() || g.pastEnd(clock.instant())) {
            throw new ConflictException("access.grant.alreadyEnded");
        }
        end(g, "REVOKED", user.personId(), note);
    }

    /** Whether the caller may grant access to the entry (designated, and they are its 管理責任者 or the 統括責任者). */
    @Transactional(readOnly = true)
    public boolean canGrant(long assetId) {
        CurrentUser user = users.require();
        return keeper.index().levelOf(assetId) != null && (user.has(Role.CHIEF_OFFICER) || isManager(user, assetId));
    }

    /** One grant, for its entry's 管理責任者, its holder, or organisation-wide readers. */
    @Transactional(readOnly = true)
    public Grant grantById(long grantId) {
        Grant g = requireGrant(grantId);
        CurrentUser user = users.require();
        if (!readsAll(user) && !isManager(user, g.assetId())
                && !(g.holder().kind() == AccessHolder.Kind.PERSON && g.holder().ref().equals(String.valueOf(user.personId())))) {
            throw new AccessRefusedException("access.grant.outOfScope");
        }
        return g;
    }

    /** The entry's grants (live first): for its 管理責任者 and organisation-wide readers. */
    @Transactional(readOnly = true)
    public List<Grant> grantsOfEntry(long assetId) {
        CurrentUser user = users.require();
        if (!keeper.index().knowsEntry(assetId)) {
            throw new NotFoundException("access.entry.notFound", String.valueOf(assetId));
        }
        if (!readsAll(user) && !isManager(user, assetId)) {
            throw new AccessRefusedException("access.grant.outOfScope");
        }
        return grants.ofAsset(assetId);
    }

    /**
     * The grants that give a person access: those in their own name (live first, ended ones too), then the live
     * ones that cover them through their departments (and the departments above), roles and project groups. The
     * person themself and organisation-wide readers see all; a 管理責任者 sees those on the entries they manage.
     */
    @Transactional(readOnly = true)
    public List<Grant> grantsOfPerson(long personId) {
        CurrentUser user = users.require();
        List<Grant> all = new ArrayList<>(grants.ofHolder(AccessHolder.person(personId)));
        for (AccessHolder h : coveringHolders(personId)) {
            grants.ofHolder(h).stream().filter(Grant::live).forEach(all::add);
        }
        if (readsAll(user) || (user.personId() != null && user.personId() == personId)) {
            return all;
        }
        if (user.personId() == null) {
            throw new AccessRefusedException("access.grant.outOfScope");
        }
        Set<Long> managed = managedEntries(user.personId());
        if (managed.isEmpty()) {
            throw new AccessRefusedException("access.grant.outOfScope");
        }
        return all.stream().filter(g -> managed.contains(g.assetId())).toList();
    }

    /** The holders other than the person themself whose grants cover them: departments, roles, project groups. */
    private List<AccessHolder> coveringHolders(long personId) {
        List<AccessHolder> out = new ArrayList<>();
        directory.findPerson(personId).filter(p -> p.status().current()).ifPresent(p -> directory
                .departmentsWithAncestors(p.departments().stream().map(PersonView.DepartmentRef::id).toList())
                .stream().sorted().forEach(d -> out.add(AccessHolder.department(d))));
        accounts.rolesOf(personId).stream().sorted().forEach(r -> out.add(AccessHolder.role(r.name())));
        inventory.projectGroupsOf(personId).forEach(g -> out.add(AccessHolder.group(g)));
        return out;
    }

    /** Ends the grants whose end has passed (ledger {@code access.grant.expired}); returns how many. */
    @Transactional
    public int expireGrants() {
        Instant now = clock.instant();
        List<Grant> due = grants.expired(now, 10_000);
        for (Grant g : due) {
            if (grants.end(g.id(), "EXPIRED", null, g.endsAt())) {
                ledger.record("access.grant.expired", Subject.of("grant", g.id()), grantDetails(g));
                events.publishEvent(new AccessEvents.GrantEnded(g.id(), g.assetId(), g.holder().kind(), g.holder().ref(), "EXPIRED"));
            }
        }
        return due.size();
    }

    // ---------------------------------------------------------------- reviews

    /** The entries the caller reviews as 管理責任者: those with live grants, most urgent first. */
    @Transactional(readOnly = true)
    public List<ReviewItem> reviews() {
        return reviewsFor(users.require());
    }

    /** The entries the given user reviews (for task lists, which are computed for a user without a sign-in). */
    @Transactional(readOnly = true)
    public List<ReviewItem> reviewsFor(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        return reviewsOf(keeper.index().entriesManagedBy(user.personId()));
    }

    private List<ReviewItem> reviewsOf(long[] entries) {
        if (entries.length == 0) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, List<Grant>> live = grants.liveOfAssets(entries).stream().filter(g -> !g.pastEnd(now))
                .collect(Collectors.groupingBy(Grant::assetId, LinkedHashMap::new, Collectors.toList()));
        if (live.isEmpty()) {
            return List.of();
        }
        long[] reviewed = live.keySet().stream().mapToLong(Long::longValue).toArray();
        Map<Long, LocalDate> last = requests.lastReviews(reviewed);
        Map<Long, Instant> lastAt = requests.lastReviewTimes(reviewed);
        LocalDate today = today();
        Map<Long, String> names = new java.util.HashMap<>();
        secrets.designated(live.keySet()).forEach(h -> names.put(h.assetId(), h.hidden() ? null : h.name()));
        List<ReviewItem> out = new ArrayList<>();
        live.forEach((asset, list) -> {
            // the review period began at the last review, or at the oldest live grant's start when that is later
            // (as RequestRepository#overdueNotEscalated counts it)
            LocalDate since = list.stream().map(g -> LocalDate.ofInstant(g.startsAt(), Directory.JAPAN))
                    .min(LocalDate::compareTo).orElse(today);
            if (last.get(asset) != null && last.get(asset).isAfter(since)) {
                since = last.get(asset);
            }
            LocalDate due = since.plus(settings.properties().reviewInterval());
            String name = names.get(asset); // null also when the register hides the name from the viewer
            out.add(new ReviewItem(asset, name == null ? "#" + asset : name, keeper.index().levelOf(asset), last.get(asset), due,
                    due.isBefore(today), list, lastAt.get(asset)));
        });
        out.sort(java.util.Comparator.comparing((ReviewItem r) -> r.flagged() == 0).thenComparing(ReviewItem::due));
        return out;
    }

    // ---------------------------------------------------------------- names for pages

    /**
     * The names a page shows instead of ids, one lookup per kind whatever the number of rows: the holders,
     * grantors and entries of {@code grants}, the requesters, approvers and entries of {@code requests}, both
     * sides of {@code delegations}, and {@code people} and {@code entries} besides. Entries at a concealed level
     * the caller may not know of come back hidden (the register's rule).
     */
    @Transactional(readOnly = true)
    public AccessNames names(java.util.Collection<Grant> grants, java.util.Collection<AccessRequest> requests,
                             java.util.Collection<Delegation> delegations, java.util.Collection<Long> people,
                             java.util.Collection<Long> entries) {
        Set<Long> persons = new HashSet<>(people);
        Set<Long> departments = new HashSet<>();
        Set<Long> groups = new HashSet<>();
        Set<Long> assets = new HashSet<>(entries);
        for (Grant g : grants) {
            assets.add(g.assetId());
            if (g.grantedByPersonId() != null) {
                persons.add(g.grantedByPersonId());
            }
            Long ref = AccessNames.number(g.holder().ref());
            if (ref != null) {
                switch (g.holder().kind()) {
                    case PERSON -> persons.add(ref);
                    case DEPARTMENT -> departments.add(ref);
                    case GROUP -> groups.add(ref);
                    case ROLE -> { }
                }
            }
        }
        for (AccessRequest r : requests) {
            assets.add(r.assetId());
            persons.add(r.requesterPersonId());
            r.steps().forEach(s -> {
                persons.add(s.personId());
                if (s.onBehalfOf() != null) {
                    persons.add(s.onBehalfOf());
                }
            });
        }
        for (Delegation d : delegations) {
            persons.add(d.approverPersonId());
            persons.add(d.delegatePersonId());
        }
        Map<Long, String> groupNames = new java.util.HashMap<>();
        if (!groups.isEmpty()) {
            inventory.projectGroups().forEach((id, name) -> {
                if (groups.contains(id)) {
                    groupNames.put(id, name);
                }
            });
        }
        Map<Long, HeldSecret> entryNames = new java.util.HashMap<>();
        secrets.designated(assets).forEach(h -> entryNames.put(h.assetId(), h));
        return new AccessNames(persons.isEmpty() ? Map.of() : directory.people(persons),
                departments.isEmpty() ? Map.of() : directory.departmentsById(departments), groupNames, entryNames);
    }

    /** Keeps a grant after a review, clearing its flag (ledger {@code access.grant.confirmed}). */
    @Transactional
    public void confirm(long grantId) {
        Grant g = requireGrant(grantId);
        CurrentUser user = users.require();
        requireGrantor(user, g.assetId());
        if (g.pastEnd(clock.instant()) || !grants.confirm(g.id(), user.personId(), clock.instant())) {
            throw new ConflictException("access.grant.alreadyEnded");
        }
        ledger.record("access.grant.confirmed", Subject.of("grant", g.id()), grantDetails(g));
    }

    /** Removes a grant in a review (ledger {@code access.grant.ended}, reason REVIEW_REMOVED). */
    @Transactional
    public void removeInReview(long grantId, String note) {
        Grant g = requireGrant(grantId);
        CurrentUser user = users.require();
        requireGrantor(user, g.assetId());
        if (!g.live() || g.pastEnd(clock.instant())) {
            throw new ConflictException("access.grant.alreadyEnded");
        }
        end(g, "REVIEW_REMOVED", user.personId(), note);
    }

    /**
     * Completes the review of an entry: every live grant is kept; refused while a flagged grant awaits a
     * decision (ledger {@code access.review.completed}). The next review is due one interval later.
     */
    @Transactional
    public void completeReview(long assetId) {
        CurrentUser user = users.require();
        requireGrantor(user, assetId);
        List<Grant> live = grants.liveOfAssets(new long[]{assetId});
        if (live.stream().anyMatch(g -> g.reviewFlag() != null)) {
            throw new ConflictException("access.review.flaggedLeft");
        }
        Instant now = clock.instant();
        for (Grant g : live) {
            if (!grants.confirmUnflagged(g.id(), user.personId(), now) && grants.findById(g.id()).map(Grant::live).orElse(false)) {
                throw new ConflictException("access.review.flaggedLeft"); // flagged meanwhile: nothing is kept
            }
        }
        requests.reviewed(assetId, today(), now, user.personId());
        ledger.record("access.review.completed", Subject.of("asset", assetId),
                Map.of("grants", live.stream().map(Grant::id).toList(), "nextDue", today().plus(settings.properties().reviewInterval()).toString()));
    }

    /**
     * Escalates every review overdue and not escalated yet to the 統括責任者 (a notice to each CHIEF_OFFICER;
     * ledger {@code access.review.escalated}). Returns the entries escalated.
     */
    @Transactional
    public List<Long> escalateOverdueReviews() {
        LocalDate today = today();
        List<Long> out = new ArrayList<>();
        for (Object[] row : requests.overdueNotEscalated(today.minus(settings.properties().reviewInterval()))) {
            long asset = (Long) row[0];
            LocalDate since = (LocalDate) row[1];
            LocalDate due = since.plus(settings.properties().reviewInterval());
            requests.escalated(asset, today);
            notifications.toRole(Role.CHIEF_OFFICER, new Notice("access.notice.reviewEscalated",
                    List.of(String.valueOf(asset), due.toString()), "/access/grants?assetId=" + asset));
            ledger.record("access.review.escalated", Subject.of("asset", asset),
                    Map.of("due", due.toString(), "managers", keeper.index().managersOf(asset)));
            events.publishEvent(new AccessEvents.AccessReviewEscalated(asset));
            out.add(asset);
        }
        return out;
    }

    // ---------------------------------------------------------------- the organisation's changes

    /** Flags the person's live grants for review (a transfer); returns their ids. No caller checks. */
    @Transactional
    public List<Long> flagGrantsOf(long personId, String flag) {
        return flag(grants.liveOfPerson(personId), flag);
    }

    /**
     * Applies a notice of leaving as configured ({@code mamori.access.leave-notice}): by default the person's
     * grants on entries at the highest level end at once and the others are flagged. No caller checks.
     */
    @Transactional
    public void applyLeaveNotice(long personId) {
        List<Grant> live = grants.liveOfPerson(personId);
        String highest = policy.levels().isEmpty() ? null : policy.levels().get(0).code();
        List<Grant> toEnd = switch (settings.properties().leaveNotice()) {
            case END_ALL -> live;
            case FLAG_ALL -> List.of();
            case END_HIGHEST_FLAG_OTHERS -> live.stream()
                    .filter(g -> highest != null && highest.equals(keeper.index().levelOf(g.assetId()))).toList();
        };
        toEnd.forEach(g -> end(g, "LEAVE_NOTIFIED", null, null));
        flag(live.stream().filter(g -> !toEnd.contains(g)).toList(), "LEAVE_NOTIFIED");
    }

    /**
     * The person left: every grant in their name ends, their pending requests are withdrawn, every delegation
     * to or from them that is current or still to come is revoked, and their API tokens are revoked. No caller
     * checks. (Requests awaiting their approval follow the entries' 管理責任者: they move when the register names
     * another one; the leaver checklist counts those that remain.)
     */
    @Transactional
    public void applyLeft(long personId) {
        grants.liveOfPerson(personId).forEach(g -> end(g, "PERSON_LEFT", null, null));
        for (Delegation d : requests.liveDelegationsOf(personId, today())) {
            if (requests.revokeDelegation(d.id())) {
                ledger.record("access.delegation.revoked", Subject.of("delegation", d.id()),
                        Map.of("reason", "PERSON_LEFT", "personId", personId, "approver", d.approverPersonId(),
                                "delegate", d.delegatePersonId()));
            }
        }
        for (Long id : requests.pendingOf(personId)) {
            requests.lock(id).filter(r -> requests.decide(id, AccessRequest.Status.WITHDRAWN, null)).ifPresent(r -> {
                ledger.record("access.request.withdrawn", Subject.of("accessRequest", id), Map.of("reason", "PERSON_LEFT"));
                events.publishEvent(new AccessEvents.AccessRequestWithdrawn(id, r.assetId()));
            });
        }
        accounts.revokeTokensOfPerson(personId);
    }

    private List<Long> flag(List<Grant> list, String flag) {
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Grant g : list) {
            if (grants.flag(g.id(), flag, now)) {
                ids.add(g.id());
                ledger.record("access.grant.flagged", Subject.of("grant", g.id()), Map.of("flag", flag, "assetId", g.assetId()));
            }
        }
        if (!ids.isEmpty()) {
            events.publishEvent(new AccessEvents.GrantsFlagged(ids, flag));
        }
        return ids;
    }

    // ---------------------------------------------------------------- requests and approvals

    /**
     * The signed-in person asks for something the policy makes subject to approval (ledger
     * {@code access.request.submitted}): for ACCESS a grant (always approved by the entry's 管理責任者); for
     * the other kinds, an action the check answers with "needs approval". Refused when the check already
     * permits it, or forbids it outright. The entry's 管理責任者 are notified.
     */
    @Transactional
    public AccessRequest submit(RequestDraft draft) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        if (draft.kind() == null) {
            throw InvalidInputException.onField("kind", "access.request.kindRequired");
        }
        if (draft.reason() == null || draft.reason().isBlank()) {
            throw InvalidInputException.onField("reason", "access.request.reasonRequired");
        }
        String level = requireDesignated(draft.assetId());
        RequestDraft d = new RequestDraft(draft.kind(), draft.assetId(),
                draft.kind() == RequestKind.ACCESS ? (draft.level() == null ? AccessLevel.VIEW : draft.level()) : null,
                draft.reason().strip(), draft.untilOn(),
                draft.medium() == null ? Medium.ELECTRONIC : draft.medium(),
                draft.location() == null ? Location.INSIDE_OFFICE : draft.location(),
                draft.recipient() != null ? draft.recipient()
                        : draft.kind() == RequestKind.PROVIDE_TO_THIRD_PARTY ? Recipient.THIRD_PARTY : Recipient.NONE,
                draft.kind().namesRecipient() ? blank(draft.recipientName()) : null);
        if (d.recipientName() != null && d.recipientName().length() > RECIPIENT_NAME_MAX) {
            throw InvalidInputException.onField("recipientName", "access.request.recipientTooLong", RECIPIENT_NAME_MAX);
        }
        if (d.untilOn() != null && d.untilOn().isBefore(today())) {
            throw InvalidInputException.onField("untilOn", "access.request.untilPast");
        }
        Set<Obligation> obligations;
        if (d.kind() == RequestKind.ACCESS) {
            Action action = d.level() == AccessLevel.VIEW ? Action.VIEW : Action.DOWNLOAD;
            AccessCheck now = checks.check(new AccessQuestion(person, action, d.assetId(), d.medium(), d.location(), d.recipient()));
            if (now.permitted() || keeper.index().isManager(person, d.assetId())) {
                throw new ConflictException("access.request.alreadyPermitted");
            }
            AccessIndex.Facts facts = keeper.index().facts(person, d.assetId(), keeper.minuteNow());
            PolicyDecision decision = policy.decide(new DecisionRequest(person, true, false, level, action, d.medium(),
                    d.location(), d.recipient(), facts.departmentId() == 0 ? null : facts.departmentId()));
            if (decision.outcome() == Outcome.DENY) {
                throw new ConflictException("access.request.forbidden");
            }
            obligations = decision.obligations();
        } else {
            AccessCheck c = checks.check(new AccessQuestion(person, d.kind().action(), d.assetId(), d.medium(), d.location(), d.recipient()));
            if (c.outcome() == Outcome.DENY) {
                throw new ConflictException("access.request.forbidden");
            }
            if (c.permitted()) {
                throw new ConflictException("access.request.notNeeded");
            }
            obligations = c.obligations();
        }
        int needed = approvalsNeededFor(level);
        long id = requests.insert(d, person, level, needed, obligations);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", d.kind().name());
        details.put("assetId", d.assetId());
        details.put("level", d.level() == null ? null : d.level().name());
        details.put("reason", d.reason());
        if (d.recipientName() != null) {
            details.put("recipientName", d.recipientName());
        }
        details.put("approvalsNeeded", needed);
        details.put("obligations", obligations.stream().map(Enum::name).sorted().toList());
        ledger.record("access.request.submitted", Subject.of("accessRequest", id), details);
        events.publishEvent(new AccessEvents.AccessRequested(id, d.kind(), d.assetId(), person));
        for (Long m : keeper.index().managersOf(d.assetId())) {
            if (m != person) {
                notifications.toPerson(m, new Notice("access.notice.requested", List.of(String.valueOf(id)), "/access/inbox"));
            }
        }
        return requests.findById(id).orElseThrow();
    }

    /**
     * Submits a request from the page (see {@link #submit}), where an e-mail outside the company or a provision to
     * a third party must name whom the information goes to, so that the approver knows. (The API keeps the name
     * optional, so that callers written before it existed keep working.)
     */
    @Transactional
    public AccessRequest submitNamingRecipient(RequestDraft draft) {
        if (draft.kind() != null && draft.kind().namesRecipient() && blank(draft.recipientName()) == null) {
            throw InvalidInputException.onField("recipientName", "access.request.recipientRequired");
        }
        return submit(draft);
    }

    /** Approves a pending request (ledger {@code access.request.approved}); the last approval completes it. */
    @Transactional
    public AccessRequest approve(long requestId, String note) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        AccessRequest r = requirePending(requestId);
        Long behalf = capacity(user, person, r);
        int approvalsNeeded = stillApprovable(r);
        for (AccessRequest.Step s : r.steps()) {
            Set<Long> done = new HashSet<>();
            done.add(s.personId());
            if (s.onBehalfOf() != null) {
                done.add(s.onBehalfOf());
            }
            if (done.contains(person) || (behalf != null && done.contains(behalf))) {
                throw new ConflictException("access.request.alreadyApproved");
            }
        }
        requests.addStep(r.id(), person, behalf, "APPROVED", blank(note));
        long approvals = r.approvals() + 1;
        boolean complete = approvals >= approvalsNeeded;
        Long grantId = null;
        Instant approvedUntil = null;
        if (complete) {
            if (r.kind() == RequestKind.ACCESS) {
                LocalDate until = r.untilOn() != null ? r.untilOn()
                        : today().plus(settings.properties().accessPeriod()).minusDays(1);
                grantId = issue(new GrantDraft(r.assetId(), AccessHolder.person(r.requesterPersonId()), r.level(),
                        r.reason(), null, until), person, r.id()).id();
                if (!requests.decide(r.id(), AccessRequest.Status.APPROVED, grantId)) {
                    throw new ConflictException("access.request.notPending");
                }
            } else {
                // the check lets the requester do what was asked until the end of the named last day, or for
                // the configured validity
                approvedUntil = r.untilOn() != null ? r.untilOn().plusDays(1).atStartOfDay(Directory.JAPAN).toInstant()
                        : clock.instant().plus(settings.properties().approvalValidity());
                if (!requests.approveUntil(r.id(), approvedUntil)) {
                    throw new ConflictException("access.request.notPending");
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("by", person);
        details.put("onBehalfOf", behalf);
        details.put("note", blank(note));
        details.put("approvals", approvals);
        details.put("approvalsNeeded", approvalsNeeded);
        details.put("status", complete ? "APPROVED" : "PENDING");
        details.put("grantId", grantId);
        details.put("approvedUntil", approvedUntil == null ? null : approvedUntil.toString());
        ledger.record("access.request.approved", Subject.of("accessRequest", r.id()), details);
        if (complete) {
            events.publishEvent(new AccessEvents.AccessRequestApproved(r.id(), r.kind(), r.assetId(), r.requesterPersonId(), grantId));
            notifications.toPerson(r.requesterPersonId(), new Notice("access.notice.approved", List.of(String.valueOf(r.id())), "/access/requests"));
        }
        return requests.findById(r.id()).orElseThrow();
    }

    /** Rejects a pending request with a reason (ledger {@code access.request.rejected}). */
    @Transactional
    public AccessRequest reject(long requestId, String note) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        AccessRequest r = requirePending(requestId);
        Long behalf = capacity(user, person, r);
        if (note == null || note.isBlank()) {
            throw InvalidInputException.onField("note", "access.request.noteRequired");
        }
        requests.addStep(r.id(), person, behalf, "REJECTED", note.strip());
        if (!requests.decide(r.id(), AccessRequest.Status.REJECTED, null)) {
            throw new ConflictException("access.request.notPending");
        }
        ledger.record("access.request.rejected", Subject.of("accessRequest", r.id()),
                Map.of("by", person, "onBehalfOf", behalf == null ? "" : behalf, "note", note.strip()));
        events.publishEvent(new AccessEvents.AccessRequestRejected(r.id(), r.kind(), r.assetId(), r.requesterPersonId()));
        notifications.toPerson(r.requesterPersonId(), new Notice("access.notice.rejected", List.of(String.valueOf(r.id())), "/access/requests"));
        return requests.findById(r.id()).orElseThrow();
    }

    /** The requester withdraws a pending request (ledger {@code access.request.withdrawn}). */
    @Transactional
    public AccessRequest withdraw(long requestId) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        AccessRequest r = requirePending(requestId);
        if (r.requesterPersonId() != person) {
            throw new AccessRefusedException("access.request.notRequester");
        }
        if (!requests.decide(r.id(), AccessRequest.Status.WITHDRAWN, null)) {
            throw new ConflictException("access.request.notPending");
        }
        ledger.record("access.request.withdrawn", Subject.of("accessRequest", r.id()), Map.of("by", person));
        events.publishEvent(new AccessEvents.AccessRequestWithdrawn(r.id(), r.assetId()));
        return requests.findById(r.id()).orElseThrow();
    }

    /**
     * Takes back a running approval of another kind than ACCESS (持出し, copy, print, e-mail outside, third party,
     * disposal) before it runs out: the entry's 管理責任者, a delegate standing in for one, or the 統括責任者, with
     * a reason; or the requester gives it back once done (no reason needed). From the commit on, the check no
     * longer permits the act by this approval (ledger {@code access.request.approvalRevoked}). An ACCESS request's
     * approval is a grant: end the grant instead.
     */
    @Transactional
    public AccessRequest revokeApproval(long requestId, String note) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        AccessRequest r = requests.lock(requestId)
                .orElseThrow(() -> new NotFoundException("access.request.notFound", String.valueOf(requestId)));
        boolean requester = r.requesterPersonId() == person;
        Long behalf = null;
        if (!requester) {
            behalf = capacity(user, person, r, "access.request.notRevoker");
            if (note == null || note.isBlank()) {
                throw InvalidInputException.onField("note", "access.request.revokeNoteRequired");
            }
        }
        if (r.kind() == RequestKind.ACCESS) {
            throw new ConflictException("access.request.revokeAccessKind");
        }
        Instant wasUntil = r.approvedUntil();
        if (!r.approvalRunningAt(clock.instant()) || !requests.revokeApproval(r.id())) {
            throw new ConflictException("access.request.notRunning");
        }
        requests.addStep(r.id(), person, behalf, "REVOKED", blank(note));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("by", person);
        details.put("onBehalfOf", behalf);
        details.put("byRequester", requester);
        details.put("note", blank(note));
        details.put("kind", r.kind().name());
        details.put("assetId", r.assetId());
        details.put("wasUntil", wasUntil.toString());
        ledger.record("access.request.approvalRevoked", Subject.of("accessRequest", r.id()), details);
        events.publishEvent(new AccessEvents.AccessApprovalRevoked(r.id(), r.kind(), r.assetId(), r.requesterPersonId()));
        if (!requester) {
            notifications.toPerson(r.requesterPersonId(),
                    new Notice("access.notice.approvalRevoked", List.of(String.valueOf(r.id())), "/access/requests"));
        }
        return requests.findById(r.id()).orElseThrow();
    }

    /**
     * The approvals still running on an entry (requests other than ACCESS that let their requester act now): for
     * the entry's 管理責任者 and organisation-wide readers, so that one no longer needed can be taken back.
     */
    @Transactional(readOnly = true)
    public List<AccessRequest> runningApprovals(long assetId) {
        CurrentUser user = users.require();
        if (!readsAll(user) && !isManager(user, assetId)) {
            throw new AccessRefusedException("access.request.outOfScope");
        }
        return requests.runningApprovalsOf(assetId, clock.instant());
    }

    /** The caller's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<AccessRequest> myRequests() {
        CurrentUser user = users.require();
        return user.personId() == null ? List.of() : requests.ofRequester(user.personId());
    }

    /** Pending requests the caller may decide now (as 管理責任者, delegate or 統括責任者), oldest first. */
    @Transactional(readOnly = true)
    public List<AccessRequest> inbox() {
        return inboxFor(users.require());
    }

    /** The pending requests the given user may decide now (for task lists). */
    @Transactional(readOnly = true)
    public List<AccessRequest> inboxFor(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        long person = user.personId();
        List<AccessRequest> out = new ArrayList<>();
        for (AccessRequest r : requests.pending()) {
            if (r.requesterPersonId() == person) {
                continue;
            }
            Long behalf;
            try {
                behalf = capacity(user, person, r);
            } catch (AccessRefusedException e) {
                continue;
            }
            Long represented = behalf;
            boolean done = r.steps().stream().anyMatch(s -> s.personId() == person
                    || (represented != null && represented.equals(s.onBehalfOf())) || (represented != null && s.personId() == represented));
            if (!done) {
                out.add(r);
            }
        }
        return out;
    }

    /** One request: for its requester, those who may decide it, and organisation-wide readers. */
    @Transactional(readOnly = true)
    public AccessRequest request(long requestId) {
        CurrentUser user = users.require();
        AccessRequest r = requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("access.request.notFound", String.valueOf(requestId)));
        if (readsAll(user) || (user.personId() != null && (user.personId() == r.requesterPersonId()
                || keeper.index().isManager(user.personId(), r.assetId())
                || !delegatorsFor(user.personId(), r).isEmpty()))) {
            return r;
        }
        throw new AccessRefusedException("access.request.outOfScope");
    }

    // ---------------------------------------------------------------- delegations

    /** The caller names a delegate who may approve in their place for the period (ledger {@code access.delegation.created}). */
    @Transactional
    public Delegation delegate(long delegatePersonId, LocalDate startsOn, LocalDate endsOn) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        if (delegatePersonId == person) {
            throw InvalidInputException.onField("delegatePersonId", "access.delegation.self");
        }
        PersonView delegate = directory.findPerson(delegatePersonId).filter(p -> p.status().current())
                .orElseThrow(() -> InvalidInputException.onField("delegatePersonId", "access.delegation.unknownPerson"));
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw InvalidInputException.onField("endsOn", "access.delegation.period");
        }
        if (endsOn.isBefore(today())) {
            throw InvalidInputException.onField("endsOn", "access.delegation.past");
        }
        long id = requests.insertDelegation(person, delegate.id(), startsOn, endsOn);
        ledger.record("access.delegation.created", Subject.of("delegation", id),
                Map.of("approver", person, "delegate", delegate.id(), "startsOn", startsOn.toString(), "endsOn", endsOn.toString()));
        // who asked them
        String approver = directory.findPerson(person).map(PersonView::name).orElse(String.valueOf(person));
        notifications.toPerson(delegate.id(), new Notice("access.notice.delegated",
                List.of(approver, startsOn.toString(), endsOn.toString()), "/access/inbox"));
        return requests.delegation(id).orElseThrow();
    }

    /**
     * The caller names a delegate by their 社員番号, as pages show people (see {@link #delegate}); the refusals
     * name the field {@code delegateEmployeeNumber}.
     */
    @Transactional
    public Delegation delegateToEmployee(String employeeNumber, LocalDate startsOn, LocalDate endsOn) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        if (employeeNumber == null || employeeNumber.isBlank()) {
            throw InvalidInputException.onField("delegateEmployeeNumber", "access.delegation.delegateRequired");
        }
        long delegate = directory.findPersonByEmployeeNumber(employeeNumber.strip()).filter(p -> p.status().current())
                .map(PersonView::id)
                .orElseThrow(() -> InvalidInputException.onField("delegateEmployeeNumber", "access.delegation.unknownPerson"));
        if (delegate == person) {
            throw InvalidInputException.onField("delegateEmployeeNumber", "access.delegation.self");
        }
        return delegate(delegate, startsOn, endsOn);
    }

    /** The approver ends a delegation (ledger {@code access.delegation.revoked}). */
    @Transactional
    public void endDelegation(long delegationId) {
        CurrentUser user = users.require();
        long person = requirePerson(user);
        Delegation d = requests.delegation(delegationId)
                .orElseThrow(() -> new NotFoundException("access.delegation.notFound", String.valueOf(delegationId)));
        if (d.approverPersonId() != person) {
            throw new AccessRefusedException("access.delegation.notYours");
        }
        if (requests.revokeDelegation(delegationId)) {
            ledger.record("access.delegation.revoked", Subject.of("delegation", delegationId), Map.of("by", person));
        }
    }

    /** Delegations the caller gave or received, newest first. */
    @Transactional(readOnly = true)
    public List<Delegation> myDelegations() {
        CurrentUser user = users.require();
        return user.personId() == null ? List.of() : requests.delegationsOf(user.personId());
    }

    // ---------------------------------------------------------------- checks for callers

    /**
     * Checks on behalf of the signed-in caller: IT_SECURITY and SYSTEM_ADMIN (e.g. a file server's integration
     * account) may ask about anyone; everyone else only about themselves (AccessRefusedException otherwise).
     */
    public List<AccessCheck> checkAs(List<AccessQuestion> questions) {
        CurrentUser user = users.require();
        for (AccessQuestion q : questions) {
            requireMayAskAbout(user, q.personId());
        }
        List<AccessCheck> answers = checks.checkAll(questions);
        return mayAskAboutAnyone(user) ? answers
                : withheld(user.personId(), questions.stream().map(AccessQuestion::assetId).toList(), answers);
    }

    /**
     * Whether a caller with these authorities may ask about anyone — answered from memory, without the register;
     * everyone else asks only about themselves, and their refusals are compared with what the register shows them.
     */
    public static boolean mayAskAboutAnyone(java.util.Collection<? extends GrantedAuthority> authorities) {
        for (GrantedAuthority a : authorities) {
            for (Role r : ASK_ABOUT_ANYONE) {
                if (r.authority().equals(a.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The answers as someone asking about themselves may have them: a refusal about an entry they do not know of
     * (neither hold, manage nor see in the register) tells no more than the register would — for a level the
     * scheme conceals, the very answer about an entry that does not exist; otherwise that it is outside their
     * scope, without its level or the policy's reason (which may name it).
     */
    private List<AccessCheck> withheld(long personId, List<Long> assetIds, List<AccessCheck> answers) {
        Set<Long> refused = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            if (tellsLevel(answers.get(i))) {
                refused.add(assetIds.get(i));
            }
        }
        Set<Long> unknown = unknownTo(personId, refused);
        if (unknown.isEmpty()) {
            return answers;
        }
        Set<String> concealed = policy.concealedLevelCodes();
        List<AccessCheck> out = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            AccessCheck a = answers.get(i);
            long assetId = assetIds.get(i);
            out.add(!tellsLevel(a) || !unknown.contains(assetId) ? a : outOfSight(assetId, a.levelCode(), concealed));
        }
        return out;
    }

    /**
     * The entries among these that the person does not know of: they hold no grant on it, are not its
     * 管理責任者 or a designated access holder, and do not see it in the register.
     */
    private Set<Long> unknownTo(long personId, Set<Long> assetIds) {
        int now = keeper.minuteNow();
        Set<Long> unknown = new HashSet<>();
        for (long a : assetIds) {
            AccessIndex.Facts f = keeper.index().facts(personId, a, now);
            if (!f.manager() && f.grantLevel() == AccessIndex.NO_GRANT) {
                unknown.add(a);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.removeAll(inventory.visibleEntries(unknown));
        }
        return unknown;
    }

    /** A refusal that names the entry's level (an answer about an unknown entry names none). */
    private static boolean tellsLevel(AccessCheck a) {
        return !a.permitted() && a.levelCode() != null;
    }

    /** The refusal about an entry the asker does not see: as if unknown when its level is concealed. */
    private static AccessCheck outOfSight(long assetId, String levelCode, Set<String> concealed) {
        return concealed.contains(levelCode)
                ? AccessCheck.refused(null, "access.check.unknownEntry", List.of(String.valueOf(assetId)))
                : AccessCheck.refused(null, "access.check.entryOutOfScope", List.of());
    }

    /** Whether the entry's level is concealed and the user does not know of it (see {@link #unknownTo}). */
    private boolean concealedFrom(CurrentUser user, long assetId) {
        String level = keeper.index().levelOf(assetId);
        return level != null && policy.concealedLevelCodes().contains(level)
                && (user.personId() == null || !unknownTo(user.personId(), Set.of(assetId)).isEmpty());
    }

    /**
     * Refuses (403) a question about someone the current user may not ask about, as {@link #checkAs} does — for
     * the check endpoint to call before it looks anything else up, so a refused caller learns nothing else.
     */
    public void requireMayAskAbout(long personId) {
        requireMayAskAbout(users.require(), personId);
    }

    private static void requireMayAskAbout(CurrentUser user, long personId) {
        if (!mayAskAboutAnyone(user) && (user.personId() == null || personId != user.personId())) {
            throw new AccessRefusedException("access.check.outOfScope");
        }
    }

    private static boolean mayAskAboutAnyone(CurrentUser user) {
        return user.hasAny(ASK_ABOUT_ANYONE);
    }

    /**
     * The question about a vault document instead of an entry: asked about the entry the document is filed
     * under. An unknown document is refused with 404; for a disposed document {@link #disposedDocument} answers.
     */
    @Transactional(readOnly = true)
    public DocumentEntries.DocumentEntry documentEntry(long documentId) {
        NotFoundException unknown = new NotFoundException("access.check.unknownDocument", String.valueOf(documentId));
        DocumentEntries.DocumentEntry found = documents.stream().map(d -> d.entryOf(documentId))
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow(() -> unknown);
        CurrentUser user = users.require();
        if (!mayAskAboutAnyone(user) && concealedFrom(user, found.assetId())) {
            throw unknown; // as if it did not exist, as the entry it is filed under
        }
        return found;
    }

    /**
     * The answer about a disposed document: nobody may do anything with it, whatever its entry allows. Asked
     * by the same people as {@link #checkAs}.
     */
    public AccessCheck disposedDocument(long personId, long assetId) {
        CurrentUser user = users.require();
        requireMayAskAbout(user, personId);
        AccessCheck answer = AccessCheck.refused(keeper.index().levelOf(assetId), "access.check.documentDisposed",
                List.of());
        return mayAskAboutAnyone(user) ? answer
                : withheld(personId, List.of(assetId), List.of(answer)).get(0);
    }

    /**
     * The person with the 社員番号 (for the check endpoint's subjects). Someone who may ask only about themselves
     * is refused (403) for every other number, known or not, so the answer does not tell which numbers exist.
     */
    @Transactional(readOnly = true)
    public long personByEmployeeNumber(String employeeNumber) {
        CurrentUser user = users.require();
        Optional<Long> person = directory.findPersonByEmployeeNumber(employeeNumber).map(PersonView::id);
        if (person.isEmpty() && !mayAskAboutAnyone(user)) {
            throw new AccessRefusedException("access.check.outOfScope");
        }
        long id = person.orElseThrow(() -> new NotFoundException("access.check.unknownSubject", employeeNumber));
        requireMayAskAbout(user, id);
        return id;
    }

    // ---------------------------------------------------------------- helpers

    private Grant issue(GrantDraft d, Long by, Long requestId) {
        if (d.level() == null) {
            throw InvalidInputException.onField("level", "access.grant.levelRequired");
        }
        if (d.reason() == null || d.reason().isBlank()) {
            throw InvalidInputException.onField("reason", "access.grant.reasonRequired");
        }
        checkHolder(d.holder());
        Instant now = clock.instant();
        Instant starts = d.startsOn() == null || !d.startsOn().isAfter(today()) ? now
                : d.startsOn().atStartOfDay(Directory.JAPAN).toInstant();
        Instant ends = d.endsOn() == null ? null : d.endsOn().plusDays(1).atStartOfDay(Directory.JAPAN).toInstant();
        if (ends != null && (!ends.isAfter(starts) || d.endsOn().isBefore(today()))) {
            throw InvalidInputException.onField("endsOn", "access.grant.endBeforeStart");
        }
        long id = grants.insert(d.assetId(), d.holder(), d.level(), d.reason().strip(), by, requestId, starts, ends);
        Grant g = grants.findById(id).orElseThrow();
        Map<String, Object> details = grantDetails(g);
        details.put("reason", g.reason());
        details.put("requestId", requestId);
        ledger.record("access.grant.issued", Subject.of("grant", id), details);
        events.publishEvent(new AccessEvents.GrantIssued(id, g.assetId(), g.holder().kind(), g.holder().ref(), g.level()));
        return g;
    }

    private void end(Grant g, String reason, Long by, String note) {
        if (grants.end(g.id(), reason, by, clock.instant())) {
            Map<String, Object> details = grantDetails(g);
            details.put("endReason", reason);
            details.put("note", blank(note));
            ledger.record("access.grant.ended", Subject.of("grant", g.id()), details);
            events.publishEvent(new AccessEvents.GrantEnded(g.id(), g.assetId(), g.holder().kind(), g.holder().ref(), reason));
        }
    }

    private static Map<String, Object> grantDetails(Grant g) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", g.assetId());
        d.put("holder", g.holder().kind() + ":" + g.holder().ref());
        d.put("level", g.level().name());
        d.put("startsAt", g.startsAt().toString());
        d.put("endsAt", g.endsAt() == null ? null : g.endsAt().toString());
        return d;
    }

    private void checkHolder(AccessHolder h) {
        if (h == null || h.kind() == null || h.ref() == null || h.ref().isBlank()) {
            throw InvalidInputException.onField("holder", "access.grant.holderRequired");
        }
        boolean ok;
        try {
            ok = switch (h.kind()) {
                case PERSON -> directory.findPerson(Long.parseLong(h.ref())).filter(p -> p.status().current()).isPresent();
                case DEPARTMENT -> directory.listDepartments().stream()
                        .anyMatch(x -> x.id() == Long.parseLong(h.ref()) && x.active());
                case ROLE -> Role.valueOf(h.ref()) != null;
                case GROUP -> inventory.projectGroups().containsKey(Long.parseLong(h.ref()));
            };
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw InvalidInputException.onField("holder", "access.grant.unknownHolder", h.ref());
        }
    }

    private Grant requireGrant(long id) {
        return grants.findById(id).orElseThrow(() -> new NotFoundException("access.grant.notFound", String.valueOf(id)));
    }

    /**
     * Refuses (409) approving a request whose ground is gone since it was filed — the requester left, the entry
     * was disposed of or is no longer designated, the request's last day has passed — and returns the
     * approvals it needs now: more than when it was filed if its entry has since moved to the highest level with
     * four-eyes approval on (the request is updated), never fewer.
     */
    private int stillApprovable(AccessRequest r) {
        AccessIndex.Facts f = keeper.index().facts(r.requesterPersonId(), r.assetId(), keeper.minuteNow());
        switch (f.state()) {
            case AccessIndex.PERSON_LEFT -> throw new ConflictException("access.request.requesterLeft");
            case AccessIndex.LEAVE_RESTRICTED -> throw new ConflictException("access.request.requesterLeaving");
            case AccessIndex.DISPOSED -> throw new ConflictException("access.request.entryDisposed");
            case AccessIndex.DESIGNATED -> { }
            default -> throw new ConflictException("access.request.entryNotDesignated");
        }
        if (r.untilOn() != null && r.untilOn().isBefore(today())) {
            throw new ConflictException("access.request.untilPassed", r.untilOn().toString());
        }
        int now = approvalsNeededFor(f.levelCode());
        if (now > r.approvalsNeeded()) {
            requests.requireApprovals(r.id(), now);
            return now;
        }
        return r.approvalsNeeded();
    }

    /** Two distinct approvers for an entry at the highest level when four-eyes approval is on, else one. */
    private int approvalsNeededFor(String levelCode) {
        return settings.fourEyes() && isHighest(levelCode) ? 2 : 1;
    }

    /** The pending request, locked until the transaction ends (404 unknown, 409 no longer pending). */
    private AccessRequest requirePending(long id) {
        AccessRequest r = requests.lock(id)
                .orElseThrow(() -> new NotFoundException("access.request.notFound", String.valueOf(id)));
        if (r.status() != AccessRequest.Status.PENDING) {
            throw new ConflictException("access.request.notPending");
        }
        return r;
    }

    /**
     * In which capacity the person decides the request: null in their own right (a 管理責任者 of the entry or
     * the 統括責任者), else the approver they stand in for as a delegate. Refuses the requester and anyone else.
     */
    private Long capacity(CurrentUser user, long person, AccessRequest r) {
        return capacity(user, person, r, "access.request.notApprover");
    }

    /** {@link #capacity(CurrentUser, long, AccessRequest)}, refusing anyone else with {@code refusal}. */
    private Long capacity(CurrentUser user, long person, AccessRequest r, String refusal) {
        if (r.requesterPersonId() == person) {
            throw new AccessRefusedException("access.request.ownRequest");
        }
        if (keeper.index().isManager(person, r.assetId()) || user.has(Role.CHIEF_OFFICER)) {
            return null;
        }
        List<Long> delegators = delegatorsFor(person, r);
        if (delegators.isEmpty()) {
            throw new AccessRefusedException(refusal);
        }
        return delegators.get(0);
    }

    private List<Long> delegatorsFor(long person, AccessRequest r) {
        List<Long> managers = keeper.index().managersOf(r.assetId());
        return requests.delegatorsOf(person, today()).stream()
                .filter(managers::contains).filter(m -> m != r.requesterPersonId()).toList();
    }

    private String requireDesignated(long assetId) {
        String level = keeper.index().levelOf(assetId);
        if (level == null) {
            if (!keeper.index().knowsEntry(assetId)) {
                throw new NotFoundException("access.entry.notFound", String.valueOf(assetId));
            }
            throw new InvalidInputException("access.grant.notDesignated");
        }
        return level;
    }

    private void requireGrantor(CurrentUser user, long assetId) {
        if (!user.has(Role.CHIEF_OFFICER) && !isManager(user, assetId)) {
            throw new AccessRefusedException("access.grant.notGrantor");
        }
    }

    private boolean isManager(CurrentUser user, long assetId) {
        return user.personId() != null && keeper.index().isManager(user.personId(), assetId);
    }

    private Set<Long> managedEntries(long personId) {
        Set<Long> out = new HashSet<>();
        for (long a : keeper.index().entriesManagedBy(personId)) {
            out.add(a);
        }
        return out;
    }

    private static boolean readsAll(CurrentUser user) {
        return user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.AUDITOR, Role.IT_SECURITY);
    }

    private static long requirePerson(CurrentUser user) {
        if (user.personId() == null) {
            throw new AccessRefusedException("access.error.noPerson");
        }
        return user.personId();
    }

    private boolean isHighest(String level) {
        return !policy.levels().isEmpty() && policy.levels().get(0).code().equals(level);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
