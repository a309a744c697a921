package dev.mamori.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The remembered verifications of bearer tokens are verified again in the background before they run out, at
 * most once per token at a time; a refusal found then forgets the token, and a change made meanwhile wins.
 */
class VerifiedTokensTests {

    static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

    /** Runs submitted refreshes only when asked, so the test decides what happens in between. */
    final List<Runnable> queued = new ArrayList<>();
    final VerifiedTokens tokens = new VerifiedTokens(queued::add);

    static VerifiedTokens.Verified verified(long generation, Instant at) {
        AccountRecord account = new AccountRecord(1, "integration", "x", "連携", null, "ja", true, 0, null, null, at);
        return new VerifiedTokens.Verified(7, at.plus(1, ChronoUnit.DAYS), account, List.of(), generation, at);
    }

    @Test
    void startsNoRefreshBeforeTheEntryIsOldEnough() {
        tokens.put("h", verified(tokens.generation(), T0));
        VerifiedTokens.Verified v = tokens.get("h", T0.plusSeconds(6));
        tokens.refreshAhead("h", v, T0.plusSeconds(6), g -> verified(g, T0.plusSeconds(6)));
        assertThat(queued).isEmpty();
    }

    @Test
    void refreshesOnceAheadOfTheTtlAndTheFreshEntryIsTrustedForAnotherTtl() {
        tokens.put("h", verified(tokens.generation(), T0));
        Instant late = T0.plus(VerifiedTokens.REFRESH_AFTER).plusMillis(1);
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            VerifiedTokens.Verified v = tokens.get("h", late);
            assertThat(v).isNotNull();
            tokens.refreshAhead("h", v, late, g -> {
                reads.incrementAndGet();
                return verified(g, late);
            });
        }
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(reads).hasValue(1);
        // past the first entry's TTL, the refreshed one is still trusted
        Instant afterTtl = T0.plus(VerifiedTokens.TTL).plusSeconds(1);
        assertThat(tokens.get("h", afterTtl)).isNotNull();
        assertThat(tokens.get("h", afterTtl).verifiedAt()).isEqualTo(late);
        // and a later refresh may start again
        Instant later = late.plus(VerifiedTokens.REFRESH_AFTER).plusMillis(1);
        tokens.refreshAhead("h", tokens.get("h", later), later, g -> verified(g, later));
        assertThat(queued).hasSize(1);
    }

    @Test
    void aRefusalFoundInTheBackgroundForgetsTheTokenAtOnce() {
        tokens.put("h", verified(tokens.generation(), T0));
        Instant late = T0.plus(VerifiedTokens.REFRESH_AFTER).plusMillis(1);
        tokens.refreshAhead("h", tokens.get("h", late), late, g -> null);
        queued.remove(0).run();
        assertThat(tokens.get("h", late)).isNull();
    }

    @Test
    void aChangeMadeWhileTheRefreshReadsWinsOverTheRefresh() {
        tokens.put("h", verified(tokens.generation(), T0));
        Instant late = T0.plus(VerifiedTokens.REFRESH_AFTER).plusMillis(1);
        tokens.refreshAhead("h", tokens.get("h", late), late, g -> {
            tokens.invalidate(); // e.g. the token revoked while the refresh was reading it
            return verified(g, late);
        });
        queued.remove(0).run();
        assertThat(tokens.get("h", late)).isNull();
    }

    @Test
    void anEntryIsNeverTrustedPastItsTtlWhenNoRefreshCame() {
        tokens.put("h", verified(tokens.generation(), T0));
        Instant late = T0.plus(VerifiedTokens.REFRESH_AFTER).plusMillis(1);
        tokens.refreshAhead("h", tokens.get("h", late), late, g -> verified(g, late));
        // the refresh has not run (the database is slow)
        assertThat(tokens.get("h", T0.plus(VerifiedTokens.TTL))).isNull();
    }
}
