package dev.mamori.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.mamori.access.AccessEvents;
import dev.mamori.access.Grant;
import dev.mamori.directory.DepartmentEvents;
import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonEvents;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDesignation;
import dev.mamori.inventory.AssetEvents;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.PersonAccounts;
import dev.mamori.platform.Role;
import dev.mamori.policy.Policy;

/**
 * Builds the {@link AccessIndex} once the application has started and keeps it current: right after the
 * commit of each change it hears of — this module's grants, the register's entries and designations, the
 * directory's people and departments (a cache refresh, so plain listeners with an after-commit step rather than
 * registry-backed ones; a change made outside a transaction applies at once). Roles of accounts and project groups, which publish no events, are read again
 * every minute ({@code mamori.access.index-refresh}).
 */
@Component
public class IndexKeeper implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);

    private final AccessIndex index = new AccessIndex(1024, 4096, 4096);
    private final Directory directory;
    private final Inventory inventory;
    private final PersonAccounts accounts;
    private final GrantRepository grants;
    private final AccessSettings settings;
    private final Policy policy;
    private final RequestRepository requests;
    private final java.time.Clock clock;

    IndexKeeper(Directory directory, Inventory inventory, PersonAccounts accounts, GrantRepository grants,
                AccessSettings settings, Policy policy, RequestRepository requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.directory = directory;
        this.inventory = inventory;
        this.accounts = accounts;
        this.grants = grants;
        this.settings = settings;
        this.policy = policy;
    }

    public AccessIndex index() {
        return index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        build();
    }

    /**
     * The demo company is written straight into the modules' tables after the index was built, mostly without
     * events: once it has committed, read everything again (entries and people are added or updated in place).
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(dev.mamori.platform.DemoCompanyLoaded e) {
        build();
    }

    private synchronized void build() {
        long started = System.nanoTime();
        leavingRule();
        directory.listDepartments().forEach(this::put);
        Map<Long, Set<Role>> roles = accounts.rolesByPerson();
        Map<Long, List<Long>> groups = inventory.projectGroupsByPerson();
        directory.forEachPerson(2000, page -> page.forEach(p -> put(p, roles, groups)));
        inventory.forEachDesignation(2000, page -> page.forEach(this::put));
        grants.forEachLive(5000, page -> page.forEach(this::put));
        requests.approvedBeyond(clock.instant()).forEach(this::putApproval);
        log.info("Access index built in {} ms ({} live grants).", (System.nanoTime() - started) / 1_000_000,
                index.liveGrants());
    }

    /** Reads roles and project groups again (they publish no events). */
    @Scheduled(fixedDelayString = "${mamori.access.index-refresh:60s}", initialDelayString = "${mamori.access.index-refresh:60s}")
    public void refreshRolesAndGroups() {
        Map<Long, Set<Role>> roles = accounts.rolesByPerson();
        Map<Long, List<Long>> groups = inventory.projectGroupsByPerson();
        directory.forEachPerson(2000, page -> page.forEach(p -> {
            index.setRoles(p.id(), mask(roles.get(p.id())));
            index.setGroups(p.id(), longs(groups.get(p.id())));
        }));
    }

    /**
     * What a notice of leaving keeps people from, whatever path gives them access ({@code mamori.access.leave-notice}):
     * END_ALL every level, END_HIGHEST_FLAG_OTHERS the scheme's highest level, FLAG_ALL nothing.
     */
    public void leavingRule() {
        String highest = policy.levels().isEmpty() ? null : policy.levels().get(0).code();
        switch (settings.properties().leaveNotice()) {
            case END_ALL -> index.setLeavingRule(true, null);
            case END_HIGHEST_FLAG_OTHERS -> index.setLeavingRule(false, highest);
            case FLAG_ALL -> index.setLeavingRule(false, null);
        }
    }

    /** Reads one person again (status, departments, roles, groups). */
    public void refreshPerson(long personId) {
        directory.findPerson(personId).ifPresent(p -> put(p, Map.of(p.id(), accounts.rolesOf(p.id())),
                Map.of(p.id(), inventory.projectGroupsOf(p.id()))));
    }

    public void refreshAsset(long assetId) {
        inventory.designations(List.of(assetId)).forEach(this::put);
    }

    // ---------------------------------------------------------------- after commit
    // The events are heard when published and applied once the transaction has committed (a rolled-back change
    // never reaches the index). They are gathered per transaction, so that an import of thousands of people or
    // entries refreshes them in bulk; plain listeners, so the publication registry does not store a cache refresh.

    /** What a transaction changed, applied to the index after its commit. */
    private final class Pending implements TransactionSynchronization {
        final Set<Long> people = new LinkedHashSet<>();
        final Set<Long> assets = new LinkedHashSet<>();
        final Set<Long> departments = new LinkedHashSet<>();
        final List<Runnable> grants = new ArrayList<>();

        @Override
        public void afterCommit() {
            try {
                apply(this);
            } catch (RuntimeException e) {
                log.error("Could not bring the access index up to date after a commit", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(this.getClass());
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending p = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (p == null) {
            p = new Pending();
            TransactionSynchronizationManager.bindResource(Pending.class, p);
            TransactionSynchronizationManager.registerSynchronization(p);
        }
        return p;
    }

    private void people(long id) {
        Pending p = pending();
        if (p == null) {
            refreshPerson(id);
        } else {
            p.people.add(id);
        }
    }

    private void asset(long id) {
        Pending p = pending();
        if (p == null) {
            refreshAsset(id);
        } else {
            p.assets.add(id);
        }
    }

    private void department(long id) {
        Pending p = pending();
        if (p == null) {
            directory.listDepartments().stream().filter(d -> d.id() == id).forEach(this::put);
        } else {
            p.departments.add(id);
        }
    }

    private void grant(Runnable change) {
        Pending p = pending();
        if (p == null) {
            change.run();
        } else {
            p.grants.add(change);
        }
    }

    private void apply(Pending p) {
        if (!p.departments.isEmpty()) {
            directory.listDepartments().stream().filter(d -> p.departments.contains(d.id())).forEach(this::put);
        }
        if (p.people.size() > 500) {
            Map<Long, Set<Role>> roles = accounts.rolesByPerson();
            Map<Long, List<Long>> groups = inventory.projectGroupsByPerson();
            directory.forEachPerson(2000, page -> page.stream().filter(v -> p.people.contains(v.id()))
                    .forEach(v -> put(v, roles, groups)));
        } else {
            p.people.forEach(this::refreshPerson);
        }
        List<Long> assets = List.copyOf(p.assets);
        for (int i = 0; i < assets.size(); i += 1000) {
            inventory.designations(assets.subList(i, Math.min(assets.size(), i + 1000))).forEach(this::put);
        }
        p.grants.forEach(Runnable::run);
    }

    @EventListener
    void on(AccessEvents.AccessRequestApproved e) {
        if (e.kind() != dev.mamori.access.RequestKind.ACCESS) {
            grant(() -> requests.findById(e.requestId()).ifPresent(this::putApproval));
        }
    }

    @EventListener
    void on(AccessEvents.AccessApprovalRevoked e) {
        grant(() -> index.removeApproval(e.requesterPersonId(), e.requestId()));
    }

    private void putApproval(dev.mamori.access.AccessRequest r) {
        if (r.approvedUntil() == null || r.levelCode() == null) {
            return;
        }
        index.addApproval(r.requesterPersonId(), new AccessIndex.Approval(r.id(), r.assetId(), r.kind().action(),
                r.medium(), r.location(), r.recipient(), r.levelCode(), minute(r.approvedUntil().toEpochMilli())),
                minute(clock.millis()));
    }

    @EventListener
    void on(AccessEvents.GrantIssued e) {
        grant(() -> grants.findById(e.grantId()).filter(Grant::live).ifPresent(this::put));
    }

    @EventListener
    void on(AccessEvents.GrantEnded e) {
        grant(() -> index.removeGrant(e.grantId(), e.assetId(), holder(new AccessHolder(e.holderKind(), e.holderRef()))));
    }

    @EventListener
    void on(AssetEvents.AssetRegistered e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetChanged e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetStageChanged e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetDisposed e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetDesignated e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetReclassified e) {
        asset(e.assetId());
    }

    @EventListener
    void on(AssetEvents.AssetDeclassified e) {
        asset(e.assetId());
    }

    @EventListener
    void on(PersonEvents.PersonRegistered e) {
        people(e.personId());
    }

    @EventListener
    void on(PersonEvents.PersonJoined e) {
        people(e.personId());
    }

    @EventListener
    void on(PersonEvents.PersonTransferred e) {
        people(e.personId());
    }

    @EventListener
    void on(PersonEvents.PersonLeft e) {
        people(e.personId());
    }

    @EventListener
    void on(PersonEvents.PersonLeaveNotified e) {
        leavingRule(); // the scheme's highest level may have changed since
        people(e.personId());
    }

    @EventListener
    void on(DepartmentEvents.DepartmentCreated e) {
        department(e.departmentId());
    }

    @EventListener
    void on(DepartmentEvents.DepartmentChanged e) {
        department(e.departmentId());
    }

    @EventListener
    void on(DepartmentEvents.DepartmentManagersChanged e) {
        department(e.departmentId());
    }

    // ---------------------------------------------------------------- conversions

    private void put(DepartmentView d) {
        index.putDepartment(d.id(), d.parentId(), d.managers().stream().mapToLong(DepartmentView.PersonRef::id).toArray());
    }

    private void put(PersonView p, Map<Long, Set<Role>> roles, Map<Long, List<Long>> groups) {
        index.putPerson(p.id(), p.status() == PersonStatus.LEFT,
                p.departments().stream().mapToLong(PersonView.DepartmentRef::id).toArray(),
                mask(roles.get(p.id())), longs(groups.get(p.id())));
        index.setLeaving(p.id(), p.status() == PersonStatus.LEAVING);
    }

    private void put(AssetDesignation d) {
        index.putAsset(d.assetId(), d.levelId(), d.departmentId(), d.responsiblePersonId(), d.disposed(),
                d.holders().stream().map(IndexKeeper::holder).filter(h -> h != null).toList());
    }

    private void put(Grant g) {
        AccessIndex.Holder h = holder(g.holder());
        if (h != null) {
            index.addGrant(g.id(), g.assetId(), h, g.level().ordinal(), minute(g.startsAt().toEpochMilli()),
                    g.endsAt() == null ? null : minute(g.endsAt().toEpochMilli()));
        }
    }

    /** The current minute, as the index counts grant times. */
    public int minuteNow() {
        return (int) minute(clock.millis());
    }

    static long minute(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L);
    }

    static int mask(Set<Role> roles) {
        int m = 0;
        if (roles != null) {
            for (Role r : roles) {
                m |= 1 << r.ordinal();
            }
        }
        return m;
    }

    private static long[] longs(List<Long> values) {
        return values == null ? new long[0] : values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The index's form of a holder; null for a reference it cannot hold (an unknown role, a malformed id). */
    static AccessIndex.Holder holder(AccessHolder h) {
        try {
            return switch (h.kind()) {
                case PERSON -> new AccessIndex.Holder(AccessIndex.PERSON, Long.parseLong(h.ref()));
                case DEPARTMENT -> new AccessIndex.Holder(AccessIndex.DEPARTMENT, Long.parseLong(h.ref()));
                case GROUP -> new AccessIndex.Holder(AccessIndex.GROUP, Long.parseLong(h.ref()));
                case ROLE -> new AccessIndex.Holder(AccessIndex.ROLE, Role.valueOf(h.ref()).ordinal());
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
