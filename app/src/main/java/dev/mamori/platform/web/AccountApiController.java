package dev.mamori.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.web.AccountJson.IssuedTokenJson;
import dev.mamori.platform.web.AccountJson.TokenJson;

/**
 * The caller's own account and personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/account")
class AccountApiController {

    /** @param validityDays days the token is valid; the configured default when absent */
    record NewToken(@NotBlank(message = "{platform.form.required}")
                    @Size(max = 100, message = "{platform.form.tooLong}") String name,
                    @Range(min = 1, max = 365, message = "{platform.token.validityRange}") Integer validityDays) {
    }

    private final AccountManagement accounts;
    private final ApiTokens tokens;
    private final CurrentUsers users;
    private final Clock clock;

    AccountApiController(AccountManagement accounts, ApiTokens tokens, CurrentUsers users, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    AccountJson show() {
        return AccountJson.of(accounts.get(users.require().accountId()));
    }

    @GetMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    List<TokenJson> list() {
        Instant now = clock.instant();
        return tokens.listFor(users.require().accountId()).stream().map(t -> TokenJson.of(t, now)).toList();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    IssuedTokenJson create(@Valid @RequestBody NewToken request) {
        return IssuedTokenJson.of(tokens.create(users.require().accountId(), request.name(), request.validityDays()));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void delete(@PathVariable long id) {
        tokens.revoke(users.require().accountId(), id);
    }
}
