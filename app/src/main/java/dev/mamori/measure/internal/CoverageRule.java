package dev.mamori.measure.internal;

import java.util.List;

import dev.mamori.measure.Coverage.Finding;

/**
 * A piece of the handbook's guidance on choosing measures, as a plain rule over one level's coverage. Each
 * finding's message says what was found, why the handbook cares, and what to do. Message argument {0} is
 * always the route's name (filled in by whoever renders it); the finding's own arguments follow.
 */
interface CoverageRule {

    List<Finding> apply(CoverageInput input);
}
