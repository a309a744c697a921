package dev.mamori.policy.internal.documents;

/**
 * Generates a document of a kind. The texts are Mamori's own wording; their structure follows the
 * examples of 出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂), which each footer names.
 */
public final class DocumentTexts {

    static final String SOURCE = "出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)";

    private DocumentTexts() {
    }

    public static DocModel generate(DocumentKind kind, DocumentContext context, RuleWording wording) {
        return switch (kind) {
            case REGULATION -> RegulationText.build(context, wording);
            case STANDARD -> StandardText.build(context, wording);
            case WORK_RULES -> WorkRulesText.build(context);
            case TELEWORK -> TeleworkText.build(context, wording);
        };
    }

    /** Title, company and version lines every document starts with. */
    static DocModel.Builder start(DocumentKind kind, DocumentContext context) {
        return DocModel.builder(kind.titleJa()).meta(context.company()).meta(context.versionLine());
    }

    /** The footer: which example of the handbook the structure follows. */
    static String footer(String self, String example) {
        return self + "の構成は次の例に倣う（文言は独自のもの）。" + SOURCE + " " + example;
    }
}
