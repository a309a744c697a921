package dev.mamori.measure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import dev.mamori.measure.Coverage;

/** A guidance finding as text: argument {0} is the route's name, the finding's own arguments follow. */
final class FindingText {

    private FindingText() {
    }

    static String of(Coverage.Finding f, MessageSource messages, Locale locale) {
        List<Object> args = new ArrayList<>();
        args.add(messages.getMessage(f.route().messageKey(), null, locale));
        args.addAll(f.args());
        return messages.getMessage(f.messageKey(), args.toArray(), locale);
    }
}
