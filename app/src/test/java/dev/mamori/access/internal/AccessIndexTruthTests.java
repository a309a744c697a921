package dev.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The in-memory index against the truth written in SQL, on random data: the same people, departments (a
 * tree), roles, project groups, entries, designated holders and grants (with periods, some past, some
 * future) go into the index and into plain tables of a PostgreSQL of this test's own; for thousands of random
 * (person, entry) pairs the index's answer — state, designated holder, best active grant level, 管理責任者 —
 * must equal the recursive SQL query's. No Spring context.
 */
class AccessIndexTruthTests {

    static EmbeddedPostgres pg;
    static JdbcTemplate sql;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "access-truth-");
        pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
        sql = new JdbcTemplate(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void theIndexAnswersLikeTheSqlTruthOnRandomData() {
        for (long seed : new long[]{1, 2, 3}) {
            compare(seed);
        }
    }

    void compare(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        sql.execute("drop schema if exists t cascade");
        sql.execute("create schema t");
        sql.execute("create table t.department (id bigint primary key, parent_id bigint)");
        sql.execute("create table t.dept_manager (department_id bigint, person_id bigint)");
        sql.execute("create table t.person (id bigint primary key, left_company boolean)");
        sql.execute("create table t.person_department (person_id bigint, department_id bigint)");
        sql.execute("create table t.person_role (person_id bigint, role bigint)");
        sql.execute("create table t.group_member (person_id bigint, group_id bigint)");
        sql.execute("create table t.asset (id bigint primary key, level text, department_id bigint, responsible bigint, disposed boolean)");
        sql.execute("create table t.holder (asset_id bigint, kind text, ref bigint)");
        sql.execute("create table t.grants (id bigint, asset_id bigint, kind text, ref bigint, level int, starts int, ends int)");
        sql.execute("create table t.q (k int, person bigint, asset bigint)");

        AccessIndex index = new AccessIndex(8, 8, 8); // small on purpose: the arrays and tables must grow
        int departments = 40;
        int people = 300;
        int assets = 400;
        int grants = 4000;
        int groups = 15;
        int now = 1_000_000;
        String[] kinds = {"PERSON", "DEPARTMENT", "ROLE", "GROUP"};
        List<Object[]> rows = new ArrayList<>();
        for (int d = 1; d <= departments; d++) {
            Long parent = d == 1 ? null : (long) (1 + rnd.nextInt(d - 1));
            long manager = 1 + rnd.nextInt(people);
            index.putDepartment(d, parent, new long[]{manager});
            sql.update("insert into t.department values (?, ?)", d, parent);
            sql.update("insert into t.dept_manager values (?, ?)", d, manager);
        }
        for (int p = 1; p <= people; p++) {
            boolean left = rnd.nextInt(20) == 0;
            long[] deps = rnd.nextInt(4) == 0 ? new long[]{1 + rnd.nextInt(departments), 1 + rnd.nextInt(departments)}
                    : new long[]{1 + rnd.nextInt(departments)};
            int mask = 0;
            for (int r = 0; r < 9; r++) {
                if (rnd.nextInt(6) == 0) {
                    mask |= 1 << r;
                    sql.update("insert into t.person_role values (?, ?)", p, r);
                }
            }
            long[] member = rnd.nextInt(3) == 0 ? new long[]{1 + rnd.nextInt(groups)} : new long[0];
            index.putPerson(p, left, deps, mask, member);
            sql.update("insert into t.person values (?, ?)", p, left);
            for (long d : deps) {
                sql.update("insert into t.person_department values (?, ?)", p, d);
            }
            for (long g : member) {
                sql.update("insert into t.group_member values (?, ?)", p, g);
            }
        }
        for (int a = 1; a <= assets; a++) {
            String level = rnd.nextInt(5) == 0 ? null : rnd.nextBoolean() ? "TOP_SECRET" : "CONFIDENTIAL";
            int dep = 1 + rnd.nextInt(departments);
            long responsible = 1 + rnd.nextInt(people);
            boolean disposed = rnd.nextInt(30) == 0;
            List<AccessIndex.Holder> holders = new ArrayList<>();
            for (int h = rnd.nextInt(3); h > 0; h--) {
                int kind = rnd.nextInt(4);
                long ref = ref(rnd, kind, people, departments, groups);
                holders.add(new AccessIndex.Holder(kind, ref));
                sql.update("insert into t.holder values (?, ?, ?)", a, kinds[kind], ref);
            }
            index.putAsset(a, level, dep, responsible, disposed, holders);
            sql.update("insert into t.asset values (?, ?, ?, ?, ?)", a, level, dep, responsible, disposed);
        }
        // re-designate some entries after the first pass (the index keeps them in its overlay)
        for (int a = 1; a <= assets; a += 17) {
            sql.update("delete from t.holder where asset_id = ?", a);
            int kind = rnd.nextInt(4);
            long ref = ref(rnd, kind, people, departments, groups);
            sql.update("insert into t.holder values (?, ?, ?)", a, kinds[kind], ref);
            var r = sql.queryForMap("select * from t.asset where id = ?", a);
            index.putAsset(a, (String) r.get("level"), (Long) r.get("department_id"), (Long) r.get("responsible"),
                    (Boolean) r.get("disposed"), List.of(new AccessIndex.Holder(kind, ref)));
        }
        for (int g = 1; g <= grants; g++) {
            int kind = rnd.nextInt(4);
            long ref = ref(rnd, kind, people, departments, groups);
            long asset = 1 + rnd.nextInt(assets);
            int level = rnd.nextInt(3);
            int starts = now - 1000 + rnd.nextInt(1100);
            Integer ends = rnd.nextInt(3) == 0 ? starts + rnd.nextInt(2000) + 1 : null;
            index.addGrant(g, asset, new AccessIndex.Holder(kind, ref), level, starts, ends == null ? null : (long) ends);
            rows.add(new Object[]{g, asset, kinds[kind], ref, level, starts, ends});
        }
        sql.batchUpdate("insert into t.grants values (?, ?, ?, ?, ?, ?, ?)", rows);
        // end a third of the grants again
        List<Object[]> ended = new ArrayList<>();
        for (Object[] g : rows) {
            if (rnd.nextInt(3) == 0) {
                int kind = List.of(kinds).indexOf(g[2]);
                index.removeGrant(((Integer) g[0]).longValue(), (Long) g[1], new AccessIndex.Holder(kind, (Long) g[3]));
                ended.add(new Object[]{g[0]});
            }
        }
        sql.batchUpdate("delete from t.grants where id = ?", ended);

        List<Object[]> questions = new ArrayList<>();
        for (int k = 0; k < 5000; k++) {
            questions.add(new Object[]{k, (long) (1 + rnd.nextInt(people)), (long) (1 + rnd.nextInt(assets))});
        }
        sql.batchUpdate("insert into t.q values (?, ?, ?)", questions);
        List<String> truth = sql.query("""
                with recursive anc(person, dept) as (
                    select person_id, department_id from t.person_department
                    union
                    select a.person, d.parent_id from anc a join t.department d on d.id = a.dept where d.parent_id is not null
                ), covers(person, kind, ref) as (
                    select id, 'PERSON', id from t.person
                    union all select person, 'DEPARTMENT', dept from anc
                    union all select person_id, 'ROLE', role from t.person_role
                    union all select person_id, 'GROUP', group_id from t.group_member
                )
                select q.k, p.left_company, a.disposed, a.level,
                    exists (select 1 from t.holder h join covers c on c.kind = h.kind and c.ref = h.ref and c.person = q.person
                            where h.asset_id = q.asset) as holder,
                    coalesce((select max(g.level) from t.grants g join covers c on c.kind = g.kind and c.ref = g.ref
                              and c.person = q.person where g.asset_id = q.asset and g.starts <= ? and (g.ends is null or g.ends > ?)), -1) as best,
                    (a.responsible = q.person or exists (select 1 from t.dept_manager m
                            where m.department_id = a.department_id and m.person_id = q.person)) as manager
                from t.q q join t.person p on p.id = q.person join t.asset a on a.id = q.asset order by q.k""",
                (rs, i) -> {
                    String state = rs.getBoolean("left_company") ? "LEFT" : rs.getBoolean("disposed") ? "DISPOSED"
                            : rs.getString("level") == null ? "OPEN" : "DESIGNATED";
                    if (!state.equals("DESIGNATED")) {
                        return rs.getInt("k") + " " + state;
                    }
                    boolean holder = rs.getBoolean("holder");
                    return rs.getInt("k") + " " + state + " " + rs.getString("level") + " holder=" + holder
                            + " level=" + (holder ? AccessIndex.HOLDER_LEVEL : rs.getInt("best")) + " manager=" + rs.getBoolean("manager");
                }, now, now);
        List<String> answers = new ArrayList<>();
        for (Object[] q : questions) {
            AccessIndex.Facts f = index.facts((Long) q[1], (Long) q[2], now);
            String state = switch (f.state()) {
                case AccessIndex.PERSON_LEFT -> "LEFT";
                case AccessIndex.DISPOSED -> "DISPOSED";
                case AccessIndex.NOT_DESIGNATED -> "OPEN";
                case AccessIndex.DESIGNATED -> "DESIGNATED";
                default -> "UNKNOWN";
            };
            answers.add(!state.equals("DESIGNATED") ? q[0] + " " + state
                    : q[0] + " " + state + " " + f.levelCode() + " holder=" + f.designatedHolder() + " level=" + f.grantLevel()
                    + " manager=" + f.manager());
        }
        assertThat(answers).as("seed %d", seed).containsExactlyElementsOf(truth);
        assertThat(answers).anyMatch(s -> s.contains("level=0")).anyMatch(s -> s.contains("level=1"))
                .anyMatch(s -> s.contains("holder=true")).anyMatch(s -> s.contains("manager=true"));
    }

    private static long ref(SplittableRandom rnd, int kind, int people, int departments, int groups) {
        return switch (kind) {
            case AccessIndex.PERSON -> 1 + rnd.nextInt(people);
            case AccessIndex.DEPARTMENT -> 1 + rnd.nextInt(departments);
            case AccessIndex.ROLE -> rnd.nextInt(9);
            default -> 1 + rnd.nextInt(groups);
        };
    }
}
