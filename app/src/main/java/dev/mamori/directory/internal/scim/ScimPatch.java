package dev.mamori.directory.internal.scim;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Applies a PatchOp request (RFC 7644 3.5.2) to a {@link ScimUser}: {@code add}, {@code replace} and
 * {@code remove} in any letter case (Entra ID writes {@code Replace}), with a path or without one (then the
 * value is an object of attributes, as Okta sends {@code {"op":"replace","value":{"active":false}}}).
 */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatch() {
    }

    static void apply(ScimUser user, JsonNode request) {
        JsonNode ops = request == null ? null : request.get("Operations");
        if (ops == null) {
            ops = request == null ? null : request.get("operations");
        }
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ScimException.invalidValue("Operations are missing");
        }
        for (JsonNode op : ops) {
            String name = ScimUser.text(op.get("op"));
            if (name == null) {
                throw ScimException.invalidValue("An operation has no op");
            }
            String path = ScimUser.text(op.get("path"));
            JsonNode value = op.get("value");
            switch (name.toLowerCase(Locale.ROOT)) {
                case "add", "replace" -> {
                    if (path == null) {
                        user.setAll(value);
                    } else {
                        user.set(path, unwrap(path, value));
                    }
                }
                case "remove" -> {
                    if (path == null) {
                        throw new ScimException(400, "noTarget", "remove needs a path");
                    }
                    user.remove(path);
                }
                default -> throw ScimException.invalidValue("Unknown op " + name);
            }
        }
    }

    /**
     * Okta and Entra ID sometimes wrap a single value in an array of one ({@code "value":[{"value":"x"}]} for
     * a simple attribute); multi-valued attributes (emails) keep the array.
     */
    private static JsonNode unwrap(String path, JsonNode value) {
        if (value != null && value.isArray() && value.size() == 1 && !path.toLowerCase(Locale.ROOT).startsWith("emails")) {
            JsonNode only = value.get(0);
            return only.isObject() && only.has("value") && !path.toLowerCase(Locale.ROOT).endsWith("manager") ? only.get("value") : only;
        }
        return value;
    }
}
