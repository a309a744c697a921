package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import dev.mamori.directory.Directory;
import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The reminder job's {@code DeclarationReminderDue} goes through the event publication registry to the
 * register's listener, which puts a notice in the inbox of the department's managers — and of nobody else.
 */
@MamoriTest
@EnableScenarios
class DeclarationReminderNoticeTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationService inbox;

    boolean reminded(MamoriUserDetails user, String title) {
        return inbox.inbox(user.accountId()).stream()
                .anyMatch(n -> n.messageKey().equals("inventory.notice.declarationReminder") && n.args().contains(title));
    }

    @Test
    void anUnansweredDeclarationRemindsTheDepartmentsManagersThroughTheRegistry(Scenario scenario) {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        MamoriUserDetails employee = reg.employee(dept);
        MamoriUserDetails elsewhere = reg.manager(reg.department(null));
        String title = Register.unique("RM") + " 溶接条件の改善メモ";
        long id = as(employee, () -> inventory.declare(new DeclarationDraft(title, null, AssetKind.TECHNICAL,
                AssetForm.KNOWHOW, "本人", Origin.OWN, null)));
        jdbc.sql("update inventory.declaration set declared_on = ? where id = ?")
                .params(Date.valueOf(inventory.today().minusDays(inventory.declarationReminderDays())), id).update();

        scenario.stimulate(() -> inventory.remindUnansweredDeclarations())
                .andWaitForStateChange(() -> reminded(manager, title) && completed(id))
                .andVerify(done -> assertThat(done).isTrue());

        assertThat(inbox.inbox(manager.accountId())).filteredOn(n -> n.args().contains(title)).singleElement()
                .satisfies(n -> assertThat(n.href()).isEqualTo("/inventory/declarations#inventory-declaration-" + id));
        assertThat(reminded(employee, title)).isFalse();
        assertThat(reminded(elsewhere, title)).isFalse();
    }

    /** The publication of the reminder event for the declaration is completed in the registry. */
    boolean completed(long declarationId) {
        return jdbc.sql("select count(*) from event_publication where event_type like '%DeclarationReminderDue' "
                        + "and serialized_event like ? and completion_date is not null")
                .param("%\"declarationId\":" + declarationId + ",%").query(Long.class).single() == 1;
    }
}
