package dev.mamori.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.policy.Standard;
import dev.mamori.policy.internal.DefaultStandard;

/**
 * The decision function's latency and throughput in-process (JMH). One million designated entries are held in
 * memory as a compact register (per entry: level, owning department, 管理責任者 and a sorted slice of
 * access-holder person ids in one shared int array); requests are random (person, entry, action, medium,
 * location, recipient) tuples, drawn before measuring so that the random generator is not timed. The standard
 * is the handbook's two-level example plus a third level, with approved department exceptions (some with an end
 * date, so the clock is read, and some already past it).
 * <ul>
 * <li>{@code lookupAndDecide}: what a caller such as the access or vault module does per request: look the entry
 * up in the register (is the person an access holder? the manager?), build the {@link DecisionRequest} and
 * call {@link Standard#decide};</li>
 * <li>{@code decide}: {@link Standard#decide} alone, on requests built beforehand.</li>
 * </ul>
 * Both in {@link Mode#SampleTime} (latency distribution, p99) and {@link Mode#Throughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PolicyDecisionBenchmark {

    static final int REQUESTS = 1 << 20;
    static final Level TOP = new Level("TOP_SECRET", "極秘", "Strictly confidential", 1, "#b00020", "極秘", "アクセス権者限り");
    static final Level CONF = new Level("CONFIDENTIAL", "社外秘", "Internal only", 2, "#c77700", "社外秘", "社内限り");
    static final Level DEPT = new Level("DEPARTMENT_ONLY", "部外秘", "Department only", 3, "#336699", "部外秘", "部内限り");
    static final String[] LEVEL_CODES = {TOP.code(), CONF.code(), DEPT.code()};

    @Param("1000000")
    public int entries;

    @Param("2000")
    public int departments;

    @Param("50000")
    public int people;

    @Param("200")
    public int exceptions;

    Standard standard;

    // the register: entry -> level, owning department, manager, access holders (holders[from[e] .. from[e + 1]) sorted)
    byte[] level;
    int[] department;
    int[] manager;
    int[] from;
    int[] holders;

    // the requests, drawn beforehand
    int[] person;
    int[] entry;
    Action[] action;
    Medium[] medium;
    Location[] location;
    Recipient[] recipient;
    DecisionRequest[] built;

    /** Each thread walks the drawn requests on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261127L);
        standard = standard(new Random(7), departments, exceptions);
        level = new byte[entries];
        department = new int[entries];
        manager = new int[entries];
        from = new int[entries + 1];
        int[] sizes = new int[entries];
        long total = 0;
        for (int e = 0; e < entries; e++) {
            int r = rnd.nextInt(100);
            level[e] = (byte) (r < 15 ? 0 : r < 85 ? 1 : 2);
            department[e] = rnd.nextInt(departments);
            manager[e] = personIn(rnd, department[e]);
            sizes[e] = 2 + rnd.nextInt(30);
            total += sizes[e];
        }
        holders = new int[Math.toIntExact(total)];
        for (int e = 0, at = 0; e < entries; e++) {
            from[e] = at;
            for (int i = 0; i < sizes[e]; i++) {
                // mostly people of the owning department, some from anywhere
                holders[at + i] = rnd.nextInt(4) == 0 ? rnd.nextInt(people) : personIn(rnd, department[e]);
            }
            Arrays.sort(holders, at, at + sizes[e]);
            at += sizes[e];
            from[e + 1] = at;
        }
        person = new int[REQUESTS];
        entry = new int[REQUESTS];
        action = new Action[REQUESTS];
        medium = new Medium[REQUESTS];
        location = new Location[REQUESTS];
        recipient = new Recipient[REQUESTS];
        built = new DecisionRequest[REQUESTS];
        Action[] actions = Action.values();
        Medium[] media = Medium.values();
        Recipient[] recipients = Recipient.values();
        for (int k = 0; k < REQUESTS; k++) {
            int e = rnd.nextInt(entries);
            entry[k] = e;
            int r = rnd.nextInt(10);
            // half the requests come from an access holder, one in ten from the manager, the rest from anyone
            person[k] = r < 5 ? holders[from[e] + rnd.nextInt(from[e + 1] - from[e])] : r == 5 ? manager[e] : rnd.nextInt(people);
            action[k] = actions[rnd.nextInt(actions.length)];
            medium[k] = media[rnd.nextInt(media.length)];
            location[k] = rnd.nextInt(4) == 0 ? Location.OUTSIDE_OFFICE : Location.INSIDE_OFFICE;
            recipient[k] = rnd.nextInt(3) == 0 ? recipients[rnd.nextInt(recipients.length)] : Recipient.NONE;
            built[k] = request(k);
        }
    }

    /** The register lookup and the decision, as a caller does it per request. */
    @Benchmark
    public PolicyDecision lookupAndDecide(Cursor cursor) {
        int k = cursor.next++ & (REQUESTS - 1);
        return standard.decide(request(k));
    }

    /** The decision function alone. */
    @Benchmark
    public PolicyDecision decide(Cursor cursor) {
        int k = cursor.next++ & (REQUESTS - 1);
        return standard.decide(built[k]);
    }

    DecisionRequest request(int k) {
        int e = entry[k];
        int p = person[k];
        boolean holder = Arrays.binarySearch(holders, from[e], from[e + 1], p) >= 0;
        return new DecisionRequest((long) p, holder, manager[e] == p, LEVEL_CODES[level[e]], action[k], medium[k],
                location[k], recipient[k], (long) department[e]);
    }

    private int personIn(SplittableRandom rnd, int dept) {
        int perDepartment = Math.max(1, people / departments);
        return Math.min(people - 1, dept * perDepartment + rnd.nextInt(perDepartment));
    }

    /** The handbook's example, 部外秘 (社外秘's rules with looser copying), and approved exceptions. */
    static Standard standard(Random rnd, int departments, int count) {
        List<HandlingRule> rules = new ArrayList<>(DefaultStandard.rules());
        for (HandlingRule r : DefaultStandard.rules()) {
            if (r.levelCode().equals(CONF.code())) {
                Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
                obligations.addAll(r.obligations());
                if (r.aspect() == Aspect.COPYING) {
                    obligations.remove(Obligation.BUSINESS_NEED_ONLY);
                }
                rules.add(new HandlingRule(DEPT.code(), r.aspect(), r.medium(), r.permitted(), r.approval(),
                        r.prohibited(), obligations, r.outsideOfficeObligations(), r.source()));
            }
        }
        List<ExceptionRequest> list = new ArrayList<>();
        LocalDate today = LocalDate.now(HandlingRule.JAPAN);
        for (int i = 0; i < count; i++) {
            int kind = i % 4;
            Aspect aspect = switch (kind) {
                case 0 -> Aspect.COPYING;
                case 1 -> Aspect.TAKE_OUT;
                case 2 -> Aspect.DISTRIBUTION;
                default -> Aspect.VIEWING;
            };
            Permitted permitted = kind == 0 ? Permitted.ACCESS_HOLDERS : null;
            Approver approval = kind == 1 || kind == 2 ? Approver.NONE : null;
            Set<Obligation> waived = kind == 3 ? Set.of(Obligation.LOG_VIEWER) : Set.of();
            LocalDate ends = i % 5 == 0 ? today.minusDays(1) : i % 5 == 1 ? today.plusDays(30) : null;
            list.add(new ExceptionRequest(i + 1, TOP.code(), aspect, Medium.values()[rnd.nextInt(3)],
                    rnd.nextInt(departments), null, null, permitted, approval, null, waived, "benchmark", ends,
                    ExceptionStatus.APPROVED, 1L, "bench", Instant.EPOCH, "bench", Instant.EPOCH, null));
        }
        return Standard.of(List.of(TOP, CONF, DEPT), rules, list, Clock.systemUTC());
    }
}
