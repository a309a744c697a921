package dev.mamori.agreement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.mamori.directory.PersonView;

/**
 * A project (a project group, or a single entry's holders) with its secrets and the pledges of its people;
 * {@code people} names the people of those pledges (社員番号 and 氏名) by person id.
 */
public record ProjectView(String key, String name, LocalDate endedOn, String endedBy, List<String> secrets,
                          List<Pledge> pledges, Map<Long, PersonView> people) {
}
