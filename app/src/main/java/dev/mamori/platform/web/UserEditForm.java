package dev.mamori.platform.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountView;

/**
 * Changing an account's name, linked person and roles (enabling, unlocking and passwords have their own buttons).
 */
record UserEditForm(
        @NotBlank(message = "{platform.form.required}")
        @Size(max = 100, message = "{platform.form.tooLong}") String displayName,
        @Size(max = 64, message = "{platform.form.tooLong}") String employeeNumber,
        Set<Role> roles,
        @Size(max = 1000, message = "{platform.form.tooLong}") String departmentCodes) {

    static UserEditForm of(AccountView account) {
        return new UserEditForm(account.displayName(), account.employeeNumber(), account.roleSet(),
                account.managerDepartmentCodes());
    }

    Set<Role> chosenRoles() {
        return roles == null ? Set.of() : roles;
    }
}
