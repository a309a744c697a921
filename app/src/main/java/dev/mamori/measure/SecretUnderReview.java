package dev.mamori.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A designated secret as the readiness contributors see it: its register entry, level, marking, designation
 * date and access holders resolved to people ({@code holderPersonIds}: named people, members of holding
 * departments and project groups who are still with the company); role holders cannot be resolved to people
 * and are listed in {@code holderRoles}.
 */
public record SecretUnderReview(long assetId, String name, long departmentId, String levelCode, String marking,
                                LocalDate designatedOn, Set<Long> holderPersonIds, List<String> holderRoles,
                                int holderCount) {

    public SecretUnderReview {
        holderPersonIds = Set.copyOf(holderPersonIds);
        holderRoles = List.copyOf(holderRoles);
    }
}
