package dev.mamori.agreement.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The role expressions of the agreement pages and API, and file responses. */
final class AgreementAccess {

    static final String REGISTER = "hasAnyRole('HR', 'CHIEF_OFFICER', 'COMMITTEE', 'LEGAL', 'AUDITOR', 'MANAGER')";
    static final String HR = "hasAnyRole('HR', 'CHIEF_OFFICER')";
    static final String REQUEST = "hasAnyRole('HR', 'CHIEF_OFFICER', 'MANAGER')";
    static final String EDIT_TEMPLATES = "hasAnyRole('HR', 'LEGAL', 'CHIEF_OFFICER')";
    static final String GENERATE = "hasAnyRole('HR', 'LEGAL', 'CHIEF_OFFICER', 'COMMITTEE', 'MANAGER')";
    static final String NON_COMPETE = GENERATE;
    static final String TRAINING_FOLLOW = "hasAnyRole('HR', 'CHIEF_OFFICER', 'COMMITTEE', 'AUDITOR', 'MANAGER')";

    private AgreementAccess() {
    }

    /** A stored document line {@code KIND<TAB>text} as HTML shows it (the policy documents' CSS classes). */
    record TextLine(String css, String text) {
        static List<TextLine> of(List<String[]> lines) {
            return lines.stream().map(a -> new TextLine("doc-" + a[0].toLowerCase(Locale.ROOT), a[1])).toList();
        }
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, String format) {
        MediaType type = switch (format) {
            case "pdf" -> MediaType.APPLICATION_PDF;
            case "docx" -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
