package dev.mamori.access;

import java.util.Locale;
import java.util.Map;

import dev.mamori.directory.DepartmentView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.HeldSecret;
import dev.mamori.platform.Role;

/**
 * The names a page of grants, requests or delegations shows instead of ids, looked up once per page: people
 * with their 社員番号, departments, project groups and register entries. An entry at a concealed level the
 * viewer may not know of is {@link #hidden hidden}: listed by its id only.
 */
public record AccessNames(Map<Long, DepartmentView.PersonRef> people, Map<Long, DepartmentView> departments,
                          Map<Long, String> groups, Map<Long, HeldSecret> entries) {

    public static AccessNames none() {
        return new AccessNames(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The person's name with their 社員番号 in the language of the page being rendered, or null for an unknown person. */
    public String person(Long id) {
        return person(id, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /**
     * 氏名（社員番号） in Japanese, "name (number)" in other languages (full-width brackets belong to Japanese text
     * only), or null for an unknown person.
     */
    public String person(Long id, Locale locale) {
        DepartmentView.PersonRef p = id == null ? null : people.get(id);
        if (p == null) {
            return null;
        }
        if (p.employeeNumber() == null) {
            return p.name();
        }
        return Locale.JAPANESE.getLanguage().equals(locale.getLanguage())
                ? p.name() + "（" + p.employeeNumber() + "）" : p.name() + " (" + p.employeeNumber() + ")";
    }

    /** The entry's name, or null when it is hidden from the viewer or not a designated entry. */
    public String entry(long assetId) {
        HeldSecret e = entries.get(assetId);
        return e == null || e.hidden() ? null : e.name();
    }

    /** Whether the entry is at a concealed level the viewer may not know of. */
    public boolean hidden(long assetId) {
        HeldSecret e = entries.get(assetId);
        return e != null && e.hidden();
    }

    /**
     * The holder's name in the viewer's language (a person with 社員番号, a department, a project group), or
     * null for a role (shown by its message) or an unknown reference.
     */
    public String holder(AccessHolder h, Locale locale) {
        Long id = number(h.ref());
        return switch (h.kind()) {
            case PERSON -> person(id, locale);
            case DEPARTMENT -> id == null || !departments.containsKey(id) ? null : departments.get(id).name(locale);
            case GROUP -> id == null ? null : groups.get(id);
            case ROLE -> null;
        };
    }

    /** The message key of a role holder, or null when the holder is no role. */
    public String roleKey(AccessHolder h) {
        if (h.kind() != AccessHolder.Kind.ROLE) {
            return null;
        }
        try {
            return Role.valueOf(h.ref()).messageKey();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long number(String ref) {
        try {
            return ref == null ? null : Long.valueOf(ref.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
