package dev.mamori.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.access.internal.AccessIndex;
import dev.mamori.access.internal.Decisions;
import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;
import dev.mamori.policy.Standard;
import dev.mamori.policy.internal.DefaultStandard;

/**
 * Mamori's access check beside the Cedar engine on the same questions, in the same run: Cedar embedded in this
 * JVM through cedar-java ({@link CedarJava}, the Rust engine over JNI), and optionally
 * ({@code -Dbench.cedar.wasm.skip=false}) the official {@code @cedar-policy/cedar-wasm} build of the same engine
 * in Node.js ({@code bench/cedar/compare.js}, a process of its own; the comparison used before cedar-java could be
 * resolved here).
 * <p>
 * The data set of {@link AccessCheckBenchmark} is generated twice from one seed: into the module's
 * {@link AccessIndex} (Mamori's decisions) and into a {@link Shadow} from which each question's Cedar entity
 * slice is cut (the person with their departments and those above, roles and groups; the entry with its level,
 * disposal, managers and the holders of its grants in force at that minute and of its designation). The
 * questions are the modelled subset (see {@code bench/cedar/mamori.cedar}): view, download and dispose, any
 * medium and location, recipient none; a mix of random people, people holding a grant to the entry, the
 * entry's responsible person and people of its department, so that both answers occur often. Both sides
 * answer "may the person act now, without anyone's approval" (Mamori's {@code AccessCheck#permitted}); the
 * decisions are compared one by one and both per-call latency distributions printed side by side.
 * <p>
 * Arguments: people, entries, grants, questions, work directory, path of {@code compare.js} (its folder holds
 * the schema and the policies both engines are given).
 */
public final class CedarComparison {

    private static final Action[] ACTIONS = {Action.VIEW, Action.DOWNLOAD, Action.DISPOSE};
    private static final String[] CEDAR_ACTIONS = {"view", "download", "dispose"};

    private CedarComparison() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(args[0]);
        int entries = Integer.parseInt(args[1]);
        int grants = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(Path.of(args[4]));
        Path script = Path.of(args[5]);
        int now = (int) (System.currentTimeMillis() / 60_000);

        long t0 = System.nanoTime();
        AccessIndex index = new AccessIndex(people, entries, grants);
        AccessData.fill(index, people, entries, grants, 20261127L, now);
        Shadow shadow = new Shadow(people, entries);
        AccessData.fill(shadow, people, entries, grants, 20261127L, now);
        shadow.seal();
        System.out.printf("[cedar] data: %,d people, %,d entries, %,d grants in %.1f s%n", people, entries, grants,
                (System.nanoTime() - t0) / 1e9);
        Standard standard = Standard.of(List.of(PolicyDecisionBenchmark.TOP, PolicyDecisionBenchmark.CONF),
                DefaultStandard.rules());

        AccessQuestion[] questions = questions(shadow, people, entries, count, 11);

        boolean[] mamori = new boolean[count];
        long[] mamoriNanos = new long[count];
        for (int pass = 0; pass < 5; pass++) { // warm-up: let the JIT compile the check
            for (int i = 0; i < count; i++) {
                mamori[i] = Decisions.decide(index, standard::decide, questions[i], now).permitted();
            }
        }
        for (int i = 0; i < count; i++) {
            long s = System.nanoTime();
            AccessCheck c = Decisions.decide(index, standard::decide, questions[i], now);
            mamoriNanos[i] = System.nanoTime() - s;
            mamori[i] = c.permitted();
        }

        // Cedar embedded in this JVM (cedar-java), on the same questions: three passes to warm it up, the fourth
        // measured; each call timed alone, the slice built before the clock starts
        CedarJava cedarJava = new CedarJava(script.getParent());
        boolean[] cedar = new boolean[count];
        long[] cedarNanos = new long[count];
        long[][] buffers = {new long[16], new long[16], new long[16]};
        for (int pass = 0; pass < 4; pass++) {
            for (int i = 0; i < count; i++) {
                var entities = CedarJava.entities(shadow, questions[i], now, buffers);
                long s = System.nanoTime();
                cedar[i] = cedarJava.allowed(questions[i], entities);
                cedarNanos[i] = System.nanoTime() - s;
            }
        }
        int agree = compare("cedar-java 4.10.0 (embedded; Cedar language " + CedarJava.version() + ")", index, standard, questions, now, mamori, cedar);

        // optionally the same engine compiled to WebAssembly, in Node.js (the figures before cedar-java resolved)
        // only with -Dbench.cedar.wasm.skip=false (the pom passes its property, true by default)
        boolean wasm = "false".equals(System.getProperty("bench.cedar.wasm.skip"));
        long[] wasmNanos = new long[count];
        int wasmAgree = count;
        if (wasm) {
            Path in = dir.resolve("cedar-questions.jsonl");
            Path out = dir.resolve("cedar-answers.csv");
            writeSlices(shadow, questions, now, in);
            Process node = new ProcessBuilder("node", script.toString(), in.toString(), out.toString()).inheritIO().start();
            if (node.waitFor() != 0) {
                throw new IllegalStateException("node " + script + " failed (exit " + node.exitValue() + ")");
            }
            boolean[] wasmAnswers = new boolean[count];
            try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split(",");
                    int i = Integer.parseInt(f[0]);
                    wasmAnswers[i] = f[1].equals("allow");
                    wasmNanos[i] = Long.parseLong(f[2]);
                }
            }
            wasmAgree = compare("cedar-wasm (Node.js)", index, standard, questions, now, mamori, wasmAnswers);
        }

        Arrays.sort(mamoriNanos);
        Arrays.sort(cedarNanos);
        Arrays.sort(wasmNanos);
        System.out.printf("[cedar] per-call latency, %,d calls each    Mamori (JVM, in-process)   Cedar (%s, embedded)%s%n",
                count, "cedar-java 4.10.0", wasm ? "   Cedar (wasm in Node)" : "");
        for (double p : new double[] {0.50, 0.90, 0.99, 0.999}) {
            System.out.printf("[cedar]   p%-5s %22.2f µs %28.2f µs%s%n", trim(p * 100), us(mamoriNanos, p), us(cedarNanos, p),
                    wasm ? String.format(" %22.2f µs", us(wasmNanos, p)) : "");
        }
        System.out.printf("[cedar]   max   %22.2f µs %28.2f µs%s%n", mamoriNanos[count - 1] / 1e3, cedarNanos[count - 1] / 1e3,
                wasm ? String.format(" %22.2f µs", wasmNanos[count - 1] / 1e3) : "");
        System.out.printf("[cedar]   mean  %22.2f µs %28.2f µs%s%n", Arrays.stream(mamoriNanos).average().orElse(0) / 1e3,
                Arrays.stream(cedarNanos).average().orElse(0) / 1e3,
                wasm ? String.format(" %22.2f µs", Arrays.stream(wasmNanos).average().orElse(0) / 1e3) : "");
        System.exit(agree == count && wasmAgree == count ? 0 : 1);
    }

    /** Compares Mamori's decisions with another engine's one by one; prints the count and the first 50 disagreements. */
    private static int compare(String engine, AccessIndex index, Standard standard, AccessQuestion[] questions, int now,
                               boolean[] mamori, boolean[] other) {
        int count = questions.length;
        int agree = 0;
        int permitted = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (mamori[i] == other[i]) {
                agree++;
            } else if (disagreements.size() < 50) {
                AccessCheck c = Decisions.decide(index, standard::decide, questions[i], now);
                disagreements.add(String.format("  #%d %s: Mamori %s (%s), %s %s", i, questions[i],
                        mamori[i] ? "allow" : "deny", c.reasonKey(), engine, other[i] ? "allow" : "deny"));
            }
            if (mamori[i]) {
                permitted++;
            }
        }
        System.out.printf("[cedar] decisions, Mamori and %s: %,d of %,d agree (%,d permitted, %,d refused by Mamori), %,d disagree%n",
                engine, agree, count, permitted, count - permitted, count - agree);
        disagreements.forEach(System.out::println);
        return agree;
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
    }

    private static double us(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))] / 1e3;
    }

    /** The sample: view, download or dispose; recipient none; people drawn so that both answers are common. */
    static AccessQuestion[] questions(Shadow s, int people, int entries, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] byDepartment = peopleByDepartment(s, people);
        Medium[] media = Medium.values();
        AccessQuestion[] out = new AccessQuestion[count];
        for (int i = 0; i < count; i++) {
            int e = 1 + rnd.nextInt(entries);
            int r = rnd.nextInt(10);
            long person = 0;
            if (r < 4) {
                person = s.personGrantee(e, rnd.nextInt(1 << 20));
            } else if (r < 5) {
                person = s.entryResponsible[e];
            } else if (r < 7) {
                int[] colleagues = byDepartment[(int) s.entryDepartment[e]];
                person = colleagues.length == 0 ? 0 : colleagues[rnd.nextInt(colleagues.length)];
            }
            if (person == 0) {
                person = 1 + rnd.nextInt(people);
            }
            out[i] = new AccessQuestion(person, ACTIONS[rnd.nextInt(ACTIONS.length)], e, media[rnd.nextInt(media.length)],
                    rnd.nextBoolean() ? Location.INSIDE_OFFICE : Location.OUTSIDE_OFFICE, Recipient.NONE);
        }
        return out;
    }

    private static int[][] peopleByDepartment(Shadow s, int people) {
        int departments = s.departmentParent.length;
        int[] counts = new int[departments];
        for (int p = 1; p <= people; p++) {
            counts[(int) s.personDepartments[p][0]]++;
        }
        int[][] out = new int[departments][];
        for (int d = 0; d < departments; d++) {
            out[d] = new int[counts[d]];
            counts[d] = 0;
        }
        for (int p = 1; p <= people; p++) {
            int d = (int) s.personDepartments[p][0];
            out[d][counts[d]++] = p;
        }
        return out;
    }

    /**
     * What Cedar needs to know to answer one question, cut from the shadow data set: the person inside their
     * departments, roles and groups; their departments and every department above, each inside its parent; the
     * entry with its level, disposal, managers and, per access level, the people and the scopes holding it at the
     * minute (the holders of its grants in force then, plus its designated holders, who have every level).
     */
    interface SliceSink {
        void person(long id, boolean left, List<String> scopes);

        void department(String scope, String parentScope);

        void entry(long id, String level, boolean disposed, long[] managers, long[][] people, String[][] scopes);
    }

    static final String[] LEVEL_NAMES = {"view", "download", "edit"};

    static void slice(Shadow s, AccessQuestion q, int now, long[][] buffers, SliceSink sink) {
        int p = (int) q.personId();
        int e = (int) q.assetId();
        List<String> parents = new ArrayList<>();
        for (long d : s.personDepartments[p]) {
            parents.add("dep:" + d);
        }
        for (int roles = s.roleMasks[p]; roles != 0; roles &= roles - 1) {
            parents.add(Shadow.roleScope(Integer.numberOfTrailingZeros(roles)));
        }
        for (long g : s.personGroups[p]) {
            parents.add("group:" + g);
        }
        sink.person(p, s.left[p], parents);
        List<Long> seen = new ArrayList<>();
        for (long d : s.personDepartments[p]) {
            for (long x = d; x != 0 && !seen.contains(x); x = s.departmentParent[(int) x]) {
                seen.add(x);
                long parent = s.departmentParent[(int) x];
                sink.department("dep:" + x, parent == 0 ? null : "dep:" + parent);
            }
        }
        long[] deptManagers = s.departmentManagers[(int) s.entryDepartment[e]];
        long[] managers = new long[1 + (deptManagers == null ? 0 : deptManagers.length)];
        managers[0] = s.entryResponsible[e];
        if (deptManagers != null) {
            System.arraycopy(deptManagers, 0, managers, 1, deptManagers.length);
        }
        long[][] byLevel = s.holdersInForce(e, now, buffers);
        long[][] people = new long[3][];
        String[][] scopes = new String[3][];
        for (int l = 0; l < 3; l++) {
            long[] holders = concat(byLevel[l], s.entryHolders[e]);
            people[l] = Arrays.stream(holders).filter(h -> Shadow.kindOf(h) == AccessIndex.PERSON).map(Shadow::refOf).toArray();
            scopes[l] = Arrays.stream(holders).filter(h -> Shadow.kindOf(h) != AccessIndex.PERSON).mapToObj(h -> {
                int kind = Shadow.kindOf(h);
                long ref = Shadow.refOf(h);
                return kind == AccessIndex.DEPARTMENT ? "dep:" + ref
                        : kind == AccessIndex.ROLE ? Shadow.roleScope((int) ref) : "group:" + ref;
            }).toArray(String[]::new);
        }
        String level = s.entryLevel[e];
        sink.entry(e, level == null ? "" : level, s.entryDisposed[e], managers, people, scopes);
    }

    /** The slice as Cedar's entity JSON, one line per question with its index, principal, action and resource (for Node). */
    private static void writeSlices(Shadow s, AccessQuestion[] questions, int now, Path file) throws IOException {
        long[][] buffers = {new long[16], new long[16], new long[16]};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder b = new StringBuilder(2048);
            for (int i = 0; i < questions.length; i++) {
                AccessQuestion q = questions[i];
                b.setLength(0);
                b.append("{\"i\":").append(i).append(",\"principal\":\"").append(q.personId()).append("\",\"action\":\"")
                        .append(CEDAR_ACTIONS[Arrays.asList(ACTIONS).indexOf(q.action())]).append("\",\"resource\":\"")
                        .append(q.assetId()).append("\",\"entities\":[");
                slice(s, q, now, buffers, new SliceSink() {
                    @Override
                    public void person(long id, boolean left, List<String> scopes) {
                        b.append("{\"uid\":{\"type\":\"Person\",\"id\":\"").append(id).append("\"},\"attrs\":{\"left\":")
                                .append(left).append("},\"parents\":[").append(String.join(",", scopes.stream().map(CedarComparison::scope).toList()))
                                .append("]}");
                    }

                    @Override
                    public void department(String scope, String parentScope) {
                        b.append(",{\"uid\":").append(scope(scope)).append(",\"attrs\":{},\"parents\":[")
                                .append(parentScope == null ? "" : scope(parentScope)).append("]}");
                    }

                    @Override
                    public void entry(long id, String level, boolean disposed, long[] managers, long[][] people, String[][] scopes) {
                        b.append(",{\"uid\":{\"type\":\"Entry\",\"id\":\"").append(id).append("\"},\"attrs\":{\"level\":\"")
                                .append(level).append("\",\"disposed\":").append(disposed).append(",\"managers\":[")
                                .append(String.join(",", Arrays.stream(managers).mapToObj(CedarComparison::person).toList())).append(']');
                        for (int l = 0; l < 3; l++) {
                            b.append(",\"").append(LEVEL_NAMES[l]).append("People\":[")
                                    .append(String.join(",", Arrays.stream(people[l]).mapToObj(CedarComparison::person).toList()))
                                    .append("],\"").append(LEVEL_NAMES[l]).append("Scopes\":[")
                                    .append(String.join(",", Arrays.stream(scopes[l]).map(x -> "{\"__entity\":" + scope(x) + "}").toList()))
                                    .append(']');
                        }
                        b.append("},\"parents\":[]}");
                    }
                });
                b.append("]}\n");
                w.append(b);
            }
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String scope(String id) {
        return "{\"type\":\"Scope\",\"id\":\"" + id + "\"}";
    }

    private static String person(long id) {
        return "{\"__entity\":{\"type\":\"Person\",\"id\":\"" + id + "\"}}";
    }
}
