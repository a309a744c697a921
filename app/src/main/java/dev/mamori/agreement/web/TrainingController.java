package dev.mamori.agreement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.agreement.internal.Course;
import dev.mamori.agreement.internal.Training;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.web.FormErrors;

/** Training: my trainings and the courses; one course with its material, check, completion by department. */
@Controller
@RequestMapping("/training")
class TrainingController {

    private final Training training;

    TrainingController(Training training) {
        this.training = training;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("mine", training.mine());
        model.addAttribute("courses", training.courses());
        model.addAttribute("canManage", training.canManage());
        model.addAttribute("kinds", Course.Kind.values());
        if (!model.containsAttribute("courseForm")) {
            model.addAttribute("courseForm", new CourseForm(null, null, null, null, 100, null));
        }
        return "agreement/training";
    }

    /** Creates a course; a refusal shows beside its field again, with what was typed (HTTP 400). */
    @PostMapping
    @PreAuthorize(AgreementAccess.HR)
    String create(@Valid @ModelAttribute("courseForm") CourseForm form, BindingResult binding, Model model,
                  HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                Course c = training.create(form.title(), form.kind(), form.material(), Course.parseQuiz(form.quiz()),
                        form.passMark() == null ? 100 : form.passMark(), form.acknowledgement());
                return "redirect:/training/" + c.id();
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, Model model) {
        Course course = training.course(id);
        model.addAttribute("course", course);
        model.addAttribute("mine", training.mine().stream().filter(a -> a.courseId() == id).findFirst().orElse(null));
        model.addAttribute("canManage", training.canManage());
        model.addAttribute("completion", training.canFollow() ? training.completion(id) : List.of());
        model.addAttribute("departments", training.departmentOptions());
        if (!model.containsAttribute("assignmentForm")) {
            model.addAttribute("assignmentForm", new AssignmentForm(null, null));
        }
        if (!model.containsAttribute("attendanceForm")) {
            model.addAttribute("attendanceForm", new AttendanceForm(null));
        }
        return "agreement/course";
    }

    @PostMapping("/{id}/attempts")
    @PreAuthorize("isAuthenticated()")
    String take(@PathVariable long id, @RequestParam Map<String, String> params) {
        Course course = training.course(id);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < course.quiz().size(); i++) {
            String a = params.get("q" + i);
            answers.add(a == null || !a.strip().matches("\\d{1,3}") ? null : Integer.valueOf(a.strip())); // no answer
        }
        training.take(id, answers, "true".equals(params.get("acknowledged")));
        return "redirect:/training/" + id;
    }

    /** Assigns the course; a refusal or a malformed date shows beside its field, the choice kept (HTTP 400). */
    @PostMapping("/{id}/assignments")
    @PreAuthorize(AgreementAccess.HR)
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignmentForm") AssignmentForm form,
                  BindingResult binding, Model model, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                training.assign(id, form.departmentIds(), form.dueOn());
                return "redirect:/training/" + id;
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(id, model);
    }

    /** Records attendance; an unknown employee number shows beside the list, which is kept as typed (HTTP 400). */
    @PostMapping("/{id}/attendance")
    @PreAuthorize(AgreementAccess.HR)
    String attendance(@PathVariable long id, @Valid @ModelAttribute("attendanceForm") AttendanceForm form,
                      BindingResult binding, Model model, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                training.recordAttendanceByNumbers(id, form.employeeNumbers());
                return "redirect:/training/" + id;
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(id, model);
    }
}
