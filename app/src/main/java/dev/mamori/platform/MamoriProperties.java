package dev.mamori.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mamori's own settings. Every one can be given as an environment variable
 * ({@code MAMORI_DATA_DIR}, {@code MAMORI_DEMO}, …) or a Spring property ({@code mamori.data-dir}, …).
 *
 * @param dataDir        where the embedded database, keys and generated files live
 * @param demo           load the demo company into an empty database on start
 * @param demoPassword   the password of the demo company's accounts; generated and logged once when blank
 * @param db             an external PostgreSQL; when its URL is blank the embedded one is used
 * @param adminPassword  the initial password of {@code admin}; generated when blank
 * @param bootstrapToken an API token of {@code admin} created on start, for automation
 * @param security       login and session settings
 */
@ConfigurationProperties("mamori")
public record MamoriProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean demo,
        String demoPassword,
        @DefaultValue Db db,
        String adminPassword,
        String bootstrapToken,
        @DefaultValue Security security) {

    /**
     * @param url              JDBC URL of an external PostgreSQL 14+; blank means embedded
     * @param embeddedDatabase name of the database inside the embedded server
     * @param embeddedPort     port of the embedded server on 127.0.0.1; 0 picks a free one
     * @param poolSize         connections in the pool (default 10, HikariCP's own default)
     * @param serverConfig     extra postgresql.conf settings of the embedded server (tuning, statement logging)
     */
    public record Db(String url, String user, String password,
                     @DefaultValue("mamori") String embeddedDatabase,
                     @DefaultValue("0") int embeddedPort,
                     @DefaultValue("10") int poolSize,
                     java.util.Map<String, String> serverConfig) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param maxFailedLogins failed logins in a row that lock an account (default 10, from the issue)
     * @param lockDuration    how long a locked account stays locked (default 15 minutes)
     * @param tokenValidity   default validity of a new API token (default 90 days)
     */
    public record Security(@DefaultValue("10") int maxFailedLogins,
                           @DefaultValue("15m") Duration lockDuration,
                           @DefaultValue("90d") Duration tokenValidity) {
    }
}
