package dev.mamori.platform.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountManagement.AccountChanges;
import dev.mamori.platform.internal.security.AccountManagement.NewAccount;

/**
 * User administration over the API, for system administrators. Every change goes through
 * {@link AccountManagement} and so into the ledger.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UserApiController {

    /**
     * @param password           the initial password; absent to have one generated (returned once)
     * @param managerDepartments department codes for the MANAGER role
     */
    record NewUser(@NotBlank(message = "{platform.form.required}") String username,
                   @NotBlank(message = "{platform.form.required}") String displayName,
                   @Size(max = 256, message = "{platform.form.tooLong}") String password,
                   String employeeNumber,
                   @NotEmpty(message = "{platform.account.rolesRequired}") Set<Role> roles,
                   List<String> managerDepartments) {
    }

    /** @param enabled absent leaves it as it is; false disables the account and revokes its tokens */
    record UserUpdate(@NotBlank(message = "{platform.form.required}") String displayName,
                      String employeeNumber,
                      @NotEmpty(message = "{platform.account.rolesRequired}") Set<Role> roles,
                      List<String> managerDepartments,
                      Boolean enabled) {
    }

    /** @param generatedPassword the generated initial password, shown this once; null when one was given */
    record CreatedUser(AccountJson account, String generatedPassword) {
    }

    private final AccountManagement accounts;

    UserApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<AccountJson> list(@RequestParam(required = false) String q) {
        return accounts.list(q).stream().map(AccountJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    CreatedUser create(@Valid @RequestBody NewUser request) {
        var created = accounts.create(new NewAccount(request.username(), request.displayName(), request.password(),
                request.employeeNumber(), request.roles(), request.managerDepartments()));
        return new CreatedUser(AccountJson.of(accounts.get(created.id())), created.generatedPassword());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    AccountJson show(@PathVariable long id) {
        return AccountJson.of(accounts.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    AccountJson update(@PathVariable long id, @Valid @RequestBody UserUpdate request) {
        accounts.update(id, new AccountChanges(request.displayName(), request.employeeNumber(), request.roles(),
                request.managerDepartments(), request.enabled()));
        return AccountJson.of(accounts.get(id));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    AccountJson unlock(@PathVariable long id) {
        accounts.unlock(id);
        return AccountJson.of(accounts.get(id));
    }
}
