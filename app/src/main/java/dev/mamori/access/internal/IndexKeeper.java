package dev.mamori.access.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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

/**
 * Builds the {@link AccessIndex} once the application has started and keeps it current: right after the
 * commit of each change it hears of — this module's grants, the register's entries and designations, the
 * directory's people and departments (a cache refresh, so a plain after-commit listener rather than a
 * registry-backed one). Roles of accounts and project groups, which publish no events, are read again
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

    IndexKeeper(Directory directory, Inventory inventory, PersonAccounts accounts, GrantRepository grants) {
        this.directory = directory;
        this.inventory = inventory;
        this.accounts = accounts;
        this.grants = grants;
    }

    public AccessIndex index() {
        return index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        directory.listDepartments().forEach(this::put);
        Map<Long, Set<Role>> roles = accounts.rolesByPerson();
        Map<Long, List<Long>> groups = inventory.projectGroupsByPerson();
        directory.forEachPerson(2000, page -> page.forEach(p -> put(p, roles, groups)));
        inventory.forEachDesignation(2000, page -> page.forEach(this::put));
        grants.forEachLive(5000, page -> page.forEach(this::put));
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

    /** Reads one person again (status, departments, roles, groups). */
    public void refreshPerson(long personId) {
        directory.findPerson(personId).ifPresent(p -> put(p, Map.of(p.id(), accounts.rolesOf(p.id())),
                inventory.projectGroupsByPerson()));
    }

    public void refreshAsset(long assetId) {
        inventory.designations(List.of(assetId)).forEach(this::put);
    }

    // ---------------------------------------------------------------- after commit

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AccessEvents.GrantIssued e) {
        grants.findById(e.grantId()).filter(Grant::live).ifPresent(this::put);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AccessEvents.GrantEnded e) {
        index.removeGrant(e.grantId(), e.assetId(), holder(new AccessHolder(e.holderKind(), e.holderRef())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetRegistered e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetChanged e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetStageChanged e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetDisposed e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetDesignated e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetReclassified e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssetEvents.AssetDeclassified e) {
        refreshAsset(e.assetId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PersonEvents.PersonRegistered e) {
        refreshPerson(e.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PersonEvents.PersonJoined e) {
        refreshPerson(e.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PersonEvents.PersonTransferred e) {
        refreshPerson(e.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PersonEvents.PersonLeft e) {
        index.setLeft(e.personId(), true);
        refreshPerson(e.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PersonEvents.PersonLeaveNotified e) {
        refreshPerson(e.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DepartmentEvents.DepartmentCreated e) {
        put(directory.department(e.departmentId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DepartmentEvents.DepartmentChanged e) {
        put(directory.department(e.departmentId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DepartmentEvents.DepartmentManagersChanged e) {
        put(directory.department(e.departmentId()));
    }

    // ---------------------------------------------------------------- conversions

    private void put(DepartmentView d) {
        index.putDepartment(d.id(), d.parentId(), d.managers().stream().mapToLong(DepartmentView.PersonRef::id).toArray());
    }

    private void put(PersonView p, Map<Long, Set<Role>> roles, Map<Long, List<Long>> groups) {
        index.putPerson(p.id(), p.status() == PersonStatus.LEFT,
                p.departments().stream().mapToLong(PersonView.DepartmentRef::id).toArray(),
                mask(roles.get(p.id())), longs(groups.get(p.id())));
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
