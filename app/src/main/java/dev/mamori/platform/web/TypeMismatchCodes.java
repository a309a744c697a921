package dev.mamori.platform.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;

/**
 * Message codes for a form value that could not be converted (a date that is not a date, an unknown choice):
 * the module's own wording first — {@code <key>.<field>} if the bundles have it, else {@code <key>} — then
 * Spring's codes. A module sets it in its controller advice's {@code @InitBinder}.
 */
@NamedInterface("forms")
public record TypeMismatchCodes(String key) implements MessageCodesResolver {

    private static final DefaultMessageCodesResolver DEFAULT = new DefaultMessageCodesResolver();

    @Override
    public String[] resolveMessageCodes(String errorCode, String objectName) {
        return DEFAULT.resolveMessageCodes(errorCode, objectName);
    }

    @Override
    public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
        String[] codes = DEFAULT.resolveMessageCodes(errorCode, objectName, field, fieldType);
        if (!"typeMismatch".equals(errorCode)) {
            return codes;
        }
        String[] out = new String[codes.length + 2];
        out[0] = key + "." + field;
        out[1] = key;
        System.arraycopy(codes, 0, out, 2, codes.length);
        return out;
    }
}
