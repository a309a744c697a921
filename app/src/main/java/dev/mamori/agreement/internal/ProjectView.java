package dev.mamori.agreement.internal;

import java.time.LocalDate;
import java.util.List;

/** A project (a project group, or a single entry's holders) with its secrets and the pledges of its people. */
public record ProjectView(String key, String name, LocalDate endedOn, String endedBy, List<String> secrets,
                          List<Pledge> pledges) {
}
