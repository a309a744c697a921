package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetNameRuleTests {

    @ParameterizedTest
    @ValueSource(strings = {"営業業務に関する情報", "開発業務に係る情報", "購買業務の情報", "総務業務関係の情報",
            "営業関係の情報", "開発 関連情報", "品質保証業務に関する資料一式"})
    void warnsWhenANameCoversAWholeLineOfBusiness(String name) {
        assertThat(AssetNameRule.check(name)).hasValueSatisfying(
                w -> assertThat(w.messageKey()).isEqualTo("inventory.name.warnBusinessLine"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"技術資料全般", "工場の書類一式", "営業資料その他"})
    void warnsWhenANameIsACatchAll(String name) {
        assertThat(AssetNameRule.check(name)).hasValueSatisfying(
                w -> assertThat(w.messageKey()).isEqualTo("inventory.name.warnCatchAll"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A100型ポンプの設計内容に係る情報", "主要顧客別の取引単価表", "X200製品関係の情報",
            "射出成形の温度条件に関する情報", "新素材の配合関連情報", "熟練工が持つ研磨工程のノウハウ"})
    void acceptsNamesOfAConcreteBodyOfInformation(String name) {
        assertThat(AssetNameRule.check(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void leavesEmptyNamesToTheRequiredCheck(String name) {
        assertThat(AssetNameRule.check(name)).isEmpty();
    }
}
