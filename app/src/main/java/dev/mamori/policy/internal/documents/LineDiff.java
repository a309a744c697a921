package dev.mamori.policy.internal.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based diff of two versions of a document: the longest common subsequence of their lines, the rest
 * as removals (from the older) and additions (to the newer), in reading order, removals before additions
 * where both replace the same place.
 */
public final class LineDiff {

    public enum Op { SAME, ADDED, REMOVED }

    /** One line of the comparison. */
    public record Line(Op op, DocLine line) {

        /** CSS class: {@code diff-same}, {@code diff-added}, {@code diff-removed}. */
        public String css() {
            return "diff-" + op.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private LineDiff() {
    }

    public static List<Line> diff(List<DocLine> older, List<DocLine> newer) {
        int n = older.size();
        int m = newer.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = older.get(i).equals(newer.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>(Math.max(n, m));
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (older.get(i).equals(newer.get(j))) {
                out.add(new Line(Op.SAME, older.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, older.get(i++)));
            } else {
                out.add(new Line(Op.ADDED, newer.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line(Op.REMOVED, older.get(i++)));
        }
        while (j < m) {
            out.add(new Line(Op.ADDED, newer.get(j++)));
        }
        return out;
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.op() != Op.SAME);
    }
}
