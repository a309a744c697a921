package dev.mamori.policy.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.policy.internal.documents.PublishRequest;

/**
 * The publish form: the effective date (blank: today) and the departments whose people are asked to
 * acknowledge the version (none: everyone).
 */
record PublishForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn, List<Long> departmentIds) {

    PublishRequest request() {
        return new PublishRequest(effectiveOn, departmentIds);
    }
}
