package dev.mamori.ledger.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785 for trees of {@link Map}, {@link List}, {@link String},
 * {@link Number}, {@link Boolean} and {@code null}: object members sorted by the UTF-16 code units of
 * their names, no white space, strings with the minimal escaping of ECMAScript's JSON.stringify, and
 * numbers in ECMAScript's shortest form (integers of magnitude below 2^53 written as integers).
 */
public final class Jcs {

    private Jcs() {
    }

    public static byte[] canonicalBytes(Object value) {
        return canonical(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonical(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s, sb);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Number n) {
            number(n, sb);
        } else if (v instanceof Map<?, ?> m) {
            List<String> names = new ArrayList<>();
            for (Object k : m.keySet()) {
                names.add(String.valueOf(k));
            }
            names.sort(String::compareTo); // String.compareTo orders by UTF-16 code units, as RFC 8785 requires
            sb.append('{');
            boolean first = true;
            for (String name : names) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(name, sb);
                sb.append(':');
                write(m.get(name), sb);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(item, sb);
            }
            sb.append(']');
        } else if (v instanceof Object[] array) {
            write(List.of(array), sb);
        } else {
            string(v.toString(), sb);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void number(Number n, StringBuilder sb) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            long l = n.longValue();
            if (Math.abs(l) > (1L << 53)) {
                throw new IllegalArgumentException("integer " + l + " is outside the range JSON numbers keep exactly");
            }
            sb.append(l);
            return;
        }
        if (n instanceof BigInteger bi) {
            number(bi.longValueExact(), sb);
            return;
        }
        double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and infinities have no JSON form");
        }
        if (d == 0) {
            sb.append('0');
            return;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            sb.append(new BigDecimal(d).toBigInteger());
            return;
        }
        sb.append(es6(d));
    }

    /** ECMAScript Number.prototype.toString for non-integral finite doubles, from the shortest decimal digits. */
    static String es6(double d) {
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int exponent = k - shortest.scale(); // the decimal point sits after `exponent` digits
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= exponent && exponent <= 21) {
            out.append(digits).append("0".repeat(exponent - k));
        } else if (0 < exponent && exponent <= 21) {
            out.append(digits, 0, exponent).append('.').append(digits.substring(exponent));
        } else if (-6 < exponent && exponent <= 0) {
            out.append("0.").append("0".repeat(-exponent)).append(digits);
        } else {
            int e = exponent - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits.substring(1));
            }
            out.append('e').append(e >= 0 ? "+" : "-").append(Math.abs(e));
        }
        return out.toString();
    }
}
