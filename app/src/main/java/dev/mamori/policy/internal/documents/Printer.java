package dev.mamori.policy.internal.documents;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.policy.DocumentPrinter;
import dev.mamori.policy.PrintedDocument;

/** {@link DocumentPrinter} over the regulations' own DOCX and PDF renderers. */
@Component
class Printer implements DocumentPrinter {

    private final Documents documents;

    Printer(Documents documents) {
        this.documents = documents;
    }

    @Override
    public String companyName() {
        return documents.companyName();
    }

    @Override
    public byte[] docx(PrintedDocument document) {
        return DocxRenderer.render(lines(document), document.title(), document.company());
    }

    @Override
    public byte[] pdf(PrintedDocument document) {
        return PdfRenderer.render(lines(document), document.title(), document.company(), documents.font());
    }

    private static List<DocLine> lines(PrintedDocument document) {
        return document.lines().stream()
                .map(l -> new DocLine(DocLine.Kind.valueOf(l.kind().name()), l.text())).toList();
    }
}
