package dev.mamori.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.mamori.platform.MamoriException;

/**
 * API errors as RFC 9457 problem details. {@code detail} is in the caller's language
 * ({@code Accept-Language}, Japanese by default); {@code detail_ja} and {@code detail_en} carry both.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private final MessageSource messages;
    private final ObjectProvider<ValidatorFactory> validation;
    private final ApiProblemWriter problems;

    ApiErrorAdvice(MessageSource messages, ObjectProvider<ValidatorFactory> validation, ApiProblemWriter problems) {
        this.messages = messages;
        this.validation = validation;
        this.problems = problems;
    }

    @ExceptionHandler(MamoriException.class)
    ResponseEntity<ProblemDetail> refused(MamoriException ex) {
        ProblemDetail problem = problem(HttpStatus.valueOf(ex.status()), ex.messageKey(), ex.args());
        if (ex.field() != null) {
            problem.setProperty("field", ex.field());
        }
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "platform.error.validation");
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(),
                        "message", fieldMessage(e, locale),
                        "message_ja", fieldMessage(e, Locale.JAPANESE),
                        "message_en", fieldMessage(e, Locale.ENGLISH)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception ex) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "platform.error.unreadable"));
    }

    /**
     * A field error in the given language. Bean Validation messages were already interpolated in the
     * caller's language, so their template ({@code {module.x.y}}) is interpolated again for each language.
     */
    private String fieldMessage(FieldError error, Locale locale) {
        ValidatorFactory factory = validation.getIfUnique();
        if (factory != null && error.contains(ConstraintViolation.class)) {
            ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
            MessageInterpolator.Context context = new MessageInterpolator.Context() {
                @Override
                public ConstraintDescriptor<?> getConstraintDescriptor() {
                    return violation.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return violation.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new jakarta.validation.ValidationException("Cannot unwrap " + type);
                }
            };
            return factory.getMessageInterpolator().interpolate(violation.getMessageTemplate(), context, locale);
        }
        return messages.getMessage(error, locale);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object... args) {
        return problems.problem(status, LocaleContextHolder.getLocale(), key, args);
    }
}
