package dev.mamori.inventory.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mamori.policy.Level;
import dev.mamori.inventory.StandingEntry;

/**
 * The coordinates of the evaluation chart (図表2(2)): every evaluated entry by its relative place among all
 * evaluated entries (x: percent rank, in the bands of tiers III, II, I) and its absolute loss estimate in yen
 * (y: log scale; the dot at the upper estimate, a line down to the lower one). Drawn as SVG by the template,
 * coloured by level through CSS classes ({@code chart-level-0} is the highest level, {@code chart-level-none}
 * an entry not designated).
 */
public record StandingChart(int width, int height, int left, int right, int top, int bottom, List<Band> bands,
                     List<Tick> ticks, List<Point> points, List<LegendItem> legend) {

    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    static final int LEFT = 96;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int BOTTOM = 56;

    /** A tier's band on the x axis. */
    public record Band(String tier, double x, double width, double labelX) {
    }

    /** A decade on the y axis with its label (e.g. 「1億」 or "100M"). */
    public record Tick(double y, String label) {
    }

    public record Point(long assetId, String name, String departmentName, String levelName, String levelClass, String tier,
                 double x, double y, double yMin, long lossMinYen, long lossMaxYen, int total, int percent) {
    }

    public record LegendItem(String levelClass, String name) {
    }

    public double plotWidth() {
        return width - left - right;
    }

    public double plotHeight() {
        return height - top - bottom;
    }

    public double plotBottom() {
        return height - bottom;
    }

    public double plotRight() {
        return width - right;
    }

    static StandingChart of(List<StandingEntry> entries, List<Level> levels, Locale locale) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        Map<String, Integer> rankIndex = new HashMap<>();
        Map<String, String> levelNames = new HashMap<>();
        List<LegendItem> legend = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            rankIndex.put(levels.get(i).code(), i);
            levelNames.put(levels.get(i).code(), levels.get(i).name(locale));
            legend.add(new LegendItem("chart-level-" + Math.min(i, 3), levels.get(i).name(locale)));
        }
        legend.add(new LegendItem("chart-level-none", null));
        int low = 4;
        int high = 5;
        if (!entries.isEmpty()) {
            low = (int) Math.floor(Math.log10(Math.max(1, entries.stream()
                    .mapToLong(e -> e.standing().lossMinYen()).filter(v -> v > 0).min().orElse(1))));
            high = (int) Math.ceil(Math.log10(Math.max(10, entries.stream()
                    .mapToLong(e -> e.standing().lossMaxYen()).max().orElse(10))));
            high = Math.max(high, low + 1);
        }
        int lowDecade = low;
        double decades = high - low;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH
                - (Math.log10(Math.max(v, Math.pow(10, lowDecade))) - lowDecade) / decades * plotH;
        NumberFormat compact = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        List<Tick> ticks = new ArrayList<>();
        for (int d = low; d <= high; d++) {
            ticks.add(new Tick(round(y.applyAsDouble(Math.pow(10, d))), compact.format((long) Math.pow(10, d))));
        }
        List<Band> bands = List.of(band("III", 0, 0.5, plotW), band("II", 0.5, 0.8, plotW), band("I", 0.8, 1.0, plotW));
        List<Point> points = entries.stream().map(e -> {
            Integer index = e.levelId() == null ? null : rankIndex.get(e.levelId());
            String levelClass = index == null ? "chart-level-none" : "chart-level-" + Math.min(index, 3);
            return new Point(e.assetId(), e.name(), e.departmentName(), e.levelId() == null ? null : levelNames.get(e.levelId()),
                    levelClass, e.standing().tier(), round(LEFT + e.percentRank() * plotW),
                    round(y.applyAsDouble(e.standing().lossMaxYen())), round(y.applyAsDouble(e.standing().lossMinYen())),
                    e.standing().lossMinYen(), e.standing().lossMaxYen(), e.standing().total(),
                    (int) Math.round(e.percentRank() * 100));
        }).toList();
        return new StandingChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, bands, ticks, points, legend);
    }

    private static Band band(String tier, double from, double to, double plotW) {
        return new Band(tier, round(LEFT + from * plotW), round((to - from) * plotW), round(LEFT + (from + to) / 2 * plotW));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
