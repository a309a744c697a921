package dev.mamori.inventory.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.policy.DesignatedEntries;

/**
 * Answers the policy module which register entries are designated at a level (for merging or retiring
 * it), with their department and 管理責任者. The policy module asks only for people who edit the scheme.
 */
@Component
class RegisterDesignatedEntries implements DesignatedEntries {

    private final WorkRepository work;
    private final Directory directory;

    RegisterDesignatedEntries(WorkRepository work, Directory directory) {
        this.work = work;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> atLevel(String levelCode) {
        Map<Long, String> departments = new HashMap<>();
        directory.listDepartments().forEach(d -> departments.put(d.id(), d.nameJa()));
        Map<Long, String> people = new HashMap<>();
        return work.atLevel(levelCode).stream().map(d -> new Entry(d.assetId(), d.name(), d.departmentId(),
                departments.get(d.departmentId()), d.responsiblePersonId(),
                people.computeIfAbsent(d.responsiblePersonId(),
                        p -> directory.findPerson(p).map(PersonView::name).orElse(String.valueOf(p))))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long countAtLevel(String levelCode) {
        return work.countAtLevel(levelCode);
    }
}
