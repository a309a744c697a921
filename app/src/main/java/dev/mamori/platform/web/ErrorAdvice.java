package dev.mamori.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.mamori.platform.MamoriException;

/**
 * Turns refusals on pages into an error region for htmx requests and an error page otherwise,
 * always in the user's language.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAdvice {

    private final MessageSource messages;

    ErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MamoriException.class)
    String refused(MamoriException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(ex.status(), messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
                LocaleContextHolder.getLocale()), request, response, model);
    }

    /** The error page (or, for htmx, the error region) with the status and the message in the user's language. */
    static String page(int status, String message, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#platform-error");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments/error :: region";
        }
        return "platform/error";
    }
}
