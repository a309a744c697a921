package dev.mamori.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mamori.MamoriApplication;
import dev.mamori.access.internal.IndexKeeper;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * {@code POST /api/v1/access/check} over HTTP on loopback at a fixed rate (default 2,000 checks a second),
 * open loop, latency counted from each request's scheduled send time (see {@link AccessHttpClient}). This JVM
 * runs the application (embedded PostgreSQL in a fresh data directory), fills its access index with the same
 * generated data set as {@link AccessCheckBenchmark} (straight into the index, not through SQL) and issues a
 * bearer token to an IT_SECURITY account, as an integration would have; the load comes from a second JVM
 * started here ({@link AccessHttpClient}, same class path, 256 MB heap), so client and server do not share a
 * heap, a garbage collector or JIT threads. Tomcat keeps connections open without a request limit
 * ({@code server.tomcat.max-keep-alive-requests=-1}), as a deployment serving integrations would.
 * <p>
 * Arguments: people, entries, grants, rate per second, seconds measured, data directory, connections
 * (default 16), seconds of warm-up (default 10).
 */
public final class AccessHttpLoad {

    private AccessHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int grants = args.length > 2 ? Integer.parseInt(args[2]) : 5_000_000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path dataDir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("mamori-bench-");
        int connections = args.length > 6 ? Integer.parseInt(args[6]) : 16;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 10;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "server.tomcat.max-keep-alive-requests=-1",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
        int exit;
        try {
            exit = run(context, people, entries, grants, rate, seconds, connections, warmup);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(exit);
    }

    private static int run(ConfigurableApplicationContext context, int people, int entries, int grants, int rate,
                           int seconds, int connections, int warmup) throws Exception {
        int now = (int) (System.currentTimeMillis() / 60_000);
        long t0 = System.nanoTime();
        AccessData.fill(context.getBean(IndexKeeper.class).index(), people, entries, grants, 20261127L, now);
        System.out.printf("[access-http] index: %,d people, %,d entries, %,d grants in %.1f s%n", people, entries, grants,
                (System.nanoTime() - t0) / 1e9);
        long account = context.getBean(AccountManagement.class).create("bench-integration", "bench-integration-password",
                "Bench integration", null, List.of(new RoleGrant(Role.IT_SECURITY, null)));
        String token = context.getBean(ApiTokens.class).issue(account, "bench", Instant.now().plus(1, ChronoUnit.DAYS)).secret();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.gc();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process client = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-classpath",
                System.getProperty("java.class.path"), AccessHttpClient.class.getName(), String.valueOf(port), token,
                String.valueOf(people), String.valueOf(entries), String.valueOf(rate), String.valueOf(seconds),
                String.valueOf(warmup), String.valueOf(connections))
                .inheritIO().start();
        int exit = client.waitFor();
        long cpu = os.getProcessCpuTime() - cpu0;
        long checks = (long) rate * (seconds + warmup);
        // CPU time, unlike latency, hardly depends on other processes: how much of a core 2,000 checks/s take
        System.out.printf("[access-http] server JVM CPU during the load (warm-up included): %.1f s over %.1f s, %.0f µs per check%n",
                cpu / 1e9, (System.nanoTime() - wall0) / 1e9, cpu / 1e3 / checks);
        return exit;
    }
}
