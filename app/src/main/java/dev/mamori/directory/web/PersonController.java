package dev.mamori.directory.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonStatus;

/**
 * The people list with search and filters, and a person's page. What a viewer sees is limited by
 * the directory's scope: a person outside it is refused, and lists leave them out.
 */
@Controller
@RequestMapping("/directory/people")
class PersonController {

    static final int PAGE_SIZE = 50;

    private final Directory directory;
    private final PersonPageModel pages;

    PersonController(Directory directory, PersonPageModel pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String list(@ModelAttribute("filter") PersonFilter filter, Model model) {
        model.addAttribute("people", directory.searchPeople(filter.query(), filter.pageIndex(), PAGE_SIZE));
        model.addAttribute("departments", DepartmentOption.of(directory.departmentTree(false), java.util.Set.of()));
        model.addAttribute("statuses", PersonStatus.values());
        model.addAttribute("employmentTypes", EmploymentType.values());
        return "directory/people";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String table(@ModelAttribute("filter") PersonFilter filter, Model model) {
        model.addAttribute("people", directory.searchPeople(filter.query(), filter.pageIndex(), PAGE_SIZE));
        return "directory/people :: table";
    }

    @GetMapping("/{id}")
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String show(@PathVariable long id, Model model) {
        pages.fill(id, model);
        return "directory/person";
    }

    @HxRequest
    @GetMapping("/{id}")
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String showFragment(@PathVariable long id, Model model) {
        pages.fill(id, model);
        return "directory/person :: person";
    }
}
