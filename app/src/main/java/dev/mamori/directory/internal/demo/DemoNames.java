package dev.mamori.directory.internal.demo;

import java.util.List;

/**
 * Common Japanese family and given names with their readings (ふりがな) and a romanisation for e-mail
 * addresses. Only names whose usual reading is not in doubt are listed.
 */
final class DemoNames {

    private DemoNames() {
    }

    /** A name part: as written, its reading in hiragana, and in Latin letters. */
    record Part(String written, String kana, String latin) {
    }

    private static Part p(String written, String kana, String latin) {
        return new Part(written, kana, latin);
    }

    static final List<Part> FAMILY = List.of(
            p("佐藤", "さとう", "sato"), p("鈴木", "すずき", "suzuki"), p("高橋", "たかはし", "takahashi"),
            p("田中", "たなか", "tanaka"), p("伊藤", "いとう", "ito"), p("渡辺", "わたなべ", "watanabe"),
            p("山本", "やまもと", "yamamoto"), p("中村", "なかむら", "nakamura"), p("小林", "こばやし", "kobayashi"),
            p("加藤", "かとう", "kato"), p("吉田", "よしだ", "yoshida"), p("山田", "やまだ", "yamada"),
            p("佐々木", "ささき", "sasaki"), p("山口", "やまぐち", "yamaguchi"), p("松本", "まつもと", "matsumoto"),
            p("井上", "いのうえ", "inoue"), p("木村", "きむら", "kimura"), p("林", "はやし", "hayashi"),
            p("斎藤", "さいとう", "saito"), p("清水", "しみず", "shimizu"), p("山崎", "やまざき", "yamazaki"),
            p("森", "もり", "mori"), p("池田", "いけだ", "ikeda"), p("橋本", "はしもと", "hashimoto"),
            p("阿部", "あべ", "abe"), p("石川", "いしかわ", "ishikawa"), p("山下", "やました", "yamashita"),
            p("中島", "なかじま", "nakajima"), p("石井", "いしい", "ishii"), p("小川", "おがわ", "ogawa"),
            p("前田", "まえだ", "maeda"), p("岡田", "おかだ", "okada"), p("長谷川", "はせがわ", "hasegawa"),
            p("藤田", "ふじた", "fujita"), p("後藤", "ごとう", "goto"), p("近藤", "こんどう", "kondo"),
            p("村上", "むらかみ", "murakami"), p("遠藤", "えんどう", "endo"), p("青木", "あおき", "aoki"),
            p("坂本", "さかもと", "sakamoto"), p("福田", "ふくだ", "fukuda"), p("太田", "おおた", "ota"),
            p("西村", "にしむら", "nishimura"), p("藤井", "ふじい", "fujii"), p("金子", "かねこ", "kaneko"),
            p("岡本", "おかもと", "okamoto"), p("藤原", "ふじわら", "fujiwara"), p("中野", "なかの", "nakano"),
            p("三浦", "みうら", "miura"), p("原田", "はらだ", "harada"), p("中川", "なかがわ", "nakagawa"),
            p("松田", "まつだ", "matsuda"), p("竹内", "たけうち", "takeuchi"), p("小野", "おの", "ono"),
            p("田村", "たむら", "tamura"), p("中山", "なかやま", "nakayama"), p("和田", "わだ", "wada"),
            p("石田", "いしだ", "ishida"), p("森田", "もりた", "morita"), p("上田", "うえだ", "ueda"),
            p("原", "はら", "hara"), p("内田", "うちだ", "uchida"), p("柴田", "しばた", "shibata"),
            p("酒井", "さかい", "sakai"), p("宮崎", "みやざき", "miyazaki"), p("横山", "よこやま", "yokoyama"),
            p("高木", "たかぎ", "takagi"), p("安藤", "あんどう", "ando"), p("宮本", "みやもと", "miyamoto"),
            p("大野", "おおの", "ohno"), p("小島", "こじま", "kojima"), p("谷口", "たにぐち", "taniguchi"),
            p("工藤", "くどう", "kudo"), p("今井", "いまい", "imai"), p("高田", "たかだ", "takada"),
            p("丸山", "まるやま", "maruyama"), p("増田", "ますだ", "masuda"), p("杉山", "すぎやま", "sugiyama"),
            p("村田", "むらた", "murata"), p("大塚", "おおつか", "otsuka"), p("小山", "こやま", "koyama"),
            p("平野", "ひらの", "hirano"), p("菅原", "すがわら", "sugawara"), p("久保", "くぼ", "kubo"),
            p("松井", "まつい", "matsui"), p("千葉", "ちば", "chiba"), p("岩崎", "いわさき", "iwasaki"),
            p("桜井", "さくらい", "sakurai"), p("野口", "のぐち", "noguchi"), p("松尾", "まつお", "matsuo"),
            p("菊地", "きくち", "kikuchi"), p("野村", "のむら", "nomura"), p("新井", "あらい", "arai"),
            p("北村", "きたむら", "kitamura"), p("望月", "もちづき", "mochizuki"));

    static final List<Part> GIVEN_MALE = List.of(
            p("翔太", "しょうた", "shota"), p("大輔", "だいすけ", "daisuke"), p("健太", "けんた", "kenta"),
            p("拓也", "たくや", "takuya"), p("直樹", "なおき", "naoki"), p("和也", "かずや", "kazuya"),
            p("達也", "たつや", "tatsuya"), p("誠", "まこと", "makoto"), p("浩二", "こうじ", "koji"),
            p("隆", "たかし", "takashi"), p("健一", "けんいち", "kenichi"), p("修", "おさむ", "osamu"),
            p("博之", "ひろゆき", "hiroyuki"), p("雅人", "まさと", "masato"), p("亮", "りょう", "ryo"),
            p("悠斗", "ゆうと", "yuto"), p("蓮", "れん", "ren"), p("湊", "みなと", "minato"),
            p("悠真", "ゆうま", "yuma"), p("颯太", "そうた", "sota"), p("一郎", "いちろう", "ichiro"),
            p("茂", "しげる", "shigeru"), p("剛", "つよし", "tsuyoshi"), p("正樹", "まさき", "masaki"),
            p("智也", "ともや", "tomoya"), p("哲也", "てつや", "tetsuya"), p("秀樹", "ひでき", "hideki"),
            p("康弘", "やすひろ", "yasuhiro"), p("聡", "さとし", "satoshi"), p("学", "まなぶ", "manabu"),
            p("亮介", "りょうすけ", "ryosuke"), p("慎吾", "しんご", "shingo"), p("圭介", "けいすけ", "keisuke"),
            p("裕太", "ゆうた", "yuta"), p("洋平", "ようへい", "yohei"), p("俊介", "しゅんすけ", "shunsuke"),
            p("徹", "とおる", "toru"), p("稔", "みのる", "minoru"), p("浩", "ひろし", "hiroshi"),
            p("大樹", "だいき", "daiki"));

    static final List<Part> GIVEN_FEMALE = List.of(
            p("陽子", "ようこ", "yoko"), p("恵子", "けいこ", "keiko"), p("裕子", "ゆうこ", "yuko"),
            p("美穂", "みほ", "miho"), p("由美", "ゆみ", "yumi"), p("真由美", "まゆみ", "mayumi"),
            p("香織", "かおり", "kaori"), p("愛", "あい", "ai"), p("彩", "あや", "aya"),
            p("麻衣", "まい", "mai"), p("美咲", "みさき", "misaki"), p("結衣", "ゆい", "yui"),
            p("直美", "なおみ", "naomi"), p("智子", "ともこ", "tomoko"), p("久美子", "くみこ", "kumiko"),
            p("幸子", "さちこ", "sachiko"), p("明美", "あけみ", "akemi"), p("千尋", "ちひろ", "chihiro"),
            p("沙織", "さおり", "saori"), p("早紀", "さき", "saki"), p("奈々", "なな", "nana"),
            p("遥", "はるか", "haruka"), p("葵", "あおい", "aoi"), p("さくら", "さくら", "sakura"),
            p("真理子", "まりこ", "mariko"), p("典子", "のりこ", "noriko"), p("亜希子", "あきこ", "akiko"),
            p("綾香", "あやか", "ayaka"), p("瞳", "ひとみ", "hitomi"), p("玲奈", "れな", "rena"),
            p("理恵", "りえ", "rie"), p("恵", "めぐみ", "megumi"));
}
