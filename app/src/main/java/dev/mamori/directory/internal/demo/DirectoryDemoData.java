package dev.mamori.directory.internal.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonDraft;
import dev.mamori.platform.DemoAccounts;
import dev.mamori.platform.DemoDataLoader;

/**
 * Loads the demo company ({@link DemoCompany}) through the {@link Directory}, so every department and
 * person comes with its ledger entries and events exactly as if HR had entered them, then names the
 * 管理責任者 and creates one demo account per role. Does nothing when the company is there already.
 */
@Component
class DirectoryDemoData implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemoData.class);

    private final Directory directory;
    private final DemoAccounts accounts;

    DirectoryDemoData(Directory directory, DemoAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    @Transactional
    public void load() {
        String firstCode = DemoCompany.DEPARTMENTS.get(0).code();
        if (directory.findDepartmentByCode(firstCode).isPresent()) {
            log.info("Department {} exists already; the demo organisation is not loaded again.", firstCode);
            return;
        }
        DemoCompany company = DemoCompany.generate(directory.today());

        Map<String, Long> departmentIds = new HashMap<>();
        for (DemoCompany.Department d : company.departments()) {
            Long parentId = d.parentCode() == null ? null : departmentIds.get(d.parentCode());
            departmentIds.put(d.code(), directory.createDepartment(
                    new DepartmentDraft(d.code(), d.nameJa(), d.nameEn(), parentId)));
        }

        Map<String, Long> personIds = new HashMap<>();
        for (DemoCompany.Person p : company.people()) {
            long id = directory.registerPerson(new PersonDraft(p.employeeNumber(), p.name(), p.nameKana(), p.email(),
                    p.position(), p.employmentType(), p.employer(), departmentIds.get(p.departmentCode()),
                    p.additionalDepartmentCodes().stream().map(departmentIds::get).toList(), p.joinedOn()));
            personIds.put(p.employeeNumber(), id);
            switch (p.status()) {
                case ON_LEAVE -> directory.startLeaveOfAbsence(id, p.leaveFrom());
                case LEAVING -> directory.notifyLeave(id, p.noticeDate(), p.lastWorkingDay());
                case LEFT -> {
                    if (p.noticeDate() != null) {
                        directory.notifyLeave(id, p.noticeDate(), p.lastWorkingDay());
                    }
                    directory.markLeft(id, p.leftOn());
                }
                case PROSPECTIVE, ACTIVE -> {
                    // registering already made them 入社予定 or 在職 from their joining date
                }
            }
        }

        company.managers().forEach((code, employeeNumber) ->
                directory.assignManagers(departmentIds.get(code), List.of(personIds.get(employeeNumber))));

        for (DemoCompany.Account a : company.accounts()) {
            DemoCompany.Person person = company.people().stream()
                    .filter(p -> p.employeeNumber().equals(a.employeeNumber())).findFirst().orElseThrow();
            accounts.create(a.username(), person.name(), personIds.get(a.employeeNumber()), a.roles(),
                    a.managedDepartmentCode() == null ? Set.of() : Set.of(departmentIds.get(a.managedDepartmentCode())));
        }
        log.info("Loaded the demo organisation of {} ({}): {} departments, {} people.", DemoCompany.NAME_JA,
                DemoCompany.NAME_EN, company.departments().size(), company.people().size());
    }
}
