package dev.mamori.vault.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessChecks;
import dev.mamori.access.AccessQuestion;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;

/**
 * The vault's questions to the access check: an electronic document (電子化情報) handled on the company's
 * premises. {@link #require} refuses with {@code vault.access.refused} when the answer is not a permit.
 */
@Component
class Gate {

    private final AccessChecks checks;

    Gate(AccessChecks checks) {
        this.checks = checks;
    }

    AccessCheck ask(long personId, Action action, long assetId) {
        return ask(personId, action, assetId, Recipient.NONE);
    }

    AccessCheck ask(long personId, Action action, long assetId, Recipient recipient) {
        return checks.check(question(personId, action, assetId, recipient));
    }

    List<AccessCheck> askAll(List<AccessQuestion> questions) {
        return checks.checkAll(questions);
    }

    static AccessQuestion question(long personId, Action action, long assetId, Recipient recipient) {
        return new AccessQuestion(personId, action, assetId, Medium.ELECTRONIC, Location.INSIDE_OFFICE, recipient);
    }

    AccessCheck require(long personId, Action action, long assetId, Recipient recipient) {
        AccessCheck check = ask(personId, action, assetId, recipient);
        if (!check.permitted()) {
            throw refusal(action);
        }
        return check;
    }

    /** The refusal of an action on a document, the action named for people ({@code vault.action.*}), not by its enum. */
    static AccessRefusedException refusal(Action action) {
        return new AccessRefusedException("vault.access.refused",
                new org.springframework.context.support.DefaultMessageSourceResolvable("vault.action." + action.name()));
    }
}
