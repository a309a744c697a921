package dev.mamori.directory.internal.scim;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The SCIM User as Mamori holds it while reading a request: built from a directory person (and the stored SCIM
 * link), changed by a POST/PUT body or PATCH operations, then written back through the directory.
 */
public final class ScimUser {

    public static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    String userName;
    String externalId;
    String givenName;
    String familyName;
    String formatted;
    String displayName;
    String email;
    String title;
    Boolean active;
    String employeeNumber;
    String department;
    String managerId;

    /** The full name the directory keeps: displayName, else name.formatted, else family + given name. */
    String fullName() {
        if (notBlank(displayName)) {
            return displayName.strip();
        }
        if (notBlank(formatted)) {
            return formatted.strip();
        }
        String joined = ((familyName == null ? "" : familyName.strip()) + " " + (givenName == null ? "" : givenName.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** Sets everything a POST or PUT body carries (attributes absent from it are cleared, as a replace does). */
    static ScimUser fromBody(JsonNode body) {
        ScimUser u = new ScimUser();
        u.setAll(body);
        return u;
    }

    /** Applies the attributes of an object value (a body, or a PATCH value without a path). */
    void setAll(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw ScimException.invalidValue("An object is expected");
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("meta") || key.equalsIgnoreCase("id")
                    || key.equalsIgnoreCase("groups")) {
                continue;
            }
            if (key.equalsIgnoreCase(ENTERPRISE) && e.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> x : e.getValue().properties()) {
                    set(ENTERPRISE + ":" + x.getKey(), x.getValue());
                }
                continue;
            }
            set(key, e.getValue());
        }
    }

    /**
     * Sets one attribute by its path: core attributes, {@code name.x}, {@code emails} (or
     * {@code emails[type eq "work"].value}) and the enterprise extension's {@code employeeNumber},
     * {@code department} and {@code manager}. A null value clears it. Unknown attributes are ignored, as
     * providers send attributes a service provider does not keep.
     */
    void set(String path, JsonNode value) {
        String p = path.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        String enterprise = ENTERPRISE.toLowerCase(Locale.ROOT) + ":";
        if (lower.startsWith(enterprise)) {
            setEnterprise(lower.substring(enterprise.length()), value);
            return;
        }
        String core = CORE.toLowerCase(Locale.ROOT) + ":";
        if (lower.startsWith(core)) {
            lower = lower.substring(core.length());
        }
        if (lower.startsWith("emails")) {
            email = emailOf(value);
            return;
        }
        switch (lower) {
            case "username" -> userName = text(value);
            case "externalid" -> externalId = text(value);
            case "displayname" -> displayName = text(value);
            case "title" -> title = text(value);
            case "active" -> active = bool(value);
            case "name" -> {
                if (value == null || value.isNull()) {
                    givenName = familyName = formatted = null;
                } else if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> e : value.properties()) {
                        set("name." + e.getKey(), e.getValue());
                    }
                }
            }
            case "name.givenname" -> givenName = text(value);
            case "name.familyname" -> familyName = text(value);
            case "name.formatted" -> formatted = text(value);
            default -> {
                // not kept: phoneNumbers, addresses, locale, …
            }
        }
    }

    private void setEnterprise(String attribute, JsonNode value) {
        switch (attribute) {
            case "employeenumber" -> employeeNumber = text(value);
            case "department" -> department = text(value);
            case "manager", "manager.value" -> managerId = value != null && value.isObject() ? text(value.get("value")) : text(value);
            default -> {
                // organization, division, costCenter are not kept
            }
        }
    }

    /** Clears an attribute (PATCH remove). */
    void remove(String path) {
        set(path, null);
    }

    private static String emailOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            String first = null;
            for (JsonNode e : value) {
                String v = e.isObject() ? text(e.get("value")) : text(e);
                if (e.isObject() && bool(e.get("primary")) == Boolean.TRUE) {
                    return v;
                }
                first = first == null ? v : first;
            }
            return first;
        }
        return value.isObject() ? text(value.get("value")) : text(value);
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isString() ? v.stringValue() : v.toString();
        return s.isBlank() ? null : s.strip();
    }

    /** A boolean, also as a string in any case: Entra ID sends {@code "False"} and {@code "True"}. */
    static Boolean bool(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = text(v);
        if ("true".equalsIgnoreCase(s)) {
            return true;
        }
        if ("false".equalsIgnoreCase(s)) {
            return false;
        }
        throw ScimException.invalidValue("Not a boolean: " + s);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
