package dev.mamori.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mamori.directory.DepartmentNode;
import dev.mamori.directory.DepartmentView;

/**
 * A department in a select list, indented by its depth in the tree.
 */
public record DepartmentOption(long id, int depth, DepartmentView department) {

    public String label(Locale locale) {
        return "\u3000".repeat(depth) + department.code() + " " + department.name(locale);
    }

    /** The departments of the tree in tree order, leaving out {@code excluded} and everything below them. */
    static List<DepartmentOption> of(List<DepartmentNode> tree, Set<Long> excluded) {
        List<DepartmentOption> options = new ArrayList<>();
        add(tree, 0, excluded, options);
        return options;
    }

    private static void add(List<DepartmentNode> nodes, int depth, Set<Long> excluded, List<DepartmentOption> options) {
        for (DepartmentNode node : nodes) {
            if (excluded.contains(node.department().id())) {
                continue;
            }
            options.add(new DepartmentOption(node.department().id(), depth, node.department()));
            add(node.children(), depth + 1, excluded, options);
        }
    }
}
