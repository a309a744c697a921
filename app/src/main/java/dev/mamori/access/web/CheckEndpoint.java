package dev.mamori.access.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.access.Access;
import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.access.DocumentEntries;
import dev.mamori.platform.ApiProblems;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;
import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Recipient;

/**
 * The authorization endpoint for other systems (a file server, a DLP tool, a document system):
 * {@code POST /api/v1/access/check} — may this subject do this with this entry or document? — and its batch form
 * {@code POST /api/v1/access/check/batch}.
 * <p>
 * Served as a plain request handler rather than an annotated controller, because it is the API's hot path
 * (2,000 checks a second is the target): JSON is read and written by readers and writers built once, and no
 * argument resolution, content negotiation, model attributes or method-security proxy run per request
 * (profiled: they were most of the CPU per check; BENCHMARKS.md "Access checks"). Who may ask is decided in
 * the same two places as before: the API filter chain lets only an authenticated bearer token (or session)
 * through (401 otherwise), and {@link Access#checkAs} lets IT_SECURITY and SYSTEM_ADMIN ask about anyone and
 * everyone else only about themselves (403), learning of an entry no more than the register shows them. Errors are the API's usual problem+json ({@link ApiProblems}).
 * The OpenAPI document describes both operations ({@link CheckApiDocumentation}). The request handling here is
 * written against no transport ({@link #parse}, {@link #answer(Parsed, Locale, String)}, {@link Answer}), so the
 * opt-in {@link CheckListener} serves the same operations with the same answers on a port of its own.
 */
@Component
class CheckEndpoint {

    static final String PATH = "/api/v1/access/check";
    static final String BATCH_PATH = "/api/v1/access/check/batch";
    static final int MAX_BATCH = 1000;
    static final int MAX_REASONS = 10_000;
    static final String PROBLEM = "application/problem+json";

    private final ConcurrentHashMap<ReasonKey, Reason> reasons = new ConcurrentHashMap<>();

    private final Access access;
    private final MessageSource messages;
    private final ApiProblems problems;
    private final ObjectReader checkReader;
    private final ObjectReader batchReader;
    private final ObjectWriter checkWriter;
    private final ObjectWriter batchWriter;

    CheckEndpoint(Access access, MessageSource messages, ApiProblems problems, JsonMapper json) {
        this.access = access;
        this.messages = messages;
        this.problems = problems;
        this.checkReader = json.readerFor(CheckRequest.class);
        this.batchReader = json.readerFor(BatchRequest.class);
        this.checkWriter = json.writerFor(CheckResponse.class);
        this.batchWriter = json.writerFor(BatchResponse.class);
    }

    /**
     * The subject is a person id or an employee number (社員番号); the object an entry (inventory asset id) or a
     * vault document, which is asked about as the entry it is filed under.
     */
    record CheckRequest(Long personId, String employeeNumber, Action action, Long assetId, Long documentId,
                        Medium medium, Location location, Recipient recipient) {
    }

    record Reason(String key, String ja, String en) {
    }

    /** A reason's message key and arguments (the arguments of an access check are immutable). */
    private record ReasonKey(String key, List<String> args) {
    }

    record CheckResponse(boolean permitted, Outcome outcome, Approver approvalBy, Set<Obligation> obligations,
                         String levelCode, Long assetId, Reason reason) {
    }

    record BatchRequest(List<CheckRequest> checks) {
    }

    record BatchResponse(List<CheckResponse> results) {
    }

    /** What to send back: status, content type and body (and {@code Allow} for a 405). */
    record Answer(int status, String contentType, byte[] body, String allow) {

        static Answer json(byte[] body) {
            return new Answer(200, "application/json", body, null);
        }
    }

    /** A question parsed from its body: the checks asked, and whether they came in the batch form. */
    record Parsed(List<CheckRequest> checks, boolean batch) {

        /**
         * Whether answering needs the database (a subject by 社員番号, a vault document); checks by person and entry
         * ids are answered from memory.
         */
        boolean needsDatabase() {
            for (CheckRequest c : checks) {
                if (c != null && (c.documentId() != null || (c.personId() == null && c.employeeNumber() != null))) {
                    return true;
                }
            }
            return false;
        }
    }

    void check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, handle(request.getRequestURI(), false, request.getMethod(), request.getContentType(),
                request.getInputStream(), problems.locale(request)));
    }

    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, handle(request.getRequestURI(), true, request.getMethod(), request.getContentType(),
                request.getInputStream(), problems.locale(request)));
    }

    private Answer handle(String instance, boolean batch, String method, String contentType, InputStream body,
                          Locale locale) throws IOException {
        Answer refused = refuseUnacceptable(method, contentType, locale, instance);
        if (refused != null) {
            return refused;
        }
        try {
            return answer(parse(batch, body), locale, instance);
        } catch (JacksonException e) {
            return problem(400, locale, instance, "platform.error.unreadable");
        } catch (MamoriException e) {
            return refusal(e, locale, instance);
        }
    }

    private static void send(HttpServletResponse response, Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.allow() != null) {
            response.setHeader("Allow", answer.allow());
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** Only a POST of JSON is asked; anything else is answered 405 or 415 in the API's problem format (else null). */
    Answer refuseUnacceptable(String method, String type, Locale locale, String instance) {
        if (!"POST".equals(method)) {
            return new Answer(405, PROBLEM, problems.body(405, locale, instance, "access.check.postOnly"), "POST");
        }
        if (type == null || !(type.regionMatches(true, 0, "application/json", 0, 16)
                || type.toLowerCase(Locale.ROOT).contains("+json"))) {
            return problem(415, locale, instance, "access.check.jsonOnly");
        }
        return null;
    }

    /** The body read as a single check or as the batch form (at most {@link #MAX_BATCH} checks). */
    Parsed parse(boolean batch, InputStream body) throws IOException {
        if (!batch) {
            CheckRequest one = checkReader.readValue(body);
            return new Parsed(Collections.singletonList(one), false);
        }
        BatchRequest request = batchReader.readValue(body);
        List<CheckRequest> checks = request == null || request.checks() == null ? List.of() : request.checks();
        if (checks.size() > MAX_BATCH) {
            throw new InvalidInputException("access.check.batchTooLarge", MAX_BATCH);
        }
        return new Parsed(checks, true);
    }

    /** The answer to parsed checks, asked by the current user (problem+json when they are refused or incomplete). */
    Answer answer(Parsed parsed, Locale locale, String instance) {
        try {
            List<CheckResponse> answers = answer(parsed.checks());
            return Answer.json(parsed.batch() ? batchWriter.writeValueAsBytes(new BatchResponse(answers))
                    : checkWriter.writeValueAsBytes(answers.get(0)));
        } catch (MamoriException e) {
            return refusal(e, locale, instance);
        }
    }

    Answer refusal(MamoriException e, Locale locale, String instance) {
        return new Answer(e.status(), PROBLEM, problems.body(e, locale, instance), null);
    }

    Answer problem(int status, Locale locale, String instance, String key, Object... args) {
        return new Answer(status, PROBLEM, problems.body(status, locale, instance, key, args), null);
    }

    /** The answers in request order; the questions are all checked first, so one refusal answers none. */
    private List<CheckResponse> answer(List<CheckRequest> requests) {
        List<AccessQuestion> questions = new ArrayList<>(requests.size());
        List<Integer> asked = new ArrayList<>(requests.size());
        CheckResponse[] answers = new CheckResponse[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            CheckRequest r = requests.get(i);
            if (r == null || r.action() == null || (r.assetId() == null && r.documentId() == null)) {
                throw new InvalidInputException("access.check.incomplete");
            }
            long person = subject(r);
            long assetId;
            if (r.assetId() != null) {
                assetId = r.assetId();
            } else {
                access.requireMayAskAbout(person); // before the document is looked up: 403, not 404, for others
                DocumentEntries.DocumentEntry document = access.documentEntry(r.documentId());
                assetId = document.assetId();
                if (document.disposed()) {
                    answers[i] = response(access.disposedDocument(person, assetId), assetId);
                    continue;
                }
            }
            questions.add(new AccessQuestion(person, r.action(), assetId, r.medium(), r.location(), r.recipient()));
            asked.add(i);
        }
        List<AccessCheck> checks = access.checkAs(questions);
        for (int k = 0; k < checks.size(); k++) {
            answers[asked.get(k)] = response(checks.get(k), questions.get(k).assetId());
        }
        return List.of(answers);
    }

    private long subject(CheckRequest r) {
        if (r.personId() != null) {
            return r.personId();
        }
        if (r.employeeNumber() != null && !r.employeeNumber().isBlank()) {
            return access.personByEmployeeNumber(r.employeeNumber().strip());
        }
        throw new InvalidInputException("access.check.subjectRequired");
    }

    private CheckResponse response(AccessCheck c, long assetId) {
        return new CheckResponse(c.permitted(), c.outcome(), c.approvalBy(), c.obligations(), c.levelCode(), assetId,
                reason(c));
    }

    /**
     * The reason in both languages, remembered per message key and arguments: there are few distinct reasons,
     * and formatting them anew took a lock per message format that the busy endpoint's threads queued on
     * (profiled with JFR under load). Bounded: forgotten wholesale past {@link #MAX_REASONS}.
     */
    private Reason reason(AccessCheck c) {
        ReasonKey key = new ReasonKey(c.reasonKey(), c.reasonArgs());
        Reason known = reasons.get(key);
        if (known != null) {
            return known;
        }
        Reason r = new Reason(c.reasonKey(), text(c, Locale.JAPANESE), text(c, Locale.ENGLISH));
        if (reasons.size() >= MAX_REASONS) {
            reasons.clear();
        }
        reasons.put(key, r);
        return r;
    }

    private String text(AccessCheck c, Locale locale) {
        return messages.getMessage(c.reasonKey(), c.reasonArgs().toArray(), c.reasonKey(), locale);
    }
}
