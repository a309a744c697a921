package dev.mamori.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mamori.platform.Role;

/**
 * A new account as the administrator enters it; a blank password means "generate one".
 *
 * @param departmentCodes codes of the departments a MANAGER is responsible for, separated by commas or spaces
 */
record UserForm(
        @NotBlank(message = "{platform.form.required}")
        @Pattern(regexp = "[A-Za-z0-9._@-]{2,64}", message = "{platform.account.usernameInvalid}") String username,
        @NotBlank(message = "{platform.form.required}")
        @Size(max = 100, message = "{platform.form.tooLong}") String displayName,
        @Size(max = 256, message = "{platform.form.tooLong}") String password,
        @Size(max = 64, message = "{platform.form.tooLong}") String employeeNumber,
        Set<Role> roles,
        @Size(max = 1000, message = "{platform.form.tooLong}") String departmentCodes) {

    static UserForm empty() {
        return new UserForm(null, null, null, null, Set.of(Role.EMPLOYEE), null);
    }

    static List<String> codes(String departmentCodes) {
        return departmentCodes == null ? List.of()
                : Arrays.stream(departmentCodes.split("[,、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    Set<Role> chosenRoles() {
        return roles == null ? Set.of() : roles;
    }
}
