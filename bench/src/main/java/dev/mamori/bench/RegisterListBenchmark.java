package dev.mamori.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.MamoriApplication;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetPage;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * Load benchmark of the register's filtered list (issue 3 "Scale"): 1,000,000 entries and 100,000
 * people in 1,011 departments (company → 10 divisions → 100 departments → 900 sections), then the
 * first pages of the register under random filters, for viewers whose visibility differs: an employee
 * (sees entries held by their section, department, division or the whole company, their project
 * groups' 極秘 entries and their own), a department manager (10 sections), a division manager (100
 * sections) and an auditor (everything).
 * <p>
 * The fixture is written with set-based SQL straight into the module tables (it is a fixture, not
 * the code under test; the ledger is not involved in reads). Measured: {@code Inventory.search} in
 * process (the call behind the page and the API) and {@code GET /api/v1/assets} over loopback HTTP
 * with a bearer token, sequentially, after a warm-up. Arguments: {@code [entries] [people] [data dir]}.
 */
public final class RegisterListBenchmark {

    /** Requests per viewer and path: {@code -Dbench.samples} (default 2,000), a sixth of that again to warm up. */
    private static final int MEASURED = Integer.getInteger("bench.samples", 2_000);
    private static final int WARMUP = Math.max(50, MEASURED / 6);
    private static final String[] TERMS = {"設計", "顧客", "製造", "原価", "試験", "配合", "図面", "見積"};

    private RegisterListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dataDir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("mamori-bench-");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
        try {
            run(context, entries, people);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int entries, int people) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        Fixture f = Fixture.reuse(jdbc).orElseGet(() -> Fixture.create(jdbc, entries, people));
        System.out.printf("fixture: %,d entries, %,d access holders, %,d people, %,d departments in %.1f s%n",
                count(jdbc, "inventory.asset"), count(jdbc, "inventory.access_holder"), count(jdbc, "directory.person"),
                count(jdbc, "directory.department"), (System.nanoTime() - t0) / 1e9);

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Inventory inventory = context.getBean(Inventory.class);

        List<Viewer> viewers = List.of(
                viewer(context, "employee", f.employeePerson, List.of(new RoleGrant(Role.EMPLOYEE, null)), f.employeeScope),
                viewer(context, "department manager", f.departmentManagerPerson,
                        List.of(new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.MANAGER, f.department)),
                        f.departmentScope),
                viewer(context, "division manager", f.divisionManagerPerson,
                        List.of(new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.MANAGER, f.division)),
                        f.divisionScope),
                viewer(context, "auditor", null, List.of(new RoleGrant(Role.AUDITOR, null)), f.divisionScope));

        System.out.printf("%-20s %-8s %10s %8s %8s %8s %8s%n", "viewer", "via", "visible", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        for (Viewer v : viewers) {
            signIn(v.user);
            long visible = inventory.search(AssetQuery.all(), 0, 1).total();
            Random random = new Random(42);
            double[] inProcess = measure(() -> {
                Query q = Query.random(random, v.departments);
                AssetPage page = inventory.search(q.query(), q.page(), 50);
                return page.assets().size();
            });
            print(v.name, "service", visible, inProcess);
            Random random2 = new Random(42);
            double[] overHttp = measure(() -> {
                Query q = Query.random(random2, v.departments);
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/assets?" + q.parameters()))
                            .header("Authorization", "Bearer " + v.token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    return response.body().length;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            print(v.name, "http", visible, overHttp);
            SecurityContextHolder.clearContext();
        }
        System.out.printf("machine: %d cores, Java %s, heap max %,d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static double[] measure(Supplier<Integer> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        double[] ms = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String viewer, String via, long visible, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-20s %-8s %,10d %8.1f %8.1f %8.1f %8.1f%n", viewer, via, visible,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private record Viewer(String name, MamoriUserDetails user, String token, List<Long> departments) {
    }

    private static Viewer viewer(ConfigurableApplicationContext context, String name, Long personId,
                                 List<RoleGrant> grants, List<Long> departments) {
        AccountManagement management = context.getBean(AccountManagement.class);
        AccountRepository accounts = context.getBean(AccountRepository.class);
        // a reused fixture already has the person's account (one account per person)
        var existing = personId == null ? java.util.Optional.<dev.mamori.platform.internal.security.AccountRecord>empty()
                : accounts.findByPersonId(personId);
        long id = existing.isPresent() ? existing.get().id()
                : management.create("bench-" + name.replace(' ', '-') + "-" + System.nanoTime() % 100000,
                        "bench-password-long-enough", name, personId, grants);
        var account = accounts.findById(id).orElseThrow();
        String token = context.getBean(ApiTokens.class)
                .issue(id, "bench", Instant.now().plus(1, ChronoUnit.DAYS)).secret();
        return new Viewer(name, new MamoriUserDetails(account, accounts.rolesOf(id)), token, departments);
    }

    private static void signIn(MamoriUserDetails user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** One request of the mix: what a person filtering the register asks, and which page. */
    private record Query(AssetQuery query, int page) {

        static Query random(Random r, List<Long> departments) {
            String q = null;
            Long department = null;
            AssetKind kind = null;
            AssetForm form = null;
            String level = null;
            String regime = null;
            Stage stage = null;
            switch (r.nextInt(8)) {
                case 0 -> { }
                case 1 -> kind = AssetKind.values()[r.nextInt(3)];
                case 2 -> level = r.nextBoolean() ? "CONFIDENTIAL" : "TOP_SECRET";
                case 3 -> form = AssetForm.values()[r.nextInt(4)];
                case 4 -> regime = r.nextBoolean() ? "PERSONAL" : "TRADE_SECRET";
                case 5 -> q = TERMS[r.nextInt(TERMS.length)];
                case 6 -> department = departments.get(r.nextInt(departments.size()));
                default -> {
                    kind = AssetKind.TECHNICAL;
                    stage = Stage.IN_USE;
                    q = TERMS[r.nextInt(TERMS.length)];
                }
            }
            int page = r.nextInt(10) < 7 ? 0 : r.nextInt(4);
            return new Query(new AssetQuery(q, department, kind, form, level, regime, stage), page);
        }

        String parameters() {
            StringBuilder sb = new StringBuilder("size=50&page=" + page);
            add(sb, "q", query.q());
            add(sb, "departmentId", query.departmentId());
            add(sb, "kind", query.kind());
            add(sb, "form", query.form());
            add(sb, "levelId", query.levelId());
            add(sb, "regime", query.regime());
            add(sb, "stage", query.stage());
            return sb.toString();
        }

        private static void add(StringBuilder sb, String name, Object value) {
            if (value != null) {
                sb.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The generated organisation and register, and the people whose views are measured. */
    private static final class Fixture {
        long division;
        long department;
        long departmentManagerPerson;
        long divisionManagerPerson;
        long employeePerson;
        List<Long> employeeScope = new ArrayList<>();
        List<Long> departmentScope = new ArrayList<>();
        List<Long> divisionScope = new ArrayList<>();

        static Fixture create(JdbcTemplate jdbc, int entries, int people) {
            String p = "R" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
            // departments: company, 10 divisions, 10 departments each, 9 sections each
            long root = jdbc.queryForObject("insert into directory.department (code, name_ja, name_en) values (?, ?, ?) returning id",
                    Long.class, p + "-C", "ベンチ株式会社", "Bench Inc.");
            jdbc.update("""
                    insert into directory.department (code, name_ja, name_en, parent_id)
                    select ? || '-V' || d, '第' || d || '事業本部', 'Division ' || d, ? from generate_series(0, 9) d""", p, root);
            jdbc.update("""
                    insert into directory.department (code, name_ja, name_en, parent_id)
                    select ? || '-V' || d || '-' || s, '第' || d || '本部 ' || s || '部', 'Department ' || d || '-' || s, v.id
                    from generate_series(0, 9) d cross join generate_series(0, 9) s
                    join directory.department v on v.code = ? || '-V' || d""", p, p);
            jdbc.update("""
                    insert into directory.department (code, name_ja, name_en, parent_id)
                    select x.code || '-' || k, x.name_ja || k || '課', x.name_en || '-' || k, x.id
                    from directory.department x cross join generate_series(0, 8) k
                    where x.code like ? || '-V%-%' and x.code not like ? || '-V%-%-%'""", p, p);
            // sections numbered 0..899 in a temp table for the generators below
            jdbc.execute("create temp table bench_section as select row_number() over (order by id) - 1 as n, id, parent_id "
                    + "from directory.department where code like '" + p + "-V%-%-%'");
            long sections = count(jdbc, "bench_section");
            jdbc.update("""
                    insert into directory.person (employee_number, name, name_kana, employment_type, status, joined_on)
                    select ? || lpad(i::text, 7, '0'), 'ベンチ 社員' || i, 'べんち しゃいん', 'REGULAR', 'ACTIVE', date '2020-04-01'
                    from generate_series(0, ? - 1) i""", p, people);
            jdbc.execute("create temp table bench_person as select row_number() over (order by id) - 1 as n, id "
                    + "from directory.person where employee_number like '" + p + "%'");
            jdbc.update("""
                    insert into directory.person_department (person_id, department_id, is_primary)
                    select bp.id, s.id, true from bench_person bp join bench_section s on s.n = bp.n % ?""", sections);
            // project groups of 10 people each in one section
            jdbc.update("""
                    insert into inventory.project_group (name) select ? || ' PJ' || g from generate_series(0, 4999) g""", p);
            jdbc.execute("create temp table bench_group as select row_number() over (order by id) - 1 as n, id "
                    + "from inventory.project_group where name like '" + p + " PJ%'");
            jdbc.update("""
                    insert into inventory.project_group_member (group_id, person_id)
                    select g.id, bp.id from bench_group g join bench_person bp on bp.n % 5000 = g.n and bp.n < 50000""");
            // the register: entries spread over sections; 60% not designated, 30% 社外秘 held by the section's
            // department, 0.2% 社外秘 held by the company, ~10% 極秘 held by a project group and its manager
            jdbc.update("""
                    insert into inventory.asset (name, description, department_id, responsible_person_id, kind, sub_kind,
                      origin, personal_info, trade_secret, stage, level_id, marking, designated_on, next_review_on)
                    select '製品' || (i % 5000) || 'の' || (array['設計','顧客','製造','原価','試験','配合','図面','見積'])[1 + i % 8]
                             || 'に係る情報 #' || i,
                           'ベンチマーク用の台帳項目', s.id, bp.id,
                           (array['BUSINESS','TECHNICAL','OTHER'])[1 + i % 3],
                           (array['CUSTOMER','DESIGN','HR_FINANCE'])[1 + i % 3],
                           'OWN', i % 7 = 0, i % 5 = 0,
                           (array['CREATED','IN_USE','STORED'])[1 + i % 3],
                           case when i % 10 < 3 then 'CONFIDENTIAL' when i % 10 = 3 then 'TOP_SECRET' end,
                           case when i % 10 < 3 then '社外秘' when i % 10 = 3 then '極秘' end,
                           case when i % 10 < 4 then date '2025-04-01' end,
                           date '2026-04-01' + (i % 730)
                    from generate_series(0, ? - 1) i
                    join bench_section s on s.n = i % ?
                    join bench_person bp on bp.n = (i % ?) + (? * ((i / ?) % greatest(1, ? / ?)))""",
                    entries, sections, sections, sections, sections, people, sections);
            jdbc.execute("create temp table bench_asset as select a.id, a.level_id, a.department_id, a.id % 1000 as m, "
                    + "s.parent_id as section_parent from inventory.asset a join bench_section s on s.id = a.department_id "
                    + "where a.description = 'ベンチマーク用の台帳項目'");
            jdbc.update("""
                    insert into inventory.asset_form (asset_id, form, location)
                    select id, (array['DOCUMENT','ELECTRONIC','OBJECT','KNOWHOW'])[1 + m % 4], 'ファイルサーバ' from bench_asset""");
            jdbc.update("""
                    insert into inventory.access_holder (asset_id, kind, ref)
                    select id, 'DEPARTMENT', case when m < 2 then ? else section_parent::text end
                    from bench_asset where level_id = 'CONFIDENTIAL'""", String.valueOf(root));
            jdbc.update("""
                    insert into inventory.access_holder (asset_id, kind, ref)
                    select a.id, 'GROUP', g.id::text from bench_asset a join bench_group g on g.n = (a.id / 10) % 5000
                    where a.level_id = 'TOP_SECRET'""");
            // what autovacuum does after a bulk load (insert threshold): statistics and the visibility map
            // that index-only scans rely on
            for (String table : List.of("inventory.asset", "inventory.access_holder", "inventory.asset_form",
                    "inventory.project_group_member", "directory.person", "directory.person_department")) {
                jdbc.execute("vacuum analyze " + table);
            }

            Fixture f = new Fixture();
            // the employee: person 0, in section 0, member of project group 0
            f.employeePerson = jdbc.queryForObject("select id from bench_person where n = 0", Long.class);
            long section0 = jdbc.queryForObject("select id from bench_section where n = 0", Long.class);
            f.department = jdbc.queryForObject("select parent_id from bench_section where n = 0", Long.class);
            f.division = jdbc.queryForObject("select parent_id from directory.department where id = ?", Long.class, f.department);
            f.departmentManagerPerson = jdbc.queryForObject("select id from bench_person where n = 1", Long.class);
            f.divisionManagerPerson = jdbc.queryForObject("select id from bench_person where n = 2", Long.class);
            jdbc.update("insert into directory.department_manager (department_id, person_id) values (?, ?), (?, ?)",
                    f.department, f.departmentManagerPerson, f.division, f.divisionManagerPerson);
            f.employeeScope.add(section0);
            f.departmentScope.addAll(jdbc.queryForList("select id from directory.department where parent_id = ?", Long.class, f.department));
            f.departmentScope.add(f.department);
            f.divisionScope.addAll(jdbc.queryForList("select id from bench_section where parent_id in "
                    + "(select id from directory.department where parent_id = ?)", Long.class, f.division));
            f.save(jdbc);
            return f;
        }

        /**
         * The fixture of an earlier run in the same data directory ({@code -Dbench.register.dataDir}), so a
         * second run measures without generating a million entries again.
         */
        static java.util.Optional<Fixture> reuse(JdbcTemplate jdbc) {
            Boolean exists = jdbc.queryForObject("select to_regclass('public.bench_register_fixture') is not null", Boolean.class);
            if (!Boolean.TRUE.equals(exists)) {
                return java.util.Optional.empty();
            }
            java.util.Map<String, String> v = new java.util.HashMap<>();
            jdbc.query("select key, value from public.bench_register_fixture", (org.springframework.jdbc.core.RowCallbackHandler)
                    rs -> v.put(rs.getString(1), rs.getString(2)));
            Fixture f = new Fixture();
            f.division = Long.parseLong(v.get("division"));
            f.department = Long.parseLong(v.get("department"));
            f.departmentManagerPerson = Long.parseLong(v.get("departmentManagerPerson"));
            f.divisionManagerPerson = Long.parseLong(v.get("divisionManagerPerson"));
            f.employeePerson = Long.parseLong(v.get("employeePerson"));
            f.employeeScope = ids(v.get("employeeScope"));
            f.departmentScope = ids(v.get("departmentScope"));
            f.divisionScope = ids(v.get("divisionScope"));
            System.out.println("fixture: reusing the one in this data directory");
            return java.util.Optional.of(f);
        }

        private void save(JdbcTemplate jdbc) {
            jdbc.execute("create table public.bench_register_fixture (key text primary key, value text not null)");
            java.util.Map<String, Object> v = java.util.Map.of("division", division, "department", department,
                    "departmentManagerPerson", departmentManagerPerson, "divisionManagerPerson", divisionManagerPerson,
                    "employeePerson", employeePerson, "employeeScope", join(employeeScope),
                    "departmentScope", join(departmentScope), "divisionScope", join(divisionScope));
            v.forEach((key, value) -> jdbc.update("insert into public.bench_register_fixture values (?, ?)", key,
                    value.toString()));
        }

        private static String join(List<Long> ids) {
            return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }

        private static List<Long> ids(String s) {
            List<Long> out = new ArrayList<>();
            for (String part : s.split(",")) {
                out.add(Long.parseLong(part));
            }
            return out;
        }
    }
}
