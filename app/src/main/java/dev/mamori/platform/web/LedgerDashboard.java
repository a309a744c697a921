package dev.mamori.platform.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.ledger.CheckpointSummary;
import dev.mamori.ledger.Ledger;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.Role;

/**
 * The ledger's latest checkpoint on the dashboard, with its time-stamp, for those who may see the audit trail.
 */
@Component
class LedgerDashboard implements DashboardContributor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private final Ledger ledger;

    LedgerDashboard(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        if (!viewer.hasAny(Role.AUDITOR, Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.IT_SECURITY)) {
            return List.of();
        }
        return ledger.latestCheckpoint().map(LedgerDashboard::card).stream().toList();
    }

    private static DashboardCard card(CheckpointSummary c) {
        if (c.timestampedAt() == null) {
            return new DashboardCard("ledger.dashboard.checkpoint", c.treeSize(), "/ledger/verification", 800, "ledger.dashboard.unstamped", List.of());
        }
        return new DashboardCard("ledger.dashboard.checkpoint", c.treeSize(), "/ledger/verification", 800,
                c.builtInTsa() ? "ledger.dashboard.stampedBuiltIn" : "ledger.dashboard.stamped",
                List.of(TIME.format(c.timestampedAt())));
    }
}
