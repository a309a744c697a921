package dev.mamori.agreement.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.agreement.internal.Assignment;
import dev.mamori.agreement.internal.Completion;
import dev.mamori.agreement.internal.Course;
import dev.mamori.agreement.internal.Training;

/** {@code /api/v1/training}: courses, my trainings, taking a course, assigning, completion by department. */
@RestController
@RequestMapping("/api/v1/training")
class TrainingApiController {

    private final Training training;

    TrainingApiController(Training training) {
        this.training = training;
    }

    /** A course as the API shows it: the questions without their answers. */
    record CourseJson(long id, String title, String kind, String material, List<QuestionJson> quiz, int passMark,
                      String acknowledgement) {
        static CourseJson of(Course c) {
            return new CourseJson(c.id(), c.title(), c.kind().name(), c.material(),
                    c.quiz().stream().map(q -> new QuestionJson(q.text(), q.options())).toList(), c.passMark(),
                    c.acknowledgement());
        }
    }

    record QuestionJson(String text, List<String> options) {
    }

    record CourseRequest(@NotBlank String title, @NotNull Course.Kind kind, String material, List<Course.Question> quiz,
                         Integer passMark, String acknowledgement) {
    }

    record AttemptRequest(List<Integer> answers, boolean acknowledged) {
    }

    record AssignRequest(List<Long> departmentIds, LocalDate dueOn) {
    }

    record Assigned(int people) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<CourseJson> list() {
        return training.courses().stream().map(CourseJson::of).toList();
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    List<Assignment> mine() {
        return training.mine();
    }

    @PostMapping
    @PreAuthorize(AgreementAccess.HR)
    @ResponseStatus(HttpStatus.CREATED)
    CourseJson create(@Valid @RequestBody CourseRequest r) {
        return CourseJson.of(training.create(r.title(), r.kind(), r.material(), r.quiz(),
                r.passMark() == null ? 100 : r.passMark(), r.acknowledgement()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    CourseJson show(@PathVariable long id) {
        return CourseJson.of(training.course(id));
    }

    @PostMapping("/{id}/assignments")
    @PreAuthorize(AgreementAccess.HR)
    Assigned assign(@PathVariable long id, @RequestBody AssignRequest r) {
        return new Assigned(training.assign(id, r.departmentIds(), r.dueOn()));
    }

    @PostMapping("/{id}/attempts")
    @PreAuthorize("isAuthenticated()")
    Assignment take(@PathVariable long id, @RequestBody AttemptRequest r) {
        return training.take(id, r.answers(), r.acknowledged());
    }

    @GetMapping("/{id}/completion")
    @PreAuthorize(AgreementAccess.TRAINING_FOLLOW)
    List<Completion> completion(@PathVariable long id) {
        return training.completion(id);
    }
}
