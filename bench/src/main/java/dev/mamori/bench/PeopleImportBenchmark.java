package dev.mamori.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.MamoriApplication;
import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.internal.importing.DirectoryImport;
import dev.mamori.directory.internal.importing.ImportKind;
import dev.mamori.directory.internal.importing.ImportPreview;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * Load benchmark of the HR import, end to end: a 100,000-row people CSV (Shift_JIS, as Japanese Excel
 * writes it) is previewed (read, parsed, validated against the directory) and applied (read again,
 * validated, written in chunks with ledger entries and events), against the embedded PostgreSQL that
 * the application's own configuration starts in a fresh data directory.
 * <p>
 * Reports the time of each step and the peak heap used during them. Run it with {@code -Xmx512m}
 * (see BENCHMARKS.md); arguments: {@code [rows] [data dir]}.
 */
public final class PeopleImportBenchmark {

    private static final int DEPARTMENTS = 50;

    private PeopleImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mamori-bench-");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
        int exit = 0;
        try {
            exit = run(context, rows, dataDir);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(exit);
    }

    private static int run(ConfigurableApplicationContext context, int rows, Path dataDir) throws IOException {
        signInAsHr(context);
        Directory directory = context.getBean(Directory.class);
        String prefix = "B" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        for (int i = 0; i < DEPARTMENTS; i++) {
            directory.createDepartment(new DepartmentDraft(prefix + "-D" + i, "部署" + i, "Department " + i, null));
        }
        Path csv = dataDir.resolve("people-" + rows + ".csv");
        generate(csv, rows, prefix);
        System.out.printf("generated %,d rows, %,d bytes (Shift_JIS CSV)%n", rows, Files.size(csv));

        DirectoryImport imports = context.getBean(DirectoryImport.class);
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        ImportPreview preview;
        try (InputStream in = Files.newInputStream(csv)) {
            preview = imports.preview(ImportKind.PEOPLE, csv.getFileName().toString(), in, "auto");
        }
        long previewed = System.nanoTime();
        ImportPreview applied = imports.apply(preview.id());
        long done = System.nanoTime();
        long peak = peakHeap();

        System.out.printf("preview: %,d rows, %,d to create, %,d errors, encoding %s%n",
                preview.rows(), preview.toCreate(), preview.errorCount(), preview.encoding());
        System.out.printf("applied: %,d created, %,d events%n", applied.toCreate(), applied.eventCount());
        System.out.printf("time preview %.2f s, apply %.2f s, total %.2f s%n",
                seconds(previewed - start), seconds(done - previewed), seconds(done - start));
        System.out.printf("peak heap used %,d MB of max %,d MB; GC: %s%n", peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), gcSummary());
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        return preview.errorCount() == 0 && applied.toCreate() == rows ? 0 : 1;
    }

    private static void signInAsHr(ConfigurableApplicationContext context) {
        AccountManagement management = context.getBean(AccountManagement.class);
        AccountRepository accounts = context.getBean(AccountRepository.class);
        long id = management.create("bench-hr-" + System.nanoTime() % 100000, "bench-password-long-enough", "Bench HR",
                null, List.of(new RoleGrant(Role.HR, null)));
        var account = accounts.findById(id).orElseThrow();
        MamoriUserDetails user = new MamoriUserDetails(account, accounts.rolesOf(id));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static final String[] FAMILY = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤"};
    private static final String[] FAMILY_KANA = {"やまだ", "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "なかむら", "こばやし", "かとう"};
    private static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "健太", "陽菜", "翔太", "結衣"};
    private static final String[] GIVEN_KANA = {"たろう", "はなこ", "いちろう", "みさき", "けんた", "ひな", "しょうた", "ゆい"};
    private static final String[] TYPES = {"正社員", "正社員", "正社員", "契約社員", "パート・アルバイト", "派遣労働者", "委託先従業員", "出向者"};

    /** A realistic HR export: 2% on leave, 3% leaving, 5% left, some with an additional department. */
    private static void generate(Path file, int rows, String prefix) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.Charset.forName("windows-31j"))) {
            out.write("社員番号,氏名,ふりがな,メールアドレス,所属部署コード,兼務部署コード,役職,雇用区分,派遣元・委託元,在籍状況,入社日,休職開始日,退職申出日,最終出勤日,退職日\r\n");
            for (int i = 0; i < rows; i++) {
                String number = prefix + String.format("%07d", i);
                int f = i % FAMILY.length;
                int g = (i / FAMILY.length) % GIVEN.length;
                String type = TYPES[i % TYPES.length];
                boolean elsewhere = type.equals("派遣労働者") || type.equals("委託先従業員") || type.equals("出向者");
                int bucket = i % 100;
                String status = bucket < 2 ? "休職" : bucket < 5 ? "退職予定" : bucket < 10 ? "退職済" : "在職";
                String joined = (2000 + i % 24) + "/" + (1 + i % 12) + "/1";
                String leaveFrom = bucket < 2 ? "2025-10-01" : "";
                String notice = bucket >= 2 && bucket < 10 ? "2025-12-01" : "";
                String lastDay = bucket >= 2 && bucket < 10 ? "2026-01-31" : "";
                String leftOn = bucket >= 5 && bucket < 10 ? "2026-01-31" : "";
                out.write(String.join(",", number, FAMILY[f] + " " + GIVEN[g], FAMILY_KANA[f] + " " + GIVEN_KANA[g],
                        number.toLowerCase(Locale.ROOT) + "@example.jp", prefix + "-D" + (i % DEPARTMENTS),
                        i % 10 == 0 ? prefix + "-D" + ((i + 7) % DEPARTMENTS) : "", i % 20 == 0 ? "課長" : "",
                        type, elsewhere ? "株式会社サンプル" : "", status, joined, leaveFrom, notice, lastDay, leftOn));
                out.write("\r\n");
            }
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String gcSummary() {
        StringBuilder sb = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(gc.getName()).append(' ').append(gc.getCollectionCount()).append("x/")
                    .append(gc.getCollectionTime()).append("ms; ");
        }
        return sb.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
