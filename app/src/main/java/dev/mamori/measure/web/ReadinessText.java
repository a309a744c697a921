package dev.mamori.measure.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessIndicator;

/** A secret's readiness with every message resolved in the reader's language, for the pages and the API. */
record ReadinessText(Readiness readiness, List<Shown> indicators) {

    record Shown(ReadinessIndicator indicator, String name, String requirement, String summary, List<MissingText> missing) {
    }

    record MissingText(String what, String action) {
    }

    static ReadinessText of(Readiness r, MessageSource messages, Locale locale) {
        return new ReadinessText(r, r.indicators().stream().map(i -> new Shown(i,
                messages.getMessage(i.indicator().messageKey(), null, locale),
                messages.getMessage(i.indicator().requirement().messageKey(), null, locale),
                messages.getMessage(i.summaryKey(), i.summaryArgs().toArray(), locale),
                i.missing().stream().map(m -> new MissingText(messages.getMessage(m.messageKey(), m.args().toArray(), locale),
                        messages.getMessage(m.actionKey(), null, locale))).toList())).toList());
    }
}
