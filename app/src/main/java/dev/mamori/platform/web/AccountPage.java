package dev.mamori.platform.web;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.ApiTokens;

/**
 * What the "my account" page shows: the account, its tokens and the two forms (kept when they come
 * back with errors).
 */
@Component
class AccountPage {

    static final String VIEW = "platform/account";
    static final String TOKENS_FRAGMENT = "platform/account :: tokens";

    private final AccountManagement accounts;
    private final ApiTokens tokens;
    private final CurrentUsers users;
    private final Clock clock;

    AccountPage(AccountManagement accounts, ApiTokens tokens, CurrentUsers users, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    CurrentUser me() {
        return users.require();
    }

    /** Fills the model for the whole page and returns its view. */
    String page(Model model) {
        CurrentUser me = me();
        model.addAttribute("account", accounts.get(me.accountId()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", PasswordForm.empty());
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(null, tokens.defaultValidityDays()));
        }
        model.addAttribute("maxValidityDays", ApiTokens.MAX_VALIDITY_DAYS);
        tokens(model);
        return VIEW;
    }

    /** Fills the model for the token table only and returns its fragment. */
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.listFor(me().accountId()));
        model.addAttribute("now", clock.instant());
        return TOKENS_FRAGMENT;
    }
}
