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
 * Mamori's access check beside the Cedar engine on the same questions (issue 7 asks for cedar-java; it is not
 * in the Maven repository this build uses, so the official {@code @cedar-policy/cedar-wasm} build of the same
 * Rust engine runs in Node.js, {@code bench/cedar/compare.js}, in a process of its own).
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
 * Arguments: people, entries, grants, questions, work directory, path of {@code compare.js}.
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
        Path in = dir.resolve("cedar-questions.jsonl");
        Path out = dir.resolve("cedar-answers.csv");
        writeSlices(shadow, questions, now, in);

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

        Process node = new ProcessBuilder("node", script.toString(), in.toString(), out.toString())
                .inheritIO().start();
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node " + script + " failed (exit " + node.exitValue() + ")");
        }
        boolean[] cedar = new boolean[count];
        long[] cedarNanos = new long[count];
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                int i = Integer.parseInt(f[0]);
                cedar[i] = f[1].equals("allow");
                cedarNanos[i] = Long.parseLong(f[2]);
            }
        }
        int agree = 0;
        int permitted = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (mamori[i] == cedar[i]) {
                agree++;
            } else if (disagreements.size() < 50) {
                AccessCheck c = Decisions.decide(index, standard::decide, questions[i], now);
                disagreements.add(String.format("  #%d %s: Mamori %s (%s), Cedar %s", i, questions[i],
                        mamori[i] ? "allow" : "deny", c.reasonKey(), cedar[i] ? "allow" : "deny"));
            }
            if (mamori[i]) {
                permitted++;
            }
        }
        System.out.printf("[cedar] decisions: %,d of %,d agree (%,d permitted, %,d refused by Mamori), %,d disagree%n",
                agree, count, permitted, count - permitted, count - agree);
        disagreements.forEach(System.out::println);
        Arrays.sort(mamoriNanos);
        Arrays.sort(cedarNanos);
        System.out.printf("[cedar] per-call latency, %,d calls each    Mamori (JVM, in-process)   Cedar %s (wasm in Node)%n",
                count, "4.13.0");
        for (double p : new double[] {0.50, 0.90, 0.99, 0.999}) {
            System.out.printf("[cedar]   p%-5s %22.2f µs %25.2f µs%n", trim(p * 100), us(mamoriNanos, p), us(cedarNanos, p));
        }
        System.out.printf("[cedar]   max   %22.2f µs %25.2f µs%n", mamoriNanos[count - 1] / 1e3, cedarNanos[count - 1] / 1e3);
        System.out.printf("[cedar]   mean  %22.2f µs %25.2f µs%n", Arrays.stream(mamoriNanos).average().orElse(0) / 1e3,
                Arrays.stream(cedarNanos).average().orElse(0) / 1e3);
        System.exit(agree == count ? 0 : 1);
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

    /** One JSON line per question: its index, principal, action, resource and entity slice (Cedar's entity JSON). */
    private static void writeSlices(Shadow s, AccessQuestion[] questions, int now, Path file) throws IOException {
        long[][] buffers = {new long[16], new long[16], new long[16]};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder b = new StringBuilder(2048);
            for (int i = 0; i < questions.length; i++) {
                AccessQuestion q = questions[i];
                int p = (int) q.personId();
                int e = (int) q.assetId();
                b.setLength(0);
                b.append("{\"i\":").append(i).append(",\"principal\":\"").append(p).append("\",\"action\":\"")
                        .append(CEDAR_ACTIONS[Arrays.asList(ACTIONS).indexOf(q.action())]).append("\",\"resource\":\"")
                        .append(e).append("\",\"entities\":[");
                // the person, inside their departments, roles and groups
                b.append("{\"uid\":{\"type\":\"Person\",\"id\":\"").append(p).append("\"},\"attrs\":{\"left\":")
                        .append(s.left[p]).append("},\"parents\":[");
                String sep = "";
                for (long d : s.personDepartments[p]) {
                    b.append(sep).append(scope("dep:" + d));
                    sep = ",";
                }
                for (int roles = s.roleMasks[p]; roles != 0; roles &= roles - 1) {
                    b.append(sep).append(scope(Shadow.roleScope(Integer.numberOfTrailingZeros(roles))));
                    sep = ",";
                }
                for (long g : s.personGroups[p]) {
                    b.append(sep).append(scope("group:" + g));
                    sep = ",";
                }
                b.append("]}");
                // their departments and every department above, each inside its parent
                List<Long> seen = new ArrayList<>();
                for (long d : s.personDepartments[p]) {
                    for (long x = d; x != 0 && !seen.contains(x); x = s.departmentParent[(int) x]) {
                        seen.add(x);
                        long parent = s.departmentParent[(int) x];
                        b.append(",{\"uid\":").append(scope("dep:" + x)).append(",\"attrs\":{},\"parents\":[")
                                .append(parent == 0 ? "" : scope("dep:" + parent)).append("]}");
                    }
                }
                // the entry
                String level = s.entryLevel[e];
                b.append(",{\"uid\":{\"type\":\"Entry\",\"id\":\"").append(e).append("\"},\"attrs\":{\"level\":\"")
                        .append(level == null ? "" : level).append("\",\"disposed\":").append(s.entryDisposed[e])
                        .append(",\"managers\":[").append(person(s.entryResponsible[e]));
                long[] managers = s.departmentManagers[(int) s.entryDepartment[e]];
                if (managers != null) {
                    for (long m : managers) {
                        b.append(',').append(person(m));
                    }
                }
                b.append(']');
                long[][] byLevel = s.holdersInForce(e, now, buffers);
                String[] names = {"view", "download", "edit"};
                for (int l = 0; l < 3; l++) {
                    long[] holders = concat(byLevel[l], s.entryHolders[e]);
                    b.append(",\"").append(names[l]).append("People\":[");
                    sep = "";
                    for (long h : holders) {
                        if (Shadow.kindOf(h) == AccessIndex.PERSON) {
                            b.append(sep).append(person(Shadow.refOf(h)));
                            sep = ",";
                        }
                    }
                    b.append("],\"").append(names[l]).append("Scopes\":[");
                    sep = "";
                    for (long h : holders) {
                        int kind = Shadow.kindOf(h);
                        long ref = Shadow.refOf(h);
                        if (kind != AccessIndex.PERSON) {
                            String id = kind == AccessIndex.DEPARTMENT ? "dep:" + ref
                                    : kind == AccessIndex.ROLE ? Shadow.roleScope((int) ref) : "group:" + ref;
                            b.append(sep).append("{\"__entity\":").append(scope(id)).append('}');
                            sep = ",";
                        }
                    }
                    b.append(']');
                }
                b.append("},\"parents\":[]}]}\n");
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
