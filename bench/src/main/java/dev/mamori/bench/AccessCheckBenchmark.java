package dev.mamori.bench;

import java.util.List;
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

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.access.internal.AccessIndex;
import dev.mamori.access.internal.Decisions;
import dev.mamori.policy.Standard;
import dev.mamori.policy.internal.DefaultStandard;

/**
 * The access check in-process (JMH): the module's {@link AccessIndex} filled with {@code people} people,
 * {@code entries} entries and {@code grants} grants (generated straight into the index by {@link AccessData}),
 * and the check itself ({@link Decisions#decide}: the index lookup of the person, the entry, the designation
 * holders and every grant that may cover the person — directly, through each of their departments and the
 * departments above, their roles and project groups — then the policy's {@link Standard#decide}) on random
 * questions drawn beforehand. {@link Mode#SampleTime} gives the latency distribution (p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class AccessCheckBenchmark {

    static final int QUESTIONS = 1 << 20;

    @Param("100000")
    public int people;

    @Param("1000000")
    public int entries;

    @Param("5000000")
    public int grants;

    AccessIndex index;
    Standard standard;
    AccessQuestion[] questions;
    int now;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        now = (int) (System.currentTimeMillis() / 60_000);
        index = new AccessIndex(people, entries, grants);
        long t0 = System.nanoTime();
        AccessData data = AccessData.fill(index, people, entries, grants, 20261127L, now);
        System.out.printf("%n[access] index: %,d people, %,d entries, %,d live grants in %.1f s; heap used %,d MB%n",
                people, entries, index.liveGrants(), (System.nanoTime() - t0) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        standard = Standard.of(List.of(PolicyDecisionBenchmark.TOP, PolicyDecisionBenchmark.CONF), DefaultStandard.rules());
        questions = data.questions(QUESTIONS, 42);
    }

    @Benchmark
    public AccessCheck check(Cursor cursor) {
        AccessQuestion q = questions[cursor.next++ & (QUESTIONS - 1)];
        return Decisions.decide(index, standard::decide, q, now);
    }
}
