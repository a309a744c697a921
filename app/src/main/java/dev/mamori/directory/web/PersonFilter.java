package dev.mamori.directory.web;

import org.springframework.web.util.UriComponentsBuilder;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonQuery;
import dev.mamori.directory.PersonStatus;

/**
 * The search and filters of the people list, from the query string.
 */
public record PersonFilter(String q, Long departmentId, PersonStatus status, EmploymentType employmentType,
                           Integer page) {

    PersonQuery query() {
        return new PersonQuery(q == null || q.isBlank() ? null : q.strip(), departmentId, status, employmentType);
    }

    int pageIndex() {
        return page == null || page < 0 ? 0 : page;
    }

    /** The list URL with these filters and without the page, for the pager. */
    public String url() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/directory/people");
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q.strip());
        }
        if (departmentId != null) {
            b.queryParam("departmentId", departmentId);
        }
        if (status != null) {
            b.queryParam("status", status.name());
        }
        if (employmentType != null) {
            b.queryParam("employmentType", employmentType.name());
        }
        return b.encode().build().toUriString();
    }
}
