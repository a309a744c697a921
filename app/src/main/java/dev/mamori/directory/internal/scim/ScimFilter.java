package dev.mamori.directory.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A SCIM filter (RFC 7644 3.4.2.2) parsed into a tree of the comparison operators {@code eq ne co sw ew gt ge lt
 * le}, {@code pr}, {@code and}, {@code or}, {@code not( )} and parentheses; the tree is evaluated in memory over
 * a resource's attribute values ({@link #parse}) or written as a parameterised SQL condition ({@link #toSql}).
 * String comparisons ignore case (the attributes Mamori filters on are not case-exact), except {@code id} and
 * {@code externalId}.
 */
final class ScimFilter {

    private final List<String> tokens;
    private int pos;

    private ScimFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The parsed filter. */
    interface Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Not(Expr inner) implements Expr {
    }

    record Present(String attribute) implements Expr {
    }

    /** {@code value} is null for the literal {@code null}; unquoted literals ({@code true}, numbers) lower case. */
    record Compare(String attribute, String op, String value) implements Expr {

        boolean exact() {
            return attribute.equals("id") || attribute.equals("externalid");
        }
    }

    /** The filter as a tree, or null for a blank filter. */
    static Expr tree(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        ScimFilter f = new ScimFilter(tokenize(filter));
        Expr e = f.or();
        if (f.pos != f.tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Unexpected '" + f.tokens.get(f.pos) + "' in filter");
        }
        return e;
    }

    /** {@code values} answers an attribute path (lower case, enterprise URN shortened to {@code enterprise:}) with its values. */
    static <T> Predicate<T> parse(String filter, Function<T, Function<String, List<String>>> values) {
        Expr e = tree(filter);
        if (e == null) {
            return t -> true;
        }
        return t -> test(e, values.apply(t));
    }

    static boolean test(Expr e, Function<String, List<String>> v) {
        if (e instanceof Or o) {
            return test(o.left(), v) || test(o.right(), v);
        }
        if (e instanceof And a) {
            return test(a.left(), v) && test(a.right(), v);
        }
        if (e instanceof Not n) {
            return !test(n.inner(), v);
        }
        if (e instanceof Present p) {
            return v.apply(p.attribute()).stream().anyMatch(x -> x != null && !x.isEmpty());
        }
        Compare c = (Compare) e;
        List<String> values = v.apply(c.attribute());
        boolean exact = c.exact();
        String wanted = c.value();
        if (c.op().equals("ne")) {
            return values.stream().noneMatch(x -> same(x, wanted, exact));
        }
        return values.stream().anyMatch(x -> x != null && wanted != null && compare(c.op(),
                exact ? x : x.toLowerCase(Locale.ROOT), exact ? wanted : wanted.toLowerCase(Locale.ROOT)));
    }

    /** A parameterised SQL condition and its parameters, in order. */
    record Sql(String where, List<Object> params) {
    }

    /**
     * Writes the filter as a SQL condition with the same meaning as {@link #test}: {@code columns} gives the SQL
     * expressions (text-valued, trusted, never user input) an attribute's values come from — several when the
     * attribute has several values — or an empty list when the attribute is unknown (no value). Values are always
     * bound as parameters; the LIKE wildcards {@code % _ \} in a value match literally. A blank filter is
     * {@code true}.
     */
    static Sql toSql(String filter, Function<String, List<String>> columns) {
        Expr e = tree(filter);
        List<Object> params = new ArrayList<>();
        String where = e == null ? "true" : sql(e, columns, params);
        return new Sql(where, params);
    }

    private static String sql(Expr e, Function<String, List<String>> columns, List<Object> params) {
        if (e instanceof Or o) {
            return "(" + sql(o.left(), columns, params) + " or " + sql(o.right(), columns, params) + ")";
        }
        if (e instanceof And a) {
            return "(" + sql(a.left(), columns, params) + " and " + sql(a.right(), columns, params) + ")";
        }
        if (e instanceof Not n) {
            return "(not " + sql(n.inner(), columns, params) + ")";
        }
        if (e instanceof Present p) {
            return any(columns.apply(p.attribute()), c -> "coalesce(" + c + " <> '', false)");
        }
        Compare c = (Compare) e;
        return compare(c, columns.apply(c.attribute()), params);
    }

    private static String compare(Compare c, List<String> exprs, List<Object> params) {
        String op = c.op();
        String wanted = c.value();
        if (op.equals("ne")) {
            if (exprs.isEmpty()) {
                return wanted == null ? "false" : "true";
            }
            List<String> parts = new ArrayList<>();
            for (String x : exprs) {
                params.add(wanted);
                parts.add(c.exact() ? x + " is distinct from cast(? as text)"
                        : "lower(" + x + ") is distinct from lower(cast(? as text))");
            }
            return "(" + String.join(" and ", parts) + ")";
        }
        if (wanted == null || exprs.isEmpty()) {
            return "false";
        }
        List<String> parts = new ArrayList<>();
        for (String x : exprs) {
            String left = c.exact() ? x : "lower(" + x + ")";
            String right = c.exact() ? "?" : "lower(?)";
            String cond = switch (op) {
                case "eq" -> left + " = " + right;
                case "co", "sw", "ew" -> left + " like " + right + " escape '\\'";
                case "gt" -> left + " collate \"C\" > " + right;
                case "ge" -> left + " collate \"C\" >= " + right;
                case "lt" -> left + " collate \"C\" < " + right;
                default -> left + " collate \"C\" <= " + right;
            };
            params.add(switch (op) {
                case "co" -> "%" + escapeLike(wanted) + "%";
                case "sw" -> escapeLike(wanted) + "%";
                case "ew" -> "%" + escapeLike(wanted);
                default -> wanted;
            });
            parts.add("coalesce(" + cond + ", false)");
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    private static String any(List<String> exprs, Function<String, String> each) {
        if (exprs.isEmpty()) {
            return "false";
        }
        return "(" + String.join(" or ", exprs.stream().map(each).toList()) + ")";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Expr or() {
        Expr left = and();
        while (peek("or")) {
            pos++;
            left = new Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = unary();
        while (peek("and")) {
            pos++;
            left = new And(left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (peek("not")) {
            pos++;
            expect("(");
            Expr inner = or();
            expect(")");
            return new Not(inner);
        }
        if (peek("(")) {
            pos++;
            Expr inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Expr comparison() {
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Filter ends early");
        }
        String attribute = normalise(tokens.get(pos++));
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Operator missing after " + attribute);
        }
        String op = tokens.get(pos++).toLowerCase(Locale.ROOT);
        if (op.equals("pr")) {
            return new Present(attribute);
        }
        if (!List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le").contains(op)) {
            throw new ScimException(400, "invalidFilter", "Unknown operator " + op);
        }
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Value missing after " + op);
        }
        String raw = tokens.get(pos++);
        String wanted = raw.startsWith("\"") ? unquote(raw) : raw.equalsIgnoreCase("null") ? null : raw.toLowerCase(Locale.ROOT);
        return new Compare(attribute, op, wanted);
    }

    private static boolean same(String x, String wanted, boolean exact) {
        if (x == null || wanted == null) {
            return x == null && wanted == null;
        }
        return exact ? x.equals(wanted) : x.equalsIgnoreCase(wanted);
    }

    private static boolean compare(String op, String x, String w) {
        return switch (op) {
            case "eq" -> x.equals(w);
            case "co" -> x.contains(w);
            case "sw" -> x.startsWith(w);
            case "ew" -> x.endsWith(w);
            case "gt" -> x.compareTo(w) > 0;
            case "ge" -> x.compareTo(w) >= 0;
            case "lt" -> x.compareTo(w) < 0;
            default -> x.compareTo(w) <= 0;
        };
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw new ScimException(400, "invalidFilter", "'" + token + "' expected");
        }
        pos++;
    }

    /** Lower case; the enterprise extension's URN shortened to {@code enterprise:}; the core URN dropped; {@code emails} → {@code emails.value}. */
    static String normalise(String attribute) {
        String a = attribute.toLowerCase(Locale.ROOT);
        String enterprise = ScimUser.ENTERPRISE.toLowerCase(Locale.ROOT) + ":";
        String core = ScimUser.CORE.toLowerCase(Locale.ROOT) + ":";
        if (a.startsWith(enterprise)) {
            a = "enterprise:" + a.substring(enterprise.length());
        } else if (a.startsWith(core)) {
            a = a.substring(core.length());
        }
        if (a.startsWith("emails[")) {
            a = "emails.value";
        }
        return a.equals("emails") ? "emails.value" : a;
    }

    private static String unquote(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static List<String> tokenize(String filter) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < filter.length() && filter.charAt(j) != '"') {
                    j += filter.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= filter.length()) {
                    throw new ScimException(400, "invalidFilter", "Unterminated string in filter");
                }
                out.add(filter.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                int depth = 0;
                while (j < filter.length() && (depth > 0 || !(Character.isWhitespace(filter.charAt(j))
                        || filter.charAt(j) == '(' || filter.charAt(j) == ')'))) {
                    if (filter.charAt(j) == '[') {
                        depth++;
                    } else if (filter.charAt(j) == ']') {
                        depth--;
                    }
                    j++;
                }
                out.add(filter.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
