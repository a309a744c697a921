package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.List;

import dev.mamori.directory.DepartmentNode;
import dev.mamori.directory.DepartmentView;

/**
 * A department in the tree: {@code headcount} counts the current people whose primary department
 * it is, {@code totalHeadcount} adds those of every department below it.
 */
public record DepartmentTreeResponse(long id, String code, String nameJa, String nameEn, boolean active,
                                     LocalDate abolishedOn, List<DepartmentResponse.Manager> managers, long headcount,
                                     long totalHeadcount, List<DepartmentTreeResponse> children) {

    static DepartmentTreeResponse of(DepartmentNode node) {
        DepartmentView d = node.department();
        return new DepartmentTreeResponse(d.id(), d.code(), d.nameJa(), d.nameEn(), d.active(), d.abolishedOn(),
                DepartmentResponse.managers(d), node.headcount(), node.totalHeadcount(),
                node.children().stream().map(DepartmentTreeResponse::of).toList());
    }
}
