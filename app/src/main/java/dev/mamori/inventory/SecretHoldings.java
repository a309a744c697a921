package dev.mamori.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.internal.HeldSecretsRepository;

/**
 * A small read-only query of the register for other modules' services (the leaver checklist of the
 * lifecycle module): which designated entries a person holds, without the viewer's visibility. Callers
 * apply their own authorization (who may see a leaver's list). Kept apart from {@link Inventory} on purpose.
 */
@Service
public class SecretHoldings {

    private final HeldSecretsRepository repository;
    private final Directory directory;
    private final dev.mamori.inventory.internal.AssetRepository assets;
    private final dev.mamori.inventory.internal.Viewers viewers;
    private final dev.mamori.platform.CurrentUsers users;

    SecretHoldings(HeldSecretsRepository repository, Directory directory,
                   dev.mamori.inventory.internal.AssetRepository assets, dev.mamori.inventory.internal.Viewers viewers,
                   dev.mamori.platform.CurrentUsers users) {
        this.repository = repository;
        this.directory = directory;
        this.assets = assets;
        this.viewers = viewers;
        this.users = users;
    }

    /**
     * The designated, not disposed entries the person is an access holder of: as a person, through one of
     * their departments or an ancestor of it (a department holder covers its sub-departments), one of
     * {@code roleNames} (the roles of their account) or a project group they belong to. Name order.
     */
    @Transactional(readOnly = true)
    public List<HeldSecret> heldBy(long personId, Set<String> roleNames) {
        Set<Long> departments = new HashSet<>();
        directory.findPerson(personId).ifPresent(p -> departments.addAll(directory.departmentsWithAncestors(
                p.departments().stream().map(PersonView.DepartmentRef::id).toList())));
        return named(repository.heldBy(personId, departments, roleNames));
    }

    /** The designated entries among {@code ids} (e.g. entries a person viewed), name order. */
    @Transactional(readOnly = true)
    public List<HeldSecret> designated(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : named(repository.designated(ids));
    }

    private List<HeldSecret> named(List<HeldSecret> rows) {
        Map<Long, String> names = new HashMap<>();
        directory.departmentsById(rows.stream().map(HeldSecret::departmentId).collect(java.util.stream.Collectors.toSet()))
                .forEach((id, d) -> names.put(id, d.nameJa()));
        // the register's rule holds here too: an entry at a concealed level is named only to those who may see it
        var viewer = users.current().map(viewers::of).orElse(null);
        List<Long> concealed = rows.stream()
                .filter(h -> viewer == null || viewer.conceals(h.levelId())).map(HeldSecret::assetId).toList();
        Set<Long> visible = viewer == null || concealed.isEmpty() ? Set.of() : assets.visibleAmong(concealed, viewer);
        return rows.stream().map(h -> {
            boolean hidden = concealed.contains(h.assetId()) && !visible.contains(h.assetId());
            return new HeldSecret(h.assetId(), hidden ? null : h.name(), h.levelId(), hidden ? null : h.marking(),
                    h.departmentId(), names.get(h.departmentId()), h.through(), hidden);
        }).toList();
    }

}
