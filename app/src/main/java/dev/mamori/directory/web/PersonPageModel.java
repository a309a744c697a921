package dev.mamori.directory.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;

/**
 * What a person's page shows: details, departments, lifecycle dates, the operations allowed from
 * the current state, and the history from the audit trail.
 */
@Component
class PersonPageModel {

    private final Directory directory;

    PersonPageModel(Directory directory) {
        this.directory = directory;
    }

    void fill(long id, Model model) {
        PersonView person = directory.person(id);
        model.addAttribute("person", person);
        model.addAttribute("actions", LifecycleAction.allowedFrom(person.status()));
        model.addAttribute("history", directory.historyOfPerson(id));
        if (!model.containsAttribute("lifecycleForm")) {
            model.addAttribute("lifecycleForm", new LifecycleForm(directory.today(),
                    person.noticeDate() == null ? directory.today() : person.noticeDate(), person.lastWorkingDay()));
        }
    }
}
