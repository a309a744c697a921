package dev.mamori.policy.web;

import jakarta.validation.constraints.Size;

/** The note of an approval, or the reason of a rejection or revocation. */
record ExceptionDecisionForm(@Size(max = 2000, message = "{policy.exception.reasonTooLong}") String text) {
}
