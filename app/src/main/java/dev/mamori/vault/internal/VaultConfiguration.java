package dev.mamori.vault.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.mamori.platform.MamoriProperties;
import dev.mamori.vault.KeyWrapper;
import dev.mamori.vault.internal.crypto.FileKeyWrapper;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.Markers;

/**
 * The vault's parts: the master key file ({@code <data-dir>/vault/master.key}) unless another {@link KeyWrapper}
 * bean is given, the file store ({@code <data-dir>/vault/files}) and the markers with their font
 * ({@code mamori.vault.font}, default IPAex Gothic).
 */
@Configuration
class VaultConfiguration {

    @Bean
    @ConditionalOnMissingBean(KeyWrapper.class)
    KeyWrapper vaultKeyWrapper(MamoriProperties properties) {
        return new FileKeyWrapper(vaultDir(properties).resolve("master.key"));
    }

    @Bean
    VaultStorage vaultStorage(MamoriProperties properties) {
        return new VaultStorage(vaultDir(properties).resolve("files"));
    }

    @Bean
    @Lazy
    Markers vaultMarkers(@Value("${mamori.vault.font:}") String font) {
        return new Markers(MarkFont.locate(font.isBlank() ? null : Path.of(font)));
    }

    /**
     * The copies open in document viewers: at most {@code mamori.vault.viewer.cache-megabytes} (default 64) of
     * marked bytes in memory, each for {@code mamori.vault.viewer.minutes} (default 10) after it was opened.
     */
    @Bean
    ViewerCopies vaultViewerCopies(@Value("${mamori.vault.viewer.cache-megabytes:64}") long megabytes,
                                   @Value("${mamori.vault.viewer.minutes:10}") long minutes, java.time.Clock clock) {
        return new ViewerCopies(megabytes * 1024 * 1024, java.time.Duration.ofMinutes(minutes), clock);
    }

    static Path vaultDir(MamoriProperties properties) {
        return properties.dataDir().toAbsolutePath().normalize().resolve("vault");
    }
}
