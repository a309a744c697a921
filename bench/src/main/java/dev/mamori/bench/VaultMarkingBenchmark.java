package dev.mamori.bench;

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

import dev.mamori.vault.internal.marking.Fingerprints;
import dev.mamori.vault.internal.marking.Mark;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.SampleFiles;
import dev.mamori.vault.internal.marking.Watermark;

/**
 * Marking one downloaded copy of a PDF (issue 7: a 100-page PDF in under 300 ms): parse the file, subset-embed
 * the Japanese font (IPAex Gothic), append the visible line at the top and bottom and the invisible fingerprint
 * layer to every page, set the information entry and the XMP metadata, save. The PDF is generated beforehand
 * (A4 pages of Japanese text, each with its own content stream); a fresh fingerprint per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class VaultMarkingBenchmark {

    @Param("100")
    public int pages;

    /** With the see-through watermark over every page (the default since the tenth session) or without it. */
    @Param({"true", "false"})
    public boolean watermark;

    Markers markers;
    byte[] pdf;

    @Setup
    public void setUp() {
        MarkFont font = MarkFont.locate(null);
        markers = new Markers(font, watermark ? Watermark.DEFAULT : Watermark.NONE);
        pdf = SampleFiles.pdf(font, "新型ポンプの設計書（社外秘）", "圧力 12.5 MPa、流量 340 L/min の設計値と試験結果。", pages);
    }

    @Benchmark
    public byte[] markPdf() {
        return markers.mark(pdf, new Mark("極秘（アクセス権者限り）　交付先 山田 太郎（社員番号 E004211）　2026-11-27 14:05　No.17　複製・転送禁止",
                "No.17", Fingerprints.newFingerprint()));
    }
}
