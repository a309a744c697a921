package dev.mamori.directory.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A SCIM filter (RFC 7644 3.4.2.2) parsed into a predicate over a resource's attribute values: the comparison
 * operators {@code eq ne co sw ew gt ge lt le}, {@code pr}, {@code and}, {@code or}, {@code not( )} and
 * parentheses. String comparisons ignore case (the attributes Mamori filters on are not case-exact), except
 * {@code id} and {@code externalId}.
 */
final class ScimFilter {

    private final List<String> tokens;
    private int pos;

    private ScimFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    /** {@code values} answers an attribute path (lower case, enterprise URN shortened to {@code enterprise:}) with its values. */
    static <T> Predicate<T> parse(String filter, Function<T, Function<String, List<String>>> values) {
        if (filter == null || filter.isBlank()) {
            return t -> true;
        }
        ScimFilter f = new ScimFilter(tokenize(filter));
        Node node = f.or();
        if (f.pos != f.tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Unexpected '" + f.tokens.get(f.pos) + "' in filter");
        }
        return t -> node.test(values.apply(t));
    }

    /** The value an {@code eq} filter on the attribute asks for, when the filter is just that (for indexed lookups). */
    static String equalityOn(String filter, String attribute) {
        if (filter == null) {
            return null;
        }
        List<String> t = tokenize(filter);
        if (t.size() == 3 && normalise(t.get(0)).equals(attribute) && t.get(1).equalsIgnoreCase("eq") && t.get(2).startsWith("\"")) {
            return unquote(t.get(2));
        }
        return null;
    }

    interface Node {
        boolean test(Function<String, List<String>> values);
    }

    private Node or() {
        Node left = and();
        while (peek("or")) {
            pos++;
            Node l = left;
            Node r = and();
            left = v -> l.test(v) || r.test(v);
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (peek("and")) {
            pos++;
            Node l = left;
            Node r = unary();
            left = v -> l.test(v) && r.test(v);
        }
        return left;
    }

    private Node unary() {
        if (peek("not")) {
            pos++;
            expect("(");
            Node inner = or();
            expect(")");
            return v -> !inner.test(v);
        }
        if (peek("(")) {
            pos++;
            Node inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Node comparison() {
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Filter ends early");
        }
        String attribute = normalise(tokens.get(pos++));
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Operator missing after " + attribute);
        }
        String op = tokens.get(pos++).toLowerCase(Locale.ROOT);
        if (op.equals("pr")) {
            return v -> v.apply(attribute).stream().anyMatch(x -> x != null && !x.isEmpty());
        }
        if (!List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le").contains(op)) {
            throw new ScimException(400, "invalidFilter", "Unknown operator " + op);
        }
        if (pos >= tokens.size()) {
            throw new ScimException(400, "invalidFilter", "Value missing after " + op);
        }
        String raw = tokens.get(pos++);
        String wanted = raw.startsWith("\"") ? unquote(raw) : raw.equalsIgnoreCase("null") ? null : raw.toLowerCase(Locale.ROOT);
        boolean exact = attribute.equals("id") || attribute.equals("externalid");
        return v -> {
            List<String> values = v.apply(attribute);
            if (op.equals("ne")) {
                return values.stream().noneMatch(x -> same(x, wanted, exact));
            }
            return values.stream().anyMatch(x -> x != null && wanted != null && compare(op, exact ? x : x.toLowerCase(Locale.ROOT),
                    exact ? wanted : wanted.toLowerCase(Locale.ROOT)));
        };
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
