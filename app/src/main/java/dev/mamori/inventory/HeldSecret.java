package dev.mamori.inventory;

import java.util.List;

/**
 * A designated register entry a person may access, with the access holders through which they hold it
 * (e.g. {@code PERSON:12}, {@code DEPARTMENT:3}); {@code through} is empty for an entry only looked up by id.
 * {@code hidden}: the entry is at a concealed level and the signed-in user is not among those who may know of
 * it, so its name (null) and marking are withheld — only that such an entry exists, by its id, for the
 * people who prepare the leaver's pledge with its 管理責任者.
 */
public record HeldSecret(long assetId, String name, String levelId, String marking, long departmentId,
                         String departmentName, List<AccessHolder> through, boolean hidden) {

    public HeldSecret {
        through = List.copyOf(through);
    }

    public HeldSecret(long assetId, String name, String levelId, String marking, long departmentId,
                      String departmentName, List<AccessHolder> through) {
        this(assetId, name, levelId, marking, departmentId, departmentName, through, false);
    }
}
