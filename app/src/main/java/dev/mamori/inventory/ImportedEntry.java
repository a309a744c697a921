package dev.mamori.inventory;

import java.util.List;
import java.util.Set;

/**
 * One row of an imported register, for {@link Inventory#planImport} and {@link Inventory#applyImport}.
 * An entry with the same name in the same department (among those the importer may change) is updated
 * instead of registered again; for it, only the fields named in {@code given} are taken from the row, the
 * others keep their values. A new entry's 管理責任者 is the draft's, else {@code defaultResponsiblePersonId}.
 *
 * @param given fields the file provides: {@link #DESCRIPTION}, {@link #RESPONSIBLE}, {@link #KIND},
 *              {@link #FORMS}, {@link #ORIGIN}, {@link #TRADE_SECRET}, {@link #LIMITED_DATA},
 *              {@link #PERSONAL} (with 要配慮), {@link #PERSONAL_COUNT}, {@link #EXPORT}, {@link #CONTRACT}, {@link #REGISTERED_ON},
 *              {@link #RETENTION}, {@link #ACCESS_HINT}, {@link #HINTS}
 */
public record ImportedEntry(AssetDraft draft, ImportedFacts facts, Set<String> given, Long defaultResponsiblePersonId) {

    public static final String DESCRIPTION = "description";
    public static final String RESPONSIBLE = "responsible";
    public static final String KIND = "kind";
    public static final String FORMS = "forms";
    public static final String ORIGIN = "origin";
    public static final String TRADE_SECRET = "tradeSecret";
    public static final String LIMITED_DATA = "limitedProvisionData";
    public static final String PERSONAL = "personalInfo";
    public static final String PERSONAL_COUNT = "personalInfoCount";
    public static final String EXPORT = "exportControlled";
    public static final String CONTRACT = "contractualDuty";
    public static final String REGISTERED_ON = "registeredOn";
    public static final String RETENTION = "retention";
    public static final String ACCESS_HINT = "accessHint";
    public static final String HINTS = "hints";

    public ImportedEntry {
        facts = facts == null ? ImportedFacts.none() : facts;
        given = given == null ? Set.of() : Set.copyOf(given);
    }

    public boolean gives(String field) {
        return given.contains(field);
    }

    /** What importing an entry does (or would do): create it, change it, leave it alone, or nothing — refused. */
    public enum Action {
        CREATE, CHANGE, UNCHANGED, REFUSED
    }

    /**
     * The result for one entry. A refusal carries the message key, the draft field it concerns (or null)
     * and the message arguments, as the facade's exceptions do.
     */
    public record Outcome(Action action, Long assetId, List<String> changed, String messageKey, String field,
                          List<String> args) {

        public Outcome {
            changed = changed == null ? List.of() : List.copyOf(changed);
            args = args == null ? List.of() : List.copyOf(args);
        }
    }
}
