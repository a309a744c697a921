package dev.mamori.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Sizes for people: bytes, KB, MB with one decimal below 10, in the locale's digits. */
class VersionViewTests {

    @Test
    void sizesAreReadable() {
        assertThat(VersionView.readableSize(500, Locale.JAPANESE)).isEqualTo("500 B");
        assertThat(VersionView.readableSize(6865, Locale.JAPANESE)).isEqualTo("6.7 KB");
        assertThat(VersionView.readableSize(41617, Locale.ENGLISH)).isEqualTo("41 KB");
        assertThat(VersionView.readableSize(5_000_000, Locale.ENGLISH)).isEqualTo("4.8 MB");
        assertThat(VersionView.readableSize(6865, Locale.GERMAN)).isEqualTo("6,7 KB");
    }
}
