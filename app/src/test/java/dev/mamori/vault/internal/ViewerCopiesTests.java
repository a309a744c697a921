package dev.mamori.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.mamori.vault.internal.marking.FileFormat;

/**
 * The copies open in viewers are bounded in total size (the least recently used go first) and in age, and a
 * disposed document's copies go at once.
 */
class ViewerCopiesTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-28T03:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final ViewerCopies copies = new ViewerCopies(100, Duration.ofMinutes(10), clock);

    ViewerCopies.Entry entry(long copyId, long documentId, int size) {
        return new ViewerCopies.Entry(copyId, documentId, 7L, FileFormat.PDF, new byte[size], 1, "MF-00000000000000000000",
                clock.instant());
    }

    @Test
    void keepsNoMoreThanItsBoundDroppingTheLeastRecentlyUsed() {
        copies.put(entry(1, 10, 40));
        copies.put(entry(2, 10, 40));
        assertThat(copies.get(1)).isPresent(); // 1 used again: 2 is now the least recently used
        copies.put(entry(3, 11, 40));
        assertThat(copies.get(2)).isEmpty();
        assertThat(copies.get(1)).isPresent();
        assertThat(copies.get(3)).isPresent();
        assertThat(copies.size()).isEqualTo(80);
        // a copy larger than the whole bound is not kept at all (and nothing is dropped for it)
        assertThat(copies.fits(101)).isFalse();
        copies.put(entry(4, 11, 101));
        assertThat(copies.get(4)).isEmpty();
        assertThat(copies.size()).isEqualTo(80);
    }

    @Test
    void dropsACopyItsTimeAfterItWasOpened() {
        copies.put(entry(1, 10, 10));
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        copies.put(entry(2, 10, 10));
        assertThat(copies.get(1)).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(copies.get(1)).isEmpty();
        assertThat(copies.get(2)).isPresent();
        assertThat(copies.size()).isEqualTo(10);
    }

    @Test
    void dropsTheCopiesOfADisposedDocument() {
        copies.put(entry(1, 10, 10));
        copies.put(entry(2, 11, 10));
        copies.evictDocument(10);
        assertThat(copies.get(1)).isEmpty();
        assertThat(copies.get(2)).isPresent();
        assertThat(copies.size()).isEqualTo(10);
    }
}
