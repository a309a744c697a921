package dev.mamori.agreement.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;
import dev.mamori.agreement.internal.Pledge;
import dev.mamori.agreement.internal.PledgeService;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.web.FormErrors;

/** The register (with the request form for HR), "my pledges", one pledge with signing, refusal and scans, projects. */
@Controller
@RequestMapping("/agreements")
class PledgeController {

    private final PledgeService pledges;

    PledgeController(PledgeService pledges) {
        this.pledges = pledges;
    }

    @GetMapping
    @PreAuthorize(AgreementAccess.REGISTER)
    String list(@RequestParam(required = false) Long departmentId, @RequestParam(required = false) PledgeState state,
                @RequestParam(required = false, defaultValue = "false") boolean lasting, Model model) {
        model.addAttribute("rows", pledges.register(departmentId, state, lasting));
        model.addAttribute("summary", pledges.departments());
        model.addAttribute("departments", pledges.departmentOptions());
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("state", state);
        model.addAttribute("lasting", lasting);
        model.addAttribute("kinds", PledgeKind.values());
        model.addAttribute("states", PledgeState.values());
        model.addAttribute("canManage", pledges.canManage());
        if (!model.containsAttribute("requestForm")) {
            model.addAttribute("requestForm", new PledgeRequestForm(null, null, null, null, null, null, null, null, null));
        }
        return "agreement/register";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(AgreementAccess.REGISTER)
    String table(@RequestParam(required = false) Long departmentId, @RequestParam(required = false) PledgeState state,
                 @RequestParam(required = false, defaultValue = "false") boolean lasting, Model model) {
        list(departmentId, state, lasting, model);
        return "agreement/register :: table";
    }

    /** Asks for a pledge; a refusal shows beside its field on the register again, with what was typed (HTTP 400). */
    @PostMapping
    @PreAuthorize(AgreementAccess.REQUEST)
    String create(@Valid @ModelAttribute("requestForm") PledgeRequestForm form, BindingResult binding, Model model,
                  HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                long id = pledges.requestByForm(form.employeeNumber(), form.kind(), form.secrets(), form.projectName(),
                        form.leavingOn(), form.nonCompetePeriodMonths(), form.nonCompeteActivities(),
                        form.nonCompeteCompensation(), form.dueOn());
                return "redirect:/agreements/pledges/" + id;
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(null, null, false, model);
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    String mine(Model model) {
        model.addAttribute("pledges", pledges.mine());
        model.addAttribute("today", pledges.todayPublic());
        return "agreement/mine";
    }

    @GetMapping("/pledges/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, Model model) {
        Pledge p = pledges.pledge(id);
        model.addAttribute("p", p);
        model.addAttribute("state", p.state(pledges.todayPublic()));
        model.addAttribute("lines", AgreementAccess.TextLine.of(pledges.text(id)));
        model.addAttribute("own", pledges.isOwn(p));
        model.addAttribute("canManage", pledges.canManage());
        return "agreement/pledge";
    }

    @PostMapping("/pledges/{id}/signature")
    @PreAuthorize("isAuthenticated()")
    String sign(@PathVariable long id) {
        pledges.sign(id);
        return "redirect:/agreements/pledges/" + id;
    }

    @PostMapping("/pledges/{id}/refusal")
    @PreAuthorize("isAuthenticated()")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason) {
        pledges.refuse(id, reason);
        return "redirect:/agreements/pledges/" + id;
    }

    @PostMapping("/pledges/{id}/scan")
    @PreAuthorize(AgreementAccess.HR)
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        try {
            pledges.uploadSigned(id, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/agreements/pledges/" + id;
    }

    @GetMapping("/pledges/{id}/{format:pdf|docx|scan}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        Pledge p = pledges.pledge(id);
        String name = "scan".equals(format) ? p.scanName() : p.title() + "_" + p.id() + "." + format;
        return AgreementAccess.file(pledges.file(id, format), name, format);
    }

    @GetMapping("/projects")
    @PreAuthorize(AgreementAccess.REGISTER)
    String projects(Model model) {
        model.addAttribute("projects", pledges.projects());
        model.addAttribute("today", pledges.todayPublic());
        return "agreement/projects";
    }

    @PostMapping("/projects/end")
    @PreAuthorize(AgreementAccess.REQUEST)
    String endProject(@RequestParam String key) {
        pledges.endProject(key);
        return "redirect:/agreements/projects";
    }
}
