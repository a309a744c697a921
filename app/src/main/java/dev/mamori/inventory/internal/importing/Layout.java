package dev.mamori.inventory.internal.importing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mamori.platform.tabular.Headers;

/**
 * Which layout an imported file has. IPA's 情報資産管理台帳 and Mamori's own export are recognised by their
 * headers and imported without asking; a layout whose mapping was chosen before is recognised by its
 * header signature; any other file needs its columns mapped.
 */
public enum Layout {
    IPA, MAMORI, REMEMBERED, MAPPED, UNKNOWN;

    private static final Set<String> MAMORI_HEADERS = normalised(List.of("名称", "管理部署コード", "形態・保管場所",
            "管理責任者社員番号"));
    private static final Set<String> IPA_HEADERS = normalised(List.of("業務分類", "備考", "利用者範囲", "管理部署",
            "媒体・保存先", "個人情報の種類", "個人情報", "要配慮個人情報", "特定個人情報", "機密性", "完全性", "可用性", "重要度",
            "保存期限", "登録日"));

    public String messageKey() {
        return "inventory.import.layout." + name();
    }

    /** IPA or MAMORI when the headers are theirs, else UNKNOWN. */
    static Layout of(List<String> headers) {
        Set<String> present = normalised(headers);
        if (present.containsAll(MAMORI_HEADERS)) {
            return MAMORI;
        }
        boolean ipaName = present.contains(Headers.normalise("情報資産名称"));
        return ipaName && present.stream().filter(IPA_HEADERS::contains).count() >= 3 ? IPA : UNKNOWN;
    }

    private static Set<String> normalised(List<String> texts) {
        return texts.stream().map(Headers::normalise).collect(Collectors.toSet());
    }
}
