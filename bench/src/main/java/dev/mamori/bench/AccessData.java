package dev.mamori.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.mamori.access.AccessQuestion;
import dev.mamori.access.internal.AccessIndex;
import dev.mamori.platform.Role;
import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;

/**
 * The access check's data set, generated straight into an {@link AccessIndex} (not through SQL: what is
 * measured is the check, and the index is what it reads; building the index from PostgreSQL at start-up is a
 * separate cost). People have ids 1..P in departments of a tree of {@code departments} (one root, divisions,
 * departments), 1 in 10 with a second department; entries have ids 1..E, 15 % 極秘, 70 % 社外秘, 15 % not
 * designated, each with a responsible person in its department and 1–3 designated holders (a department, a
 * person, sometimes a role); grants are spread over the entries: 80 % to people, 15 % to departments,
 * 5 % to project groups, at VIEW / DOWNLOAD / EDIT, a quarter with an end (some already past).
 */
final class AccessData {

    static final String[] LEVELS = {"TOP_SECRET", "CONFIDENTIAL"};

    final int people;
    final int entries;
    final int grants;
    final int departments;
    final int[] personDepartment;
    final int[] entryDepartment;

    private AccessData(int people, int entries, int grants, int departments) {
        this.people = people;
        this.entries = entries;
        this.grants = grants;
        this.departments = departments;
        this.personDepartment = new int[people + 1];
        this.entryDepartment = new int[entries + 1];
    }

    /** Where the generated data goes: the module's index, or {@link Shadow} (a plain copy for the Cedar slices). */
    interface Sink {
        void putDepartment(long id, Long parent, long[] managers);

        void putPerson(long id, boolean left, long[] departments, int roleMask, long[] groups);

        void putAsset(long id, String level, long department, long responsible, boolean disposed,
                      List<AccessIndex.Holder> holders);

        void addGrant(long id, long asset, AccessIndex.Holder holder, int level, long startMinute, Long endMinute);
    }

    /** Fills the index; {@code nowMinute} is the minute the grants' periods are set around. */
    static AccessData fill(AccessIndex index, int people, int entries, int grants, long seed, int nowMinute) {
        return fill(new Sink() {
            @Override
            public void putDepartment(long id, Long parent, long[] managers) {
                index.putDepartment(id, parent, managers);
            }

            @Override
            public void putPerson(long id, boolean left, long[] departments, int roleMask, long[] groups) {
                index.putPerson(id, left, departments, roleMask, groups);
            }

            @Override
            public void putAsset(long id, String level, long department, long responsible, boolean disposed,
                                 List<AccessIndex.Holder> holders) {
                index.putAsset(id, level, department, responsible, disposed, holders);
            }

            @Override
            public void addGrant(long id, long asset, AccessIndex.Holder holder, int level, long startMinute,
                                 Long endMinute) {
                index.addGrant(id, asset, holder, level, startMinute, endMinute);
            }
        }, people, entries, grants, seed, nowMinute);
    }

    /** Generates the data set into the sink (the same seed gives the same data, whatever the sink). */
    static AccessData fill(Sink index, int people, int entries, int grants, long seed, int nowMinute) {
        int departments = Math.max(10, people / 50);
        AccessData d = new AccessData(people, entries, grants, departments);
        SplittableRandom rnd = new SplittableRandom(seed);
        // department 1 is the root, 2..11 divisions, the rest departments under a division
        for (int dep = 1; dep <= departments; dep++) {
            Long parent = dep == 1 ? null : dep <= 11 ? 1L : (long) (2 + rnd.nextInt(10));
            index.putDepartment(dep, parent, new long[]{1 + (long) ((dep * 50L) % people)});
        }
        int groups = Math.max(1, people / 100);
        for (int p = 1; p <= people; p++) {
            int dep = 12 + rnd.nextInt(Math.max(1, departments - 11));
            dep = Math.min(dep, departments);
            d.personDepartment[p] = dep;
            long[] deps = rnd.nextInt(10) == 0 ? new long[]{dep, 12 + rnd.nextInt(Math.max(1, departments - 11))} : new long[]{dep};
            int roles = 1 << Role.EMPLOYEE.ordinal();
            if (rnd.nextInt(50) == 0) {
                roles |= 1 << Role.MANAGER.ordinal();
            }
            long[] member = rnd.nextInt(5) == 0 ? new long[]{1 + rnd.nextInt(groups)} : new long[0];
            index.putPerson(p, rnd.nextInt(100) == 0, deps, roles, member);
        }
        for (int e = 1; e <= entries; e++) {
            int r = rnd.nextInt(100);
            String level = r < 15 ? LEVELS[0] : r < 85 ? LEVELS[1] : null;
            int dep = Math.min(departments, 12 + rnd.nextInt(Math.max(1, departments - 11)));
            d.entryDepartment[e] = dep;
            List<AccessIndex.Holder> holders = new ArrayList<>(3);
            holders.add(new AccessIndex.Holder(AccessIndex.DEPARTMENT, dep));
            if (rnd.nextBoolean()) {
                holders.add(new AccessIndex.Holder(AccessIndex.PERSON, 1 + rnd.nextInt(people)));
            }
            if (rnd.nextInt(10) == 0) {
                holders.add(new AccessIndex.Holder(AccessIndex.ROLE, Role.MANAGER.ordinal()));
            }
            index.putAsset(e, level, dep, 1 + rnd.nextInt(people), rnd.nextInt(200) == 0, holders);
        }
        for (int g = 1; g <= grants; g++) {
            int r = rnd.nextInt(100);
            AccessIndex.Holder holder = r < 80 ? new AccessIndex.Holder(AccessIndex.PERSON, 1 + rnd.nextInt(people))
                    : r < 95 ? new AccessIndex.Holder(AccessIndex.DEPARTMENT, 1 + rnd.nextInt(departments))
                    : new AccessIndex.Holder(AccessIndex.GROUP, 1 + rnd.nextInt(groups));
            Long end = rnd.nextInt(4) == 0 ? (long) nowMinute + rnd.nextInt(200_000) - 20_000 : null;
            index.addGrant(g, 1 + rnd.nextInt(entries), holder, rnd.nextInt(3), nowMinute - 100_000L, end);
        }
        return d;
    }

    /** Random questions: any person, any entry, any action, medium, location and recipient (uniformly drawn). */
    AccessQuestion[] questions(int count, long seed) {
        return questions(people, entries, count, seed);
    }

    /** The same questions without the data set (for a load generator in another process). */
    static AccessQuestion[] questions(int people, int entries, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Action[] actions = Action.values();
        Medium[] media = Medium.values();
        AccessQuestion[] out = new AccessQuestion[count];
        for (int i = 0; i < count; i++) {
            int e = 1 + rnd.nextInt(entries);
            long person = 1 + rnd.nextInt(people);
            out[i] = new AccessQuestion(person, actions[rnd.nextInt(actions.length)], e, media[rnd.nextInt(media.length)],
                    rnd.nextInt(4) == 0 ? Location.OUTSIDE_OFFICE : Location.INSIDE_OFFICE,
                    rnd.nextInt(4) == 0 ? Recipient.THIRD_PARTY : Recipient.NONE);
        }
        return out;
    }
}
