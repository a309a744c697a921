package dev.mamori.ledger.durability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.MamoriApplication;
import dev.mamori.ledger.Actor;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;

/**
 * The child process of {@link LedgerDurabilityTests}: starts Mamori on the given database,
 * then writes from many threads until it is killed. Each write is a change (a row in {@code durability.change}) and
 * its ledger entry in one transaction; after each commit it prints {@code DURABLE-COMMITTED <id>}.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(System.getProperty("durability.threads", "8"));
        ConfigurableApplicationContext context = SpringApplication.run(MamoriApplication.class, args);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Ledger ledger = context.getBean(Ledger.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        jdbc.execute("create schema if not exists durability");
        jdbc.execute("create table if not exists durability.change (id text primary key, n int not null)");
        PrintStream out = System.out;
        synchronized (out) {
            out.println("DURABLE-READY");
            out.flush();
        }
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                for (int n = 0; ; n++) {
                    int batch = n % 10 == 9 ? 5 : 1; // now and then a batch, as imports record
                    List<String> ids = new ArrayList<>();
                    for (int b = 0; b < batch; b++) {
                        ids.add(thread + "-" + UUID.randomUUID());
                    }
                    int number = n;
                    tx.executeWithoutResult(status -> {
                        List<AuditRecord> records = new ArrayList<>();
                        for (String id : ids) {
                            jdbc.update("insert into durability.change (id, n) values (?, ?)", id, number);
                            records.add(AuditRecord.of("test.durability.changed", Subject.of("durability", id), Map.of("n", number)));
                        }
                        if (batch == 1) {
                            ledger.record(Actor.system(), records.get(0));
                        } else {
                            ledger.recordAll(records);
                        }
                    });
                    synchronized (out) {
                        for (String id : ids) {
                            out.println("DURABLE-COMMITTED " + id);
                        }
                        out.flush();
                    }
                }
            }, "durability-writer-" + t);
            w.start();
        }
    }
}
