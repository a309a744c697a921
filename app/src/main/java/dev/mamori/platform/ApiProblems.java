package dev.mamori.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API answers for endpoints served outside Spring MVC's controllers (a lean request handler on a hot path):
 * the same problem+json bodies, in the same caller's language, as every {@code @RestController} gets from the
 * platform's error handling.
 */
public interface ApiProblems {

    /** The caller's language for an API answer: English when {@code Accept-Language} asks for it, else Japanese. */
    Locale locale(HttpServletRequest request);

    /** The refusal as RFC 9457 problem+json with {@code detail}, {@code detail_ja}, {@code detail_en} and {@code code}. */
    void write(HttpServletRequest request, HttpServletResponse response, MamoriException refusal) throws IOException;

    /** A problem+json answer with the given status and message key. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String key, Object... args)
            throws IOException;

    /** The caller's language from an {@code Accept-Language} header (or null), as {@link #locale(HttpServletRequest)}. */
    Locale locale(String acceptLanguage);

    /** The body {@link #write(HttpServletRequest, HttpServletResponse, MamoriException)} writes, for another transport. */
    byte[] body(MamoriException refusal, Locale locale, String instance);

    /** The body {@link #write(HttpServletRequest, HttpServletResponse, int, String, Object...)} writes, for another transport. */
    byte[] body(int status, Locale locale, String instance, String key, Object... args);
}
