package dev.mamori.policy;

import java.util.List;

/**
 * What the scheme needs to know about designated entries, answered by the module that keeps them (the
 * register implements it; policy does not depend on the register). Called by the policy module only
 * for people who edit the scheme, so it answers without the caller's visibility.
 */
public interface DesignatedEntries {

    /** Live (not disposed) entries designated at the level, by department and name. */
    List<Entry> atLevel(String levelCode);

    /** How many live entries are designated at the level. */
    long countAtLevel(String levelCode);

    /**
     * A designated entry with its department and its 管理責任者 (who reviews a change of its level).
     */
    record Entry(long assetId, String name, long departmentId, String departmentName, long managerPersonId,
                 String managerName) {
    }
}
