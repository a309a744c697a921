package dev.mamori.inventory.internal.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.tabular.Headers;

/**
 * The names of kinds, forms, origins and stages in files: exports write the Japanese label of the
 * message bundle; imports also accept the English label and the constant's name.
 */
@Component
class Labels {

    private final MessageSource messages;
    private final Map<Class<?>, Map<String, Enum<?>>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String japanese(AssetKind v) {
        return ja(v.messageKey());
    }

    String japanese(AssetSubKind v) {
        return ja(v.messageKey());
    }

    String japanese(AssetForm v) {
        return ja(v.messageKey());
    }

    String japanese(Origin v) {
        return ja(v.messageKey());
    }

    String japanese(Stage v) {
        return ja(v.messageKey());
    }

    String ja(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.JAPANESE);
    }

    Optional<AssetKind> kind(String text) {
        return parse(AssetKind.class, AssetKind.values(), AssetKind::messageKey, text);
    }

    Optional<AssetSubKind> subKind(String text) {
        return parse(AssetSubKind.class, AssetSubKind.values(), AssetSubKind::messageKey, text);
    }

    Optional<AssetForm> form(String text) {
        return parse(AssetForm.class, AssetForm.values(), AssetForm::messageKey, text);
    }

    Optional<Origin> origin(String text) {
        return parse(Origin.class, Origin.values(), Origin::messageKey, text);
    }

    @SuppressWarnings("unchecked")
    private <E extends Enum<E>> Optional<E> parse(Class<E> type, E[] values, Function<E, String> key, String text) {
        Map<String, Enum<?>> byLabel = parsed.computeIfAbsent(type, t -> {
            Map<String, Enum<?>> m = new HashMap<>();
            for (E v : values) {
                m.put(Headers.normalise(v.name()), v);
                m.put(Headers.normalise(messages.getMessage(key.apply(v), null, v.name(), Locale.ENGLISH)), v);
                m.put(Headers.normalise(messages.getMessage(key.apply(v), null, v.name(), Locale.JAPANESE)), v);
            }
            return m;
        });
        return Optional.ofNullable((E) byLabel.get(Headers.normalise(text)));
    }
}
