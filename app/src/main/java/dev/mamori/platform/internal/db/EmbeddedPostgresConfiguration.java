package dev.mamori.platform.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mamori.platform.MamoriProperties;

/**
 * The database: an external PostgreSQL when {@code mamori.db.url} is set, otherwise an embedded
 * PostgreSQL whose cluster lives in {@code <data dir>/postgres} and survives restarts.
 * One embedded server runs per data directory and JVM; test contexts share it.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    /** Data sources on an embedded server still open; the server stops only after they closed. */
    private static final Object OPEN_LOCK = new Object();
    private static int openDataSources;

    @Bean(destroyMethod = "close")
    DataSource dataSource(MamoriProperties properties) {
        HikariConfig config = new HikariConfig();
        // JDBC batches (imports, ledger entries, tree nodes) go to PostgreSQL as multi-row inserts
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("mamori");
        config.setMaximumPoolSize(properties.db().poolSize());
        if (properties.db().external()) {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
            log.info("Using external PostgreSQL at {}", properties.db().url());
        } else {
            EmbeddedPostgres server = server(properties.dataDir().resolve("postgres").toAbsolutePath().normalize(),
                    properties.db().embeddedPort(), properties.db().serverConfig());
            String database = properties.db().embeddedDatabase();
            createDatabaseIfMissing(server, database);
            config.setJdbcUrl(server.getJdbcUrl("postgres", database));
            config.setUsername("postgres");
            synchronized (OPEN_LOCK) {
                openDataSources++;
            }
            return new HikariDataSource(config) {
                private boolean counted = true;

                @Override
                public void close() {
                    try {
                        super.close();
                    } finally {
                        synchronized (OPEN_LOCK) {
                            if (counted) {
                                counted = false;
                                openDataSources--;
                                OPEN_LOCK.notifyAll();
                            }
                        }
                    }
                }
            };
        }
        return new HikariDataSource(config);
    }

    /**
     * JVM shutdown hooks run in parallel: let Spring close its contexts (which still use the database,
     * e.g. the event publication registry) before the server goes, for at most a few seconds.
     */
    private static void awaitDataSourcesClosed() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        synchronized (OPEN_LOCK) {
            while (openDataSources > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                try {
                    OPEN_LOCK.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static EmbeddedPostgres server(Path pgdata, int port, java.util.Map<String, String> extraConfig) {
        return SERVERS.computeIfAbsent(pgdata, dir -> {
            try {
                Files.createDirectories(dir.getParent());
                long start = System.nanoTime();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false) // ours below waits for the data sources to close
                        .setPort(port)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        // sized for one application on one machine: large imports stay in memory and write
                        // the WAL in big steps (durability settings such as fsync stay at PostgreSQL's defaults)
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("wal_buffers", "16MB")
                        .setServerConfig("max_wal_size", "4GB")
                        .setServerConfig("work_mem", "16MB")
                        .setServerConfig("maintenance_work_mem", "128MB")
                        .setLocaleConfig("locale", "C")
                        .setLocaleConfig("encoding", "UTF-8");
                if (extraConfig != null) {
                    extraConfig.forEach(builder::setServerConfig);
                }
                EmbeddedPostgres pg = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    awaitDataSourcesClosed();
                    try {
                        pg.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the embedded PostgreSQL cleanly", e);
                    }
                }, "embedded-postgres-stop"));
                log.info("Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms (data: {})",
                        pg.getPort(), (System.nanoTime() - start) / 1_000_000, dir);
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
            }
        });
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by another context
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
    }
}
