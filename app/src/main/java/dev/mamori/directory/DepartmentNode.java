package dev.mamori.directory;

import java.util.List;

/**
 * A department in the tree with its sub-departments and the number of current people whose
 * primary department it is.
 */
public record DepartmentNode(DepartmentView department, List<DepartmentNode> children, long headcount) {

    public long totalHeadcount() {
        return headcount + children.stream().mapToLong(DepartmentNode::totalHeadcount).sum();
    }
}
