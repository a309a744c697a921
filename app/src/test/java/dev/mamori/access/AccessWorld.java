package dev.mamori.access;

import java.util.function.Supplier;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.TestUsers;

/**
 * A department with a manager (管理責任者) and designated entries, built uniquely for each test through the
 * directory and the register (the tests share one database).
 */
final class AccessWorld {

    final Register reg;
    final long dept;
    final MamoriUserDetails manager;
    final long topSecret;
    final long confidential;
    final long plain;

    AccessWorld(Directory directory, Inventory inventory, TestUsers users) {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        topSecret = reg.asset(manager, dept, Register.unique("極秘資料"));
        reg.designate(manager, topSecret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        confidential = reg.asset(manager, dept, Register.unique("社外秘資料"));
        reg.designate(manager, confidential, "CONFIDENTIAL", AccessHolder.department(dept));
        plain = reg.asset(manager, dept, Register.unique("一般資料"));
    }

    /** An employee of a new, unrelated department. */
    MamoriUserDetails outsider() {
        return reg.employee(reg.department(null));
    }

    /**
     * An employee of a new department given DOWNLOAD on the top-secret entry by its manager: a holder for whom
     * 持出し and the like need the manager's approval.
     */
    MamoriUserDetails downloadHolder(Access access) {
        MamoriUserDetails h = outsider();
        as(manager, () -> access.grant(new GrantDraft(topSecret, AccessHolder.person(h.personId()),
                AccessLevel.DOWNLOAD, "担当者", null, null)));
        return h;
    }

    static <T> T as(MamoriUserDetails user, Supplier<T> work) {
        return Register.as(user, work);
    }

    static void run(MamoriUserDetails user, Runnable work) {
        Register.as(user, () -> {
            work.run();
            return null;
        });
    }
}
