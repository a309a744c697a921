package dev.mamori.policy.internal.documents;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;

/**
 * テレワーク時の秘密情報取扱規程: permission, what each level allows to be taken out and what to mind when
 * viewing it outside (both from the configured standard), places, devices, networks, cloud services,
 * printing, online meetings, loss, logs (which also protect employees), work from abroad and help.
 */
final class TeleworkText {

    private TeleworkText() {
    }

    static DocModel build(DocumentContext c, RuleWording w) {
        var t = c.titles();
        String manager = t.manager();
        var b = DocumentTexts.start(DocumentKind.TELEWORK, c);

        b.chapter("総則");
        b.article("目的").para("この規程は、従業員等が自宅、サテライトオフィスその他会社の事業所以外の場所（以下「テレワーク場所」"
                + "という。）で業務を行うこと（以下「テレワーク」という。）における秘密情報の取扱いを定め、"
                + "社外での業務に伴う漏えいの危険を減らすことを目的とする。");
        b.article("位置付け").para("テレワークにおける秘密情報の取扱いは、秘密情報管理規程及び秘密情報管理基準（以下「管理基準」"
                + "という。）によるほか、この規程の定めによる。");
        b.article("実施の許可")
                .para("テレワークを行う者は、あらかじめ所属する部門の" + manager + "の許可を得る。")
                .para(manager + "は、業務の内容及び取り扱う秘密情報の分類を考えて、テレワークで取り扱ってよい情報の範囲を定める。");

        b.chapter("秘密情報の取扱い");
        b.article("分類ごとの取扱い").para("テレワークで秘密情報を取り扱うときは、管理基準に基づき、分類ごとに次の事項を守る。");
        for (Level level : c.standard().levels()) {
            b.item(level.nameJa() + "（表示「" + level.marking() + "」）");
            boolean any = false;
            for (Medium medium : Medium.values()) {
                var rule = c.standard().rule(level.code(), Aspect.TAKE_OUT, medium);
                if (rule.isPresent()) {
                    b.sub(w.summary(level, rule.get()));
                    any = true;
                }
            }
            if (!any) {
                b.sub("社外への持出しは、認めない。");
            }
            Set<Obligation> outside = EnumSet.noneOf(Obligation.class);
            for (Medium medium : Medium.values()) {
                c.standard().rule(level.code(), Aspect.VIEWING, medium)
                        .map(HandlingRule::outsideOfficeObligations).ifPresent(outside::addAll);
            }
            if (!outside.isEmpty()) {
                HandlingRule viewing = new HandlingRule(level.code(), Aspect.VIEWING, Medium.DOCUMENT,
                        dev.mamori.policy.Permitted.ACCESS_HOLDERS, dev.mamori.policy.Approver.NONE, false, outside,
                        Set.of(), "");
                List<String> sentences = w.items(level, viewing);
                b.sub("テレワーク場所で閲覧するときは、次の事項を守る：" + String.join("", sentences));
            }
        }
        b.article("場所")
                .para("テレワーク場所は、第三者に画面を見られ、又は会話を聞かれるおそれの少ない場所とする。")
                .para("電車の中、飲食店その他不特定多数の者がいる場所では、秘密情報を画面に表示せず、秘密情報について話さない。");
        b.article("端末及び記録媒体")
                .para("テレワークには、会社が貸与し、又は会社が認めた端末を使用する。")
                .para("端末には、秘密情報をできる限り保存しない。保存する必要があるときは、端末の記憶装置を暗号化し、"
                        + "紛失した場合に遠隔でデータを消去できるようにする。")
                .para("私物の記録媒体に秘密情報を保存してはならない。");
        b.article("ネットワーク")
                .para("会社のネットワークには、会社が指定するVPNその他の暗号化された通信によって接続する。")
                .para("ホテル、駅、飲食店等で不特定多数の者が利用するネットワークへの接続は、会社が認めた場合に限る。");
        b.article("クラウドサービス")
                .para("クラウドサービスは、会社が利用を認めたものに限って使用し、そこで扱ってよい情報の範囲は" + manager + "が定める。")
                .para("クラウドサービスのパスワードは他の用途と共用せず、共有の設定は業務に必要な者に限る。");
        b.article("印刷及び紙の文書").para("テレワーク場所での秘密情報の印刷は、" + manager + "が認めた場合に限る。"
                + "持ち帰った文書等は施錠できる場所に保管し、不要になったときは事業所に持ち帰って管理基準に従い廃棄する。");
        b.article("オンライン会議").para("オンライン会議では、参加者を確かめ、周囲に第三者がいないことを確かめる。"
                + "画面を共有するときは、必要のない情報を表示しない。");

        b.chapter("事故への備え");
        b.article("紛失等の報告").para("端末、記録媒体又は文書等を紛失し、若しくは盗まれたとき、又は秘密情報が漏えいしたおそれが"
                + "あるときは、直ちに" + manager + "に報告し、その指示に従う。");
        b.article("記録の取得").para("会社は、テレワークにおける接続、認証及び操作の記録を取得し、一定の期間、安全に保存する。"
                + "この記録は、秘密情報を守るとともに、従業員等の行為が正当であったことを示し、従業員等を守るためにも用いる。");
        b.article("海外からのテレワーク").para("海外からのテレワークは、事故が起きた際に会社から対応することが難しいため、"
                + t.chiefOfficer() + "の許可を得た場合に限る。");
        b.article("相談").para("テレワーク中の業務又は秘密情報の取扱いについて不安や疑問があるときは、" + manager
                + "又は会社が設ける相談窓口に相談することができる。");
        b.article("違反").para("この規程に違反した者は、就業規則の定めにより懲戒の対象となることがある。");

        b.section("附則").text(c.effectiveSentence("この規程"));
        return b.footer(DocumentTexts.footer("本規程", "第3章3-3「テレワークなど企業組織の外での業務における対策のポイントの例」"))
                .build();
    }
}
