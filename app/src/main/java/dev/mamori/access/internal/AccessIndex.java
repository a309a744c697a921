package dev.mamori.access.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;

/**
 * The compact in-memory picture the access check reads: people (status, departments, roles, project
 * groups), departments (parent, 管理責任者), entries (level, department, responsible person, disposal,
 * designated access holders) and the live need-to-know grants. Ids are mapped to dense int indices and
 * everything is held in primitive arrays and one open-addressing table keyed by (entry, holder), so 100,000
 * people, 1,000,000 entries and 5,000,000 grants take a few hundred megabytes and no per-grant objects.
 * <p>
 * Plain Java, thread-safe: writers take a write lock, readers a read lock. A holder is packed in an int as
 * {@code kind << 29 | index} (kinds {@link #PERSON}, {@link #DEPARTMENT}, {@link #ROLE} — the role's
 * ordinal — and {@link #GROUP}). Grant times are held in epoch minutes: a grant counts from the minute it
 * starts until the minute it ends (so it may stop up to a minute early, never late).
 */
public final class AccessIndex {

    public static final int PERSON = 0;
    public static final int DEPARTMENT = 1;
    public static final int ROLE = 2;
    public static final int GROUP = 3;

    public static final int UNKNOWN_PERSON = 0;
    public static final int UNKNOWN_ENTRY = 1;
    public static final int PERSON_LEFT = 2;
    public static final int DISPOSED = 3;
    public static final int NOT_DESIGNATED = 4;
    public static final int DESIGNATED = 5;
    /** The person is under notice of leaving, and the rule for leavers keeps them from the entry's level. */
    public static final int LEAVE_RESTRICTED = 6;

    /** No grant covers the person. */
    public static final int NO_GRANT = -1;
    /** What a designated access holder has: every level. */
    public static final int HOLDER_LEVEL = 2;

    private static final int NONE = -1;
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];
    private static final int NEVER = Integer.MAX_VALUE;

    private final StampedLock lock = new StampedLock();

    private final LongIntMap personIdx;
    private final LongIntMap departmentIdx;
    private final LongIntMap groupIdx;
    private final LongIntMap assetIdx;

    private int people;
    private long[] personIds;
    private boolean[] left;
    /** Under notice of leaving (退職予定). */
    private boolean[] leaving;
    /**
     * Approved requests other than ACCESS, by requester: copied on write (there are few, and most checks never
     * look, since only an answer that needs approval does).
     */
    private volatile Map<Long, List<Approval>> approvals = Map.of();

    /**
     * An approved request of the person's: it lets them do this action on this entry, in this medium, place and
     * to this recipient, while the entry keeps the level it had when it was asked, until the minute given.
     */
    public record Approval(long requestId, long assetId, dev.mamori.policy.Action action, dev.mamori.policy.Medium medium,
                           dev.mamori.policy.Location location, dev.mamori.policy.Recipient recipient, String levelCode,
                           long untilMinute) {
    }

    /** What a notice of leaving keeps the person from: every level, one level (by code), or nothing. */
    private volatile boolean leavingRestrictsAll;
    private volatile String leavingRestrictedLevel;
    private int[][] personDepartments;
    private int[] roleMasks;
    private int[][] personGroups;

    private int departments;
    private int[] parents;
    private long[][] departmentManagers;

    private int groups;

    private int assets;
    private long[] assetIds;
    private byte[] assetLevels;
    private int[] assetDepartments;
    private long[] assetResponsible;
    private boolean[] disposed;
    private int[] holderStart;
    private int[] holderKeys;
    private int holderCount;
    private final Map<Integer, int[]> holderOverlay = new HashMap<>();

    private final LongIntMap grantHead;
    private long[] grantIds;
    private byte[] grantLevels;
    private int[] grantStarts;
    private int[] grantEnds;
    private int[] grantNext;
    private int grantSlots;
    private int grantFree = NONE;
    private int liveGrants;

    private final List<String> levelCodes = new ArrayList<>();
    private final Map<String, Integer> levelIndex = new HashMap<>();

    public AccessIndex(int expectedPeople, int expectedEntries, int expectedGrants) {
        int p = Math.max(16, expectedPeople);
        int a = Math.max(16, expectedEntries);
        int g = Math.max(16, expectedGrants);
        personIdx = new LongIntMap(p);
        departmentIdx = new LongIntMap(256);
        groupIdx = new LongIntMap(256);
        assetIdx = new LongIntMap(a);
        personIds = new long[p];
        left = new boolean[p];
        leaving = new boolean[p];
        personDepartments = new int[p][];
        roleMasks = new int[p];
        personGroups = new int[p][];
        parents = new int[256];
        departmentManagers = new long[256][];
        assetIds = new long[a];
        assetLevels = new byte[a];
        assetDepartments = new int[a];
        assetResponsible = new long[a];
        disposed = new boolean[a];
        holderStart = new int[a + 1];
        holderKeys = new int[a];
        grantHead = new LongIntMap(g);
        grantIds = new long[g];
        grantLevels = new byte[g];
        grantStarts = new int[g];
        grantEnds = new int[g];
        grantNext = new int[g];
    }

    /** A holder reference: kind and id (a person, department or group id, or a role's ordinal). */
    public record Holder(int kind, long ref) {
    }

    /**
     * What the index knows about a person and an entry.
     *
     * @param grantLevel the highest access level (an {@code AccessLevel} ordinal) of the active grants that
     *                   cover the person, {@link #NO_GRANT} when none; {@link #HOLDER_LEVEL} for a designated
     *                   access holder
     */
    public record Facts(int state, String levelCode, long departmentId, boolean manager, boolean designatedHolder,
                        int grantLevel) {
    }

    // ---------------------------------------------------------------- reads

    /** What decides the person's access to the entry at the given minute. */
    public Facts facts(long personId, long assetId, int nowMinute) {
        long stamp = lock.readLock();
        try {
            int p = personIdx.get(personId, NONE);
            if (p == NONE) {
                return new Facts(UNKNOWN_PERSON, null, 0, false, false, NO_GRANT);
            }
            int a = assetIdx.get(assetId, NONE);
            if (a == NONE) {
                return new Facts(UNKNOWN_ENTRY, null, 0, false, false, NO_GRANT);
            }
            int d = assetDepartments[a];
            long departmentId = d == NONE ? 0 : departmentIdOf(d);
            String level = assetLevels[a] == NONE ? null : levelCodes.get(assetLevels[a]);
            if (left[p]) {
                return new Facts(PERSON_LEFT, level, departmentId, false, false, NO_GRANT);
            }
            if (disposed[a]) {
                return new Facts(DISPOSED, level, departmentId, false, false, NO_GRANT);
            }
            if (level == null) {
                return new Facts(NOT_DESIGNATED, null, departmentId, false, false, NO_GRANT);
            }
            if (leaving[p] && (leavingRestrictsAll || level.equals(leavingRestrictedLevel))) {
                // by every path — grants to their department, role or group, a designation, being its manager
                return new Facts(LEAVE_RESTRICTED, level, departmentId, false, false, NO_GRANT);
            }
            boolean manager = assetResponsible[a] == personId || managesDepartment(personId, d);
            boolean holder = designatedHolder(a, p);
            int grant = holder ? HOLDER_LEVEL : bestGrant(a, p, nowMinute);
            return new Facts(DESIGNATED, level, departmentId, manager, holder, grant);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private long departmentIdOf(int d) {
        return departmentIdsByIndex[d];
    }

    private long[] departmentIdsByIndex = new long[256];
    private long[] groupIdsByIndex = new long[256];

    private boolean managesDepartment(long personId, int d) {
        if (d == NONE) {
            return false;
        }
        long[] managers = departmentManagers[d];
        if (managers != null) {
            for (long m : managers) {
                if (m == personId) {
                    return true;
                }
            }
        }
        return false;
    }

    private int[] holdersOf(int a) {
        if (!holderOverlay.isEmpty()) {
            int[] o = holderOverlay.get(a);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    private boolean designatedHolder(int a, int p) {
        int[] o = holdersOf(a);
        if (o != null) {
            for (int key : o) {
                if (covers(key, p)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = holderStart[a], end = holderStart[a + 1]; i < end; i++) {
            if (covers(holderKeys[i], p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the holder covers the person. */
    private boolean covers(int key, int p) {
        int kind = key >>> 29;
        int ref = key & ((1 << 29) - 1);
        switch (kind) {
            case PERSON:
                return ref == p;
            case DEPARTMENT:
                for (int d : personDepartments[p]) {
                    for (int x = d, hops = 0; x != NONE && hops < 64; x = parents[x], hops++) {
                        if (x == ref) {
                            return true;
                        }
                    }
                }
                return false;
            case ROLE:
                return (roleMasks[p] & (1 << ref)) != 0;
            default:
                for (int g : personGroups[p]) {
                    if (g == ref) {
                        return true;
                    }
                }
                return false;
        }
    }

    private int bestGrant(int a, int p, int now) {
        long base = (long) a << 32;
        int best = grantLevel(base | key(PERSON, p), now, NO_GRANT);
        for (int d : personDepartments[p]) {
            for (int x = d, hops = 0; x != NONE && hops < 64; x = parents[x], hops++) {
                best = grantLevel(base | key(DEPARTMENT, x), now, best);
            }
        }
        int roles = roleMasks[p];
        while (roles != 0) {
            int r = Integer.numberOfTrailingZeros(roles);
            roles &= roles - 1;
            best = grantLevel(base | key(ROLE, r), now, best);
        }
        for (int g : personGroups[p]) {
            best = grantLevel(base | key(GROUP, g), now, best);
        }
        return best;
    }

    private int grantLevel(long key, int now, int best) {
        if (best == HOLDER_LEVEL) {
            return best;
        }
        for (int s = grantHead.get(key, NONE); s != NONE; s = grantNext[s]) {
            if (grantStarts[s] <= now && now < grantEnds[s] && grantLevels[s] > best) {
                best = grantLevels[s];
            }
        }
        return best;
    }

    private static int key(int kind, int index) {
        return kind << 29 | index;
    }

    /** The entry's 管理責任者: its responsible person and the managers of its department. */
    public List<Long> managersOf(long assetId) {
        long stamp = lock.readLock();
        try {
            int a = assetIdx.get(assetId, NONE);
            if (a == NONE) {
                return List.of();
            }
            List<Long> out = new ArrayList<>();
            out.add(assetResponsible[a]);
            int d = assetDepartments[a];
            if (d != NONE && departmentManagers[d] != null) {
                for (long m : departmentManagers[d]) {
                    if (!out.contains(m)) {
                        out.add(m);
                    }
                }
            }
            return out;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Whether the person is the entry's 管理責任者. */
    public boolean isManager(long personId, long assetId) {
        return managersOf(assetId).contains(personId);
    }

    /** The entries the person is 管理責任者 of (a scan of the entries: for task lists and pages, not checks). */
    /** Whether the person is the 管理責任者 of any entry not disposed of (directly or through a department). */
    public boolean managesAny(long personId) {
        long stamp = lock.readLock();
        try {
            for (int a = 0; a < assets; a++) {
                if (!disposed[a] && (assetResponsible[a] == personId || managesDepartment(personId, assetDepartments[a]))) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    public long[] entriesManagedBy(long personId) {
        long stamp = lock.readLock();
        try {
            long[] out = new long[16];
            int n = 0;
            for (int a = 0; a < assets; a++) {
                if (!disposed[a] && (assetResponsible[a] == personId || managesDepartment(personId, assetDepartments[a]))) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = assetIds[a];
                }
            }
            return Arrays.copyOf(out, n);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** The entry's level code, or null (not designated or unknown). */
    public String levelOf(long assetId) {
        long stamp = lock.readLock();
        try {
            int a = assetIdx.get(assetId, NONE);
            return a == NONE || assetLevels[a] == NONE ? null : levelCodes.get(assetLevels[a]);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    public boolean knowsEntry(long assetId) {
        long stamp = lock.readLock();
        try {
            return assetIdx.get(assetId, NONE) != NONE;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    public int liveGrants() {
        long stamp = lock.readLock();
        try {
            return liveGrants;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    // ---------------------------------------------------------------- writes

    /** Adds or replaces a person. */
    public void putPerson(long personId, boolean hasLeft, long[] departmentIds, int roleMask, long[] groupIds) {
        long stamp = lock.writeLock();
        try {
            int p = person(personId);
            left[p] = hasLeft;
            personDepartments[p] = departmentIndices(departmentIds);
            roleMasks[p] = roleMask;
            personGroups[p] = groupIndices(groupIds);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public void setRoles(long personId, int roleMask) {
        long stamp = lock.writeLock();
        try {
            roleMasks[person(personId)] = roleMask;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public void setGroups(long personId, long[] groupIds) {
        long stamp = lock.writeLock();
        try {
            personGroups[person(personId)] = groupIndices(groupIds);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds an approval of the person's (and forgets their approvals that have run out). */
    public synchronized void addApproval(long personId, Approval approval, long nowMinute) {
        Map<Long, List<Approval>> next = new HashMap<>(approvals);
        List<Approval> mine = new ArrayList<>();
        for (Approval a : next.getOrDefault(personId, List.of())) {
            if (a.untilMinute() > nowMinute && a.requestId() != approval.requestId()) {
                mine.add(a);
            }
        }
        mine.add(approval);
        next.put(personId, List.copyOf(mine));
        approvals = Map.copyOf(next);
    }

    /** Forgets an approval of the person's that was taken back. */
    public synchronized void removeApproval(long personId, long requestId) {
        List<Approval> mine = approvals.getOrDefault(personId, List.of());
        if (mine.stream().noneMatch(a -> a.requestId() == requestId)) {
            return;
        }
        Map<Long, List<Approval>> next = new HashMap<>(approvals);
        List<Approval> kept = mine.stream().filter(a -> a.requestId() != requestId).toList();
        if (kept.isEmpty()) {
            next.remove(personId);
        } else {
            next.put(personId, kept);
        }
        approvals = Map.copyOf(next);
    }

    /** The approval that lets the person act as asked at the minute, or null. */
    public Approval approval(long personId, long assetId, dev.mamori.policy.Action action, dev.mamori.policy.Medium medium,
                             dev.mamori.policy.Location location, dev.mamori.policy.Recipient recipient, String levelCode,
                             long nowMinute) {
        Map<Long, List<Approval>> all = approvals;
        if (all.isEmpty()) {
            return null;
        }
        for (Approval a : all.getOrDefault(personId, List.of())) {
            if (a.assetId() == assetId && a.action() == action && a.medium() == medium && a.location() == location
                    && a.recipient() == recipient && a.levelCode().equals(levelCode) && a.untilMinute() > nowMinute) {
                return a;
            }
        }
        return null;
    }

    /** Marks the person as under notice of leaving, or no longer. */
    public void setLeaving(long personId, boolean underNotice) {
        long stamp = lock.writeLock();
        try {
            leaving[person(personId)] = underNotice;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * What a notice of leaving keeps the person from, by any path: entries of every level ({@code all}), of the
     * level with this code, or none (neither).
     */
    public void setLeavingRule(boolean all, String levelCode) {
        leavingRestrictsAll = all;
        leavingRestrictedLevel = levelCode;
    }

    public void setLeft(long personId, boolean hasLeft) {
        long stamp = lock.writeLock();
        try {
            left[person(personId)] = hasLeft;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds or replaces a department (null parent: a root). */
    public void putDepartment(long departmentId, Long parentId, long[] managerIds) {
        long stamp = lock.writeLock();
        try {
            int d = department(departmentId);
            parents[d] = parentId == null ? NONE : department(parentId);
            departmentManagers[d] = managerIds == null || managerIds.length == 0 ? null : managerIds.clone();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds or replaces an entry with its designation (null level: not designated). */
    public void putAsset(long assetId, String levelCode, long departmentId, long responsiblePersonId,
                         boolean isDisposed, List<Holder> holders) {
        long stamp = lock.writeLock();
        try {
            int a = assetIdx.get(assetId, NONE);
            boolean fresh = a == NONE;
            if (fresh) {
                a = assets;
                ensureAssets(a + 1);
                assetIdx.put(assetId, a);
                assetIds[a] = assetId;
                assets++;
            }
            assetLevels[a] = (byte) (levelCode == null ? NONE : level(levelCode));
            assetDepartments[a] = department(departmentId);
            assetResponsible[a] = responsiblePersonId;
            disposed[a] = isDisposed;
            int[] keys = new int[holders.size()];
            int n = 0;
            for (Holder h : holders) {
                int k = holderKey(h);
                if (k != NONE) {
                    keys[n++] = k;
                }
            }
            keys = Arrays.copyOf(keys, n);
            if (fresh) {
                if (holderCount + n > holderKeys.length) {
                    holderKeys = Arrays.copyOf(holderKeys, Math.max(holderKeys.length * 2, holderCount + n));
                }
                System.arraycopy(keys, 0, holderKeys, holderCount, n);
                holderStart[a] = holderCount;
                holderCount += n;
                holderStart[a + 1] = holderCount;
            } else {
                holderOverlay.put(a, keys);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds a grant (ends: epoch minute, or null for none), or gives one the index holds already its level and period. */
    public void addGrant(long grantId, long assetId, Holder holder, int accessLevel, long startMinute, Long endMinute) {
        long stamp = lock.writeLock();
        try {
            int a = assetIdx.get(assetId, NONE);
            if (a == NONE) {
                a = assets;
                ensureAssets(a + 1);
                assetIdx.put(assetId, a);
                assetIds[a] = assetId;
                assetLevels[a] = NONE;
                assetDepartments[a] = NONE;
                holderStart[a] = holderCount;
                holderStart[a + 1] = holderCount;
                assets++;
            }
            int hk = holderKey(holder);
            if (hk == NONE) {
                return;
            }
            long key = (long) a << 32 | hk;
            int s;
            for (s = grantHead.get(key, NONE); s != NONE; s = grantNext[s]) {
                if (grantIds[s] == grantId) {
                    // already held (the index read again): its level and period as given now
                    grantLevels[s] = (byte) accessLevel;
                    grantStarts[s] = (int) Math.max(Integer.MIN_VALUE, Math.min(startMinute, NEVER));
                    grantEnds[s] = endMinute == null ? NEVER : (int) Math.min(endMinute, NEVER);
                    return;
                }
            }
            if (grantFree != NONE) {
                s = grantFree;
                grantFree = grantNext[s];
            } else {
                s = grantSlots++;
                if (s == grantIds.length) {
                    int size = grantIds.length * 2;
                    grantIds = Arrays.copyOf(grantIds, size);
                    grantLevels = Arrays.copyOf(grantLevels, size);
                    grantStarts = Arrays.copyOf(grantStarts, size);
                    grantEnds = Arrays.copyOf(grantEnds, size);
                    grantNext = Arrays.copyOf(grantNext, size);
                }
            }
            grantIds[s] = grantId;
            grantLevels[s] = (byte) accessLevel;
            grantStarts[s] = (int) Math.max(Integer.MIN_VALUE, Math.min(startMinute, NEVER));
            grantEnds[s] = endMinute == null ? NEVER : (int) Math.min(endMinute, NEVER);
            grantNext[s] = grantHead.get(key, NONE);
            grantHead.put(key, s);
            liveGrants++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes a grant; nothing happens when the index does not hold it. */
    public void removeGrant(long grantId, long assetId, Holder holder) {
        long stamp = lock.writeLock();
        try {
            int a = assetIdx.get(assetId, NONE);
            int hk = holderKey(holder);
            if (a == NONE || hk == NONE) {
                return;
            }
            long key = (long) a << 32 | hk;
            int previous = NONE;
            for (int s = grantHead.get(key, NONE); s != NONE; previous = s, s = grantNext[s]) {
                if (grantIds[s] == grantId) {
                    if (previous == NONE) {
                        if (grantNext[s] == NONE) {
                            grantHead.remove(key);
                        } else {
                            grantHead.put(key, grantNext[s]);
                        }
                    } else {
                        grantNext[previous] = grantNext[s];
                    }
                    grantNext[s] = grantFree;
                    grantFree = s;
                    liveGrants--;
                    return;
                }
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    // ---------------------------------------------------------------- dense indices (under the write lock)

    private int holderKey(Holder h) {
        return switch (h.kind()) {
            case PERSON -> key(PERSON, person(h.ref()));
            case DEPARTMENT -> key(DEPARTMENT, department(h.ref()));
            case ROLE -> h.ref() >= 0 && h.ref() < 29 ? key(ROLE, (int) h.ref()) : NONE;
            case GROUP -> key(GROUP, group(h.ref()));
            default -> NONE;
        };
    }

    private int level(String code) {
        Integer i = levelIndex.get(code);
        if (i == null) {
            i = levelCodes.size();
            levelCodes.add(code);
            levelIndex.put(code, i);
        }
        return i;
    }

    private int person(long id) {
        int p = personIdx.get(id, NONE);
        if (p == NONE) {
            p = people++;
            if (p == personIds.length) {
                int size = personIds.length * 2;
                personIds = Arrays.copyOf(personIds, size);
                left = Arrays.copyOf(left, size);
                leaving = Arrays.copyOf(leaving, size);
                personDepartments = Arrays.copyOf(personDepartments, size);
                roleMasks = Arrays.copyOf(roleMasks, size);
                personGroups = Arrays.copyOf(personGroups, size);
            }
            personIdx.put(id, p);
            personIds[p] = id;
            personDepartments[p] = NO_INTS;
            personGroups[p] = NO_INTS;
        }
        return p;
    }

    private int department(long id) {
        int d = departmentIdx.get(id, NONE);
        if (d == NONE) {
            d = departments++;
            if (d == parents.length) {
                int size = parents.length * 2;
                parents = Arrays.copyOf(parents, size);
                departmentManagers = Arrays.copyOf(departmentManagers, size);
                departmentIdsByIndex = Arrays.copyOf(departmentIdsByIndex, size);
            }
            departmentIdx.put(id, d);
            parents[d] = NONE;
            departmentIdsByIndex[d] = id;
        }
        return d;
    }

    private int group(long id) {
        int g = groupIdx.get(id, NONE);
        if (g == NONE) {
            g = groups++;
            if (g == groupIdsByIndex.length) {
                groupIdsByIndex = Arrays.copyOf(groupIdsByIndex, g * 2);
            }
            groupIdx.put(id, g);
            groupIdsByIndex[g] = id;
        }
        return g;
    }

    private int[] departmentIndices(long[] ids) {
        if (ids == null || ids.length == 0) {
            return NO_INTS;
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = department(ids[i]);
        }
        return out;
    }

    private int[] groupIndices(long[] ids) {
        if (ids == null || ids.length == 0) {
            return NO_INTS;
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = group(ids[i]);
        }
        return out;
    }

    private void ensureAssets(int needed) {
        if (needed <= assetIds.length) {
            return;
        }
        int size = Math.max(needed, assetIds.length * 2);
        assetIds = Arrays.copyOf(assetIds, size);
        assetLevels = Arrays.copyOf(assetLevels, size);
        assetDepartments = Arrays.copyOf(assetDepartments, size);
        assetResponsible = Arrays.copyOf(assetResponsible, size);
        disposed = Arrays.copyOf(disposed, size);
        holderStart = Arrays.copyOf(holderStart, size + 1);
    }

    static long[] noLongs() {
        return NO_LONGS;
    }
}
