package dev.mamori.bench;

import java.util.Arrays;
import java.util.List;

import dev.mamori.access.internal.AccessIndex;
import dev.mamori.platform.Role;

/**
 * A plain copy of the generated access data (filled by {@link AccessData} with the same seed as the module's
 * index), from which {@link CedarComparison} cuts the Cedar entity slice each question needs: the person with
 * their departments (and those above), roles and groups, and the entry with its managers and the holders of its
 * grants in force at that minute and of its designation. Ids are dense (1..n), as {@link AccessData} makes them.
 */
final class Shadow implements AccessData.Sink {

    private static final int NEVER = Integer.MAX_VALUE;

    final boolean[] left;
    final long[][] personDepartments;
    final int[] roleMasks;
    final long[][] personGroups;
    long[] departmentParent = new long[256];
    long[][] departmentManagers = new long[256][];
    final String[] entryLevel;
    final long[] entryDepartment;
    final long[] entryResponsible;
    final boolean[] entryDisposed;
    final long[][] entryHolders;

    private int grants;
    private int[] gAsset = new int[1024];
    private byte[] gKind = new byte[1024];
    private long[] gRef = new long[1024];
    private byte[] gLevel = new byte[1024];
    private int[] gStart = new int[1024];
    private int[] gEnd = new int[1024];
    private int[] byEntryStart;
    private int[] byEntry;

    Shadow(int people, int entries) {
        left = new boolean[people + 1];
        personDepartments = new long[people + 1][];
        roleMasks = new int[people + 1];
        personGroups = new long[people + 1][];
        entryLevel = new String[entries + 1];
        entryDepartment = new long[entries + 1];
        entryResponsible = new long[entries + 1];
        entryDisposed = new boolean[entries + 1];
        entryHolders = new long[entries + 1][];
    }

    static long holder(int kind, long ref) {
        return (long) kind << 40 | ref;
    }

    static int kindOf(long holder) {
        return (int) (holder >>> 40);
    }

    static long refOf(long holder) {
        return holder & ((1L << 40) - 1);
    }

    @Override
    public void putDepartment(long id, Long parent, long[] managers) {
        if (id >= departmentParent.length) {
            departmentParent = Arrays.copyOf(departmentParent, (int) id * 2);
            departmentManagers = Arrays.copyOf(departmentManagers, (int) id * 2);
        }
        departmentParent[(int) id] = parent == null ? 0 : parent;
        departmentManagers[(int) id] = managers;
    }

    @Override
    public void putPerson(long id, boolean hasLeft, long[] departments, int roleMask, long[] groups) {
        left[(int) id] = hasLeft;
        personDepartments[(int) id] = departments;
        roleMasks[(int) id] = roleMask;
        personGroups[(int) id] = groups;
    }

    @Override
    public void putAsset(long id, String level, long department, long responsible, boolean disposed,
                         List<AccessIndex.Holder> holders) {
        int e = (int) id;
        entryLevel[e] = level;
        entryDepartment[e] = department;
        entryResponsible[e] = responsible;
        entryDisposed[e] = disposed;
        entryHolders[e] = holders.stream().mapToLong(h -> holder(h.kind(), h.ref())).toArray();
    }

    @Override
    public void addGrant(long id, long asset, AccessIndex.Holder holder, int level, long startMinute, Long endMinute) {
        if (grants == gAsset.length) {
            int size = grants * 2;
            gAsset = Arrays.copyOf(gAsset, size);
            gKind = Arrays.copyOf(gKind, size);
            gRef = Arrays.copyOf(gRef, size);
            gLevel = Arrays.copyOf(gLevel, size);
            gStart = Arrays.copyOf(gStart, size);
            gEnd = Arrays.copyOf(gEnd, size);
        }
        gAsset[grants] = (int) asset;
        gKind[grants] = (byte) holder.kind();
        gRef[grants] = holder.ref();
        gLevel[grants] = (byte) level;
        gStart[grants] = (int) startMinute;
        gEnd[grants] = endMinute == null ? NEVER : (int) Math.min(endMinute, NEVER);
        grants++;
    }

    /** Indexes the grants by entry (call once, after filling). */
    void seal() {
        byEntryStart = new int[entryLevel.length + 1];
        for (int g = 0; g < grants; g++) {
            byEntryStart[gAsset[g] + 1]++;
        }
        for (int e = 0; e < entryLevel.length; e++) {
            byEntryStart[e + 1] += byEntryStart[e];
        }
        byEntry = new int[grants];
        int[] next = Arrays.copyOf(byEntryStart, byEntryStart.length);
        for (int g = 0; g < grants; g++) {
            byEntry[next[gAsset[g]]++] = g;
        }
    }

    /** The entry's grants in force at the minute, as {@code holder(kind, ref)} at each access level (0..2). */
    long[][] holdersInForce(int entry, int now, long[][] buffers) {
        int[] n = new int[3];
        for (int i = byEntryStart[entry]; i < byEntryStart[entry + 1]; i++) {
            int g = byEntry[i];
            if (gStart[g] <= now && now < gEnd[g]) {
                int level = gLevel[g];
                long h = holder(gKind[g], gRef[g]);
                for (int l = 0; l <= level; l++) {
                    if (n[l] == buffers[l].length) {
                        buffers[l] = Arrays.copyOf(buffers[l], n[l] * 2);
                    }
                    buffers[l][n[l]++] = h;
                }
            }
        }
        return new long[][] {Arrays.copyOf(buffers[0], n[0]), Arrays.copyOf(buffers[1], n[1]), Arrays.copyOf(buffers[2], n[2])};
    }

    /** A person holding a grant to the entry directly, or 0. */
    long personGrantee(int entry, int pick) {
        int from = byEntryStart[entry];
        int count = byEntryStart[entry + 1] - from;
        for (int k = 0; k < count; k++) {
            int g = byEntry[from + (pick + k) % count];
            if (gKind[g] == AccessIndex.PERSON) {
                return gRef[g];
            }
        }
        return 0;
    }

    /** The Cedar scope id of a role ordinal. */
    static String roleScope(int ordinal) {
        return "role:" + Role.values()[ordinal].name();
    }
}
