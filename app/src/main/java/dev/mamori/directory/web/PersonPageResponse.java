package dev.mamori.directory.web;

import java.util.List;

import dev.mamori.directory.PersonPage;

/**
 * One page of people: {@code page} counts from 0, {@code total} is the number of matches within the
 * caller's scope.
 */
public record PersonPageResponse(List<PersonResponse> items, long total, int page, int size) {

    static PersonPageResponse of(PersonPage p) {
        return new PersonPageResponse(p.people().stream().map(PersonResponse::of).toList(), p.total(), p.page(), p.size());
    }
}
