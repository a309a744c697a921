package dev.mamori.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mamori.MamoriApplication;
import dev.mamori.access.AccessQuestion;
import dev.mamori.access.internal.IndexKeeper;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * {@code POST /api/v1/access/check} over HTTP on loopback at a fixed rate (default 2,000 checks a second),
 * open loop: each request is sent at its scheduled time whether or not earlier ones have answered, and its
 * latency is counted from that time (so a stall is not hidden). The application runs in this JVM with the
 * embedded PostgreSQL in a fresh data directory; its access index is filled with the same generated data set
 * as {@link AccessCheckBenchmark} (straight into the index, not through SQL). The caller is an IT_SECURITY
 * account with a bearer token, as an integration would be.
 * <p>
 * Arguments: people, entries, grants, rate per second, seconds measured, data directory.
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
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run();
        try {
            run(context, people, entries, grants, rate, seconds);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int people, int entries, int grants, int rate,
                            int seconds) throws Exception {
        int now = (int) (System.currentTimeMillis() / 60_000);
        long t0 = System.nanoTime();
        AccessData data = AccessData.fill(context.getBean(IndexKeeper.class).index(), people, entries, grants, 20261127L, now);
        System.out.printf("[access-http] index: %,d people, %,d entries, %,d grants in %.1f s%n", people, entries, grants,
                (System.nanoTime() - t0) / 1e9);
        long account = context.getBean(AccountManagement.class).create("bench-integration", "bench-integration-password",
                "Bench integration", null, List.of(new RoleGrant(Role.IT_SECURITY, null)));
        String token = context.getBean(ApiTokens.class).issue(account, "bench", Instant.now().plus(1, ChronoUnit.DAYS)).secret();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/access/check");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AccessQuestion[] questions = data.questions(1 << 16, 7);

        System.out.printf("[access-http] warm-up 10 s at %,d/s%n", rate);
        load(http, uri, token, questions, rate, 10);
        System.out.printf("[access-http] measuring %d s at %,d/s%n", seconds, rate);
        long[] latencies = load(http, uri, token, questions, rate, seconds);
        Arrays.sort(latencies);
        int n = latencies.length;
        System.out.printf("[access-http] %,d checks, achieved %.0f/s; p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                n, n / (double) seconds, pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999),
                latencies[n - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Sends {@code rate × seconds} checks at their scheduled times; the latencies in nanoseconds. */
    private static long[] load(HttpClient http, URI uri, String token, AccessQuestion[] questions, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        AtomicInteger failures = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            AccessQuestion q = questions[i & (questions.length - 1)];
            String body = "{\"personId\":" + q.personId() + ",\"action\":\"" + q.action() + "\",\"assetId\":" + q.assetId()
                    + ",\"medium\":\"" + q.medium() + "\",\"location\":\"" + q.location() + "\",\"recipient\":\"" + q.recipient() + "\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int k = i;
            pending[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, ex) -> {
                latencies[k] = System.nanoTime() - due;
                if (ex != null || r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(pending).join();
        if (failures.get() > 0) {
            System.out.printf("[access-http] %d requests failed%n", failures.get());
        }
        return latencies;
    }
}
