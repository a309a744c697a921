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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page address whose id or parameter is not of its type ({@code /vault?assetId=abc}, an old bookmark, a link
 * typed by hand) gets the error page in the user's language, not Spring's problem JSON: ahead of Spring Boot's
 * problem-details handler, which would otherwise answer it for pages too. The API's controllers are answered
 * first by {@link ApiErrorAdvice} (problem details, as before).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageParameterAdvice {

    private final MessageSource messages;

    PageParameterAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
        String value = String.valueOf(ex.getValue());
        if (value.length() > 40) {
            value = value.substring(0, 40) + "…";
        }
        return ErrorAdvice.page(400, messages.getMessage("platform.error.badParameter",
                new Object[] {ex.getName(), value}, LocaleContextHolder.getLocale()), request, response, model);
    }
}
