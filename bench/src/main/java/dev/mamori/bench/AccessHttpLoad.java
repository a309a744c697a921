package dev.mamori.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

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
 * (default 16), seconds of warm-up (default 60: the HTTP stack is still being JIT-compiled after 10 s).
 */
public final class AccessHttpLoad {

    private AccessHttpLoad() {
    }

    /** Time inside the servlet container per request (first filter in, last filter out), in µs, for the window. */
    private static final java.util.concurrent.atomic.AtomicLongArray SERVER_MICROS = new java.util.concurrent.atomic.AtomicLongArray(1 << 20);
    private static final java.util.concurrent.atomic.AtomicInteger SERVER_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile boolean timing;
    private static final jakarta.servlet.Filter SERVER_TIMER = (request, response, chain) -> {
        long t0 = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (timing) {
                int i = SERVER_COUNT.getAndIncrement();
                if (i < SERVER_MICROS.length()) {
                    SERVER_MICROS.set(i, (System.nanoTime() - t0) / 1000);
                }
            }
        }
    };

    /**
     * Whether the load goes to the access module's check listener (default) or, with
     * {@code -Dbench.access.via=servlet}, to the same endpoint on the application's own port (Tomcat).
     */
    static final boolean LISTENER = !"servlet".equals(System.getProperty("bench.access.via", "listener"));

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int grants = args.length > 2 ? Integer.parseInt(args[2]) : 5_000_000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path dataDir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("mamori-bench-");
        int connections = args.length > 6 ? Integer.parseInt(args[6]) : 16;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 60;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "server.tomcat.max-keep-alive-requests=-1",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "mamori.access.check-listener.enabled=" + LISTENER, "mamori.access.check-listener.port=0",
                        "logging.level.root=warn")
                .initializers(c -> ((org.springframework.context.support.GenericApplicationContext) c)
                        .registerBean("serverTimer", org.springframework.boot.web.servlet.FilterRegistrationBean.class,
                                () -> {
                                    var bean = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(SERVER_TIMER);
                                    bean.setOrder(Integer.MIN_VALUE);
                                    return bean;
                                }))
                .run();
        int exit;
        try {
            exit = run(context, people, entries, grants, rate, seconds, connections, warmup);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(exit);
    }

    /** The port the check listener bound (the listener is package-private in the access module's web adapter). */
    private static int listenerPort(ConfigurableApplicationContext context) throws ReflectiveOperationException {
        Object listener = context.getBean(Class.forName("dev.mamori.access.web.CheckListener"));
        var port = listener.getClass().getDeclaredMethod("port");
        port.setAccessible(true);
        return (int) port.invoke(listener);
    }

    /** CPU time of every live Java thread by name (ids keep threads of the same name apart). */
    private static Map<String, Long> threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.put(info.getThreadName() + " " + info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }

    /** Bytes allocated so far by the live HTTP request threads. */
    private static long allocated() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("http-nio")
                    || info.getThreadName().startsWith("check-listener"))) {
                sum += Math.max(0, mx.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
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
        int port = LISTENER ? listenerPort(context) : ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.printf("[access-http] target: %s (port %d)%n", LISTENER ? "the check listener"
                : "the application's port (Tomcat)", port);
        System.gc();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        // an optional prefix for the load generator's command, e.g. "chrt -f 10" or "nice -n -10"
        String prefix = System.getProperty("bench.access.client.prefix", "").trim();
        if (!prefix.isEmpty()) {
            command.addAll(Arrays.asList(prefix.split("\\s+")));
            System.out.printf("[access-http] load generator started under: %s%n", prefix);
        }
        command.addAll(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-Dbench.access.client.spin-us=" + Integer.getInteger("bench.access.client.spin-us", 0),
                "-Dbench.access.client.engine=" + System.getProperty("bench.access.client.engine", "threads"), "-classpath",
                System.getProperty("java.class.path"), AccessHttpClient.class.getName(), String.valueOf(port), token,
                String.valueOf(people), String.valueOf(entries), String.valueOf(rate), String.valueOf(seconds),
                String.valueOf(warmup), String.valueOf(connections)));
        KeepAwake awake = KeepAwake.ifAsked();
        GuestHaltPolling polling = GuestHaltPolling.ifAsked();
        Process client = new ProcessBuilder(command).inheritIO().start();
        // the measured window's CPU, by thread group: sampled when the client's warm-up should be over
        boolean done = client.waitFor(warmup * 1000L + 1500, TimeUnit.MILLISECONDS);
        long cpuWarm = os.getProcessCpuTime();
        long wallWarm = System.nanoTime();
        Map<String, Long> threads0 = threadCpu();
        timing = true;
        long alloc0 = allocated();
        int exit = client.waitFor();
        awake.close();
        polling.close();
        long cpuEnd = os.getProcessCpuTime();
        if (!done) {
            long window = cpuEnd - cpuWarm;
            long measured = (long) rate * seconds;
            Map<String, Long> threads1 = threadCpu();
            timing = false;
            int n = Math.min(SERVER_COUNT.get(), SERVER_MICROS.length());
            long[] micros = new long[n];
            for (int i = 0; i < n; i++) {
                micros[i] = SERVER_MICROS.get(i);
            }
            Arrays.sort(micros);
            if (n > 0) {
                // inside the server only: from the first servlet filter to the answer written, without Tomcat's
                // reading of the request, the hand-over from its poller to a worker thread and the network
                System.out.printf("[access-http] inside the servlet container (%,d requests): p50 %d µs, p90 %d µs, p99 %d µs, p99.9 %d µs, max %d µs%n",
                        n, micros[n / 2], micros[(int) (n * 0.9)], micros[(int) (n * 0.99)], micros[(int) (n * 0.999)], micros[n - 1]);
            }
            System.out.printf("[access-http] allocated by the request threads: %,.0f bytes per check%n",
                    (allocated() - alloc0) / (double) measured);
            System.out.printf("[access-http] server JVM CPU after the warm-up: %.1f s over %.1f s, %.0f µs per check%n",
                    window / 1e9, (System.nanoTime() - wallWarm) / 1e9, window / 1e3 / measured);
            long javaThreads = 0;
            Map<String, Long> groups = new TreeMap<>();
            for (var e : threads1.entrySet()) {
                long d = e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
                javaThreads += d;
                groups.merge(e.getKey().replaceAll("[0-9]+", "#"), d, Long::sum);
            }
            groups.entrySet().stream().filter(e -> e.getValue() > window / 200)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("[access-http]   %-40s %6.0f µs per check%n", e.getKey(),
                            e.getValue() / 1e3 / measured));
            System.out.printf("[access-http]   %-40s %6.0f µs per check%n", "(GC, JIT and other VM threads)",
                    (window - javaThreads) / 1e3 / measured);
        }
        long cpu = cpuEnd - cpu0;
        long checks = (long) rate * (seconds + warmup);
        // CPU time, unlike latency, hardly depends on other processes: how much of a core 2,000 checks/s take
        System.out.printf("[access-http] server JVM CPU during the load (warm-up included): %.1f s over %.1f s, %.0f µs per check%n",
                cpu / 1e9, (System.nanoTime() - wall0) / 1e9, cpu / 1e3 / checks);
        return exit;
    }
}
