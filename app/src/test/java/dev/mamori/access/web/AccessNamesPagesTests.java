package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.GrantDraft;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The access pages name people (with 社員番号), departments and entries instead of showing ids, and keep a
 * 極秘 entry's name from a viewer who may not know of it.
 */
@MamoriTest
class AccessNamesPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;

    @Test
    void grantsPagesNameTheHolderTheDepartmentAndTheEntry() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        String entryName = Register.unique("社外秘名簿");
        long secret = reg.asset(manager, dept, entryName);
        reg.designate(manager, secret, "CONFIDENTIAL", AccessHolder.person(manager.personId()));
        MamoriUserDetails employee = reg.employee(reg.department(null));
        long otherDept = reg.department(null);
        String number = number(employee);
        String deptName = directory.departmentsById(java.util.List.of(otherDept)).get(otherDept).nameJa();
        Register.as(manager, () -> {
            access.grant(new GrantDraft(secret, AccessHolder.person(employee.personId()), AccessLevel.VIEW, "照合", null, null));
            return access.grant(new GrantDraft(secret, AccessHolder.department(otherDept), AccessLevel.VIEW, "部署で照合", null, null));
        });

        mvc.perform(get("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(entryName)))
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString(deptName)))
                .andExpect(content().string(not(containsString("<code>" + employee.personId() + "</code>"))));
        mvc.perform(get("/access/grants").with(as(employee)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(entryName)));
        mvc.perform(get("/access/grants").with(as(employee)))
                .andExpect(content().string(containsString(number)));
    }

    @Test
    void aTopSecretEntryIsListedWithoutItsNameToAReaderWhoMayNotKnowOfIt() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        String entryName = Register.unique("極秘製法");
        long secret = reg.asset(manager, dept, entryName);
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        MamoriUserDetails employee = reg.employee(reg.department(null));
        Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(employee.personId()),
                AccessLevel.VIEW, "試作", null, null)));
        MamoriUserDetails security = reg.withRole(Role.IT_SECURITY);
        MamoriUserDetails auditor = reg.withRole(Role.AUDITOR);

        mvc.perform(get("/access/grants").param("personId", String.valueOf(employee.personId())).with(as(security)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(entryName))))
                .andExpect(content().string(containsString("非開示の情報（No." + secret + "）")));
        mvc.perform(get("/access/grants").param("personId", String.valueOf(employee.personId())).with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(entryName)));
    }

    @Test
    void inboxAndRequestsNameTheRequesterTheEntryAndTheDelegate() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        String entryName = Register.unique("極秘");
        long secret = reg.asset(manager, dept, entryName);
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        MamoriUserDetails employee = reg.employee(reg.department(null));
        MamoriUserDetails deputy = reg.employee(dept);
        Register.as(employee, () -> access.submit(new RequestDraft(RequestKind.ACCESS, secret, AccessLevel.VIEW, "確認",
                null, null, null, null)));
        Register.as(manager, () -> access.delegate(deputy.personId(), access.today(), access.today().plusDays(3)));

        mvc.perform(get("/access/inbox").with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(entryName)))
                .andExpect(content().string(containsString(number(employee))))
                .andExpect(content().string(containsString(number(deputy))));
        // the requester is no holder of the 極秘 entry: their list shows it by number only
        mvc.perform(get("/access/requests").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(entryName))))
                .andExpect(content().string(containsString("非開示の情報（No." + secret + "）")));
        Register.as(manager, () -> access.grant(new GrantDraft(secret, AccessHolder.person(deputy.personId()),
                AccessLevel.VIEW, "代理", null, null)));
        mvc.perform(get("/access/reviews").with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(entryName)))
                .andExpect(content().string(containsString(number(deputy))));
    }

    private String number(MamoriUserDetails user) {
        return directory.findPerson(user.personId()).orElseThrow().employeeNumber();
    }
}
