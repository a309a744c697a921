package dev.mamori.platform.tabular;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of imports — HR files and registers alike ({@code mamori.import.*}, or
 * {@code MAMORI_IMPORT_PREVIEW_TTL}, …).
 *
 * @param previewTtl    how long an uploaded file and its preview are kept for applying (default 24 hours)
 * @param chunkSize     rows read, looked up and written together (default 1,000)
 * @param keptFindings  errors and events kept per preview for showing; counts are always complete (default 10,000)
 */
@ConfigurationProperties("mamori.import")
public record ImportProperties(@DefaultValue("24h") Duration previewTtl,
                               @DefaultValue("1000") int chunkSize,
                               @DefaultValue("10000") int keptFindings) {
}
