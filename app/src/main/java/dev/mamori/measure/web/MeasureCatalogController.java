package dev.mamori.measure.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/** The catalog browser with route and purpose filters, for every signed-in user. */
@Controller
@RequestMapping("/measures")
class MeasureCatalogController {

    private final Measures measures;

    MeasureCatalogController(Measures measures) {
        this.measures = measures;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) Route route, @RequestParam(required = false) Integer purpose, Model model) {
        Purpose p = purpose == null ? null : MeasureApiController.purposeOf(purpose);
        model.addAttribute("version", measures.currentCatalog());
        model.addAttribute("measures", measures.catalog(route, p));
        model.addAttribute("routes", Route.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("route", route);
        model.addAttribute("purpose", p);
        return "measure/catalog";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String table(@RequestParam(required = false) Route route, @RequestParam(required = false) Integer purpose, Model model) {
        list(route, purpose, model);
        return "measure/catalog :: table";
    }
}
