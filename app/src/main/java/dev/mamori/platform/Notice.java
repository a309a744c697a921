package dev.mamori.platform;

import java.util.List;

/**
 * A message to someone's notification inbox: a message key with its arguments (rendered in the
 * reader's language when read) and the page it concerns.
 */
public record Notice(String messageKey, List<String> args, String href) {

    public Notice {
        args = List.copyOf(args);
    }
}
