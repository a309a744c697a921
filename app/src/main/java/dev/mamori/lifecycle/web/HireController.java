package dev.mamori.lifecycle.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.lifecycle.Hires;

/** Hires from competitors: list, record, change, the signed pledge and the checks of their work. */
@Controller
@RequestMapping("/lifecycle/hires")
class HireController {

    private final Hires hires;

    HireController(Hires hires) {
        this.hires = hires;
    }

    @GetMapping
    @PreAuthorize(Roles.HIRE_READERS)
    String list(Model model) {
        model.addAttribute("hires", hires.list());
        model.addAttribute("today", hires.today());
        model.addAttribute("canRecord", hires.canRecord());
        return "lifecycle/hires";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(Roles.HIRE_READERS)
    String table(Model model) {
        list(model);
        return "lifecycle/hires :: table";
    }

    @GetMapping("/new")
    @PreAuthorize(Roles.HIRE_RECORDERS)
    String newForm(Model model) {
        model.addAttribute("h", null);
        return "lifecycle/hire-form";
    }

    @PostMapping
    @PreAuthorize(Roles.HIRE_RECORDERS)
    String create(@Valid Forms.HireForm form, BindingResult binding) {
        Forms.refuseInvalid(binding);
        return "redirect:/lifecycle/hires/" + hires.record(form.draft());
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.HIRE_READERS)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("h", hires.hire(id));
        model.addAttribute("today", hires.today());
        model.addAttribute("canRecord", hires.canRecord());
        return "lifecycle/hire";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(Roles.HIRE_RECORDERS)
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("h", hires.hire(id));
        return "lifecycle/hire-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize(Roles.HIRE_RECORDERS)
    String update(@PathVariable long id, @Valid Forms.HireForm form, BindingResult binding) {
        Forms.refuseInvalid(binding);
        hires.update(id, form.draft(), form.version() == null ? -1 : form.version());
        return "redirect:/lifecycle/hires/" + id;
    }

    @PostMapping("/{id}/pledge")
    @PreAuthorize(Roles.HIRE_RECORDERS)
    String createPledge(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file) {
        hires.attachPledge(id, Forms.upload(file));
        return "redirect:/lifecycle/hires/" + id;
    }

    @GetMapping("/{id}/pledge")
    @PreAuthorize(Roles.HIRE_READERS)
    ResponseEntity<byte[]> pledge(@PathVariable long id) {
        return LeaverController.download(hires.pledge(id));
    }

    @PostMapping("/{id}/checks")
    @PreAuthorize(Roles.HIRE_CHECKERS)
    String createCheck(@PathVariable long id, @Valid Forms.CheckForm form, BindingResult binding) {
        Forms.refuseInvalid(binding);
        hires.confirmWork(id, form.checkedOn(), form.note());
        return "redirect:/lifecycle/hires/" + id;
    }
}
