package dev.mamori.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.platform.ApiProblems;
import dev.mamori.platform.MamoriException;

/**
 * Builds the API's problem details (one place for {@link ApiErrorAdvice} and for handlers outside MVC's
 * controllers) and writes them for the latter with the fields MVC writes: type, title, status, detail,
 * instance, then the properties (no type unless one was set, as MVC).
 */
@Component
class ApiProblemWriter implements ApiProblems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectWriter json;

    ApiProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper mapper) {
        this.messages = messages;
        this.locales = locales;
        this.json = mapper.writerFor(Map.class);
    }

    @Override
    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, MamoriException refusal)
            throws IOException {
        write(request, response, problem(refusal, locale(request)));
    }

    @Override
    public Locale locale(String acceptLanguage) {
        return dev.mamori.platform.internal.web.ApiLanguage.of(acceptLanguage);
    }

    @Override
    public byte[] body(MamoriException refusal, Locale locale, String instance) {
        return json.writeValueAsBytes(fields(problem(refusal, locale), instance));
    }

    @Override
    public byte[] body(int status, Locale locale, String instance, String key, Object... args) {
        return json.writeValueAsBytes(fields(problem(HttpStatus.valueOf(status), locale, key, args), instance));
    }

    private ProblemDetail problem(MamoriException refusal, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.valueOf(refusal.status()), locale, refusal.messageKey(), refusal.args());
        if (refusal.field() != null) {
            problem.setProperty("field", refusal.field());
        }
        return problem;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String key,
                      Object... args) throws IOException {
        write(request, response, problem(HttpStatus.valueOf(status), locale(request), key, args));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), fields(problem, request.getRequestURI()));
    }

    private static Map<String, Object> fields(ProblemDetail problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", instance);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The problem with {@code detail} in the caller's language and both languages beside it. */
    ProblemDetail problem(HttpStatus status, Locale locale, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(messages.getMessage(key, args, key, locale));
        problem.setProperty("code", key);
        problem.setProperty("detail_ja", messages.getMessage(key, args, key, Locale.JAPANESE));
        problem.setProperty("detail_en", messages.getMessage(key, args, key, Locale.ENGLISH));
        return problem;
    }
}
