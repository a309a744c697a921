package dev.mamori.policy.internal.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;

/**
 * How a rule of the standard reads in the generated documents, in regulation style: who may act, whose
 * approval is needed or whether it is prohibited, and each obligation as its own sentence (disposal methods
 * joined into one). Values added to the policy enums later fall back to their Japanese labels.
 */
public final class RuleWording {

    private final DocumentContext.Titles titles;
    private final Function<String, String> japaneseLabels;

    /** @param japaneseLabels message key → Japanese text, for values this class has no wording of its own for */
    public RuleWording(DocumentContext.Titles titles, Function<String, String> japaneseLabels) {
        this.titles = titles;
        this.japaneseLabels = japaneseLabels;
    }

    /** The rule's paragraph: 「文書等：表示は、管理責任者のみが行うことができる。行うときは、次の事項を守る。」. */
    public String paragraph(HandlingRule rule) {
        return medium(rule.medium()) + "：" + handling(rule);
    }

    /** The obligations as item sentences, strictest-first in the standard's order. */
    public List<String> items(Level level, HandlingRule rule) {
        return sentences(level, rule.obligations());
    }

    /** The further obligations outside the office, or none. */
    public List<String> outsideItems(Level level, HandlingRule rule) {
        return sentences(level, rule.outsideOfficeObligations());
    }

    /** The lead-in of the outside-office obligations. */
    public static final String OUTSIDE_LEAD = "社外（テレワークの場所を含む。）で行うときは、次の事項もあわせて守る。";

    /** The paragraph of a cell without a rule: the decision function refuses it, and so does the text. */
    public String noRule(Medium medium) {
        return medium(medium) + "：定めがないため、行ってはならない。";
    }

    /** The rule in one sentence run, for summaries: the paragraph followed by its obligations. */
    public String summary(Level level, HandlingRule rule) {
        String text = paragraph(rule);
        List<String> items = items(level, rule);
        if (!items.isEmpty()) {
            text = text.substring(0, text.length() - 1) + "：" + String.join("", items);
        }
        return text;
    }

    /** Who may act, with approval or prohibition, and the lead-in to the obligations. */
    public String handling(HandlingRule rule) {
        String act = aspect(rule.aspect());
        StringBuilder s = new StringBuilder();
        if (rule.prohibited() && rule.approval() == Approver.NONE) {
            return s.append(act).append("は、行ってはならない。").toString();
        }
        s.append(act).append("は、").append(switch (rule.permitted()) {
            case ANYONE_IN_SCOPE -> "アクセスが認められた範囲の者が行うことができる。";
            case ACCESS_HOLDERS -> "アクセス権者に限り行うことができる。";
            case MANAGER_ONLY -> titles.manager() + "のみが行うことができる。";
            default -> japaneseLabels.apply(rule.permitted().messageKey()) + "が行うことができる。";
        });
        if (rule.prohibited()) {
            s.append("ただし、原則として行ってはならず、").append(approver(rule.approval()))
                    .append("の許可を得た場合に限り、その指示の下で行う。");
        } else if (rule.approval() != Approver.NONE) {
            s.append("行う前に、").append(approver(rule.approval())).append("の許可を得なければならない。");
        }
        if (!rule.obligations().isEmpty()) {
            s.append("行うときは、次の事項を守る。");
        }
        return s.toString();
    }

    /** The noun of an aspect as the articles use it (「複製（印刷及び撮影を含む。）」). */
    public String aspect(Aspect aspect) {
        return switch (aspect) {
            case MARKING -> "表示";
            case STORAGE -> "保管";
            case COPYING -> "複製（印刷及び撮影を含む。）";
            case VIEWING -> "閲覧";
            case DISTRIBUTION -> "配布";
            case TAKE_OUT -> "社外への持出し（テレワークのための持出し及び電子メール等による社外への送信を含む。）";
            case THIRD_PARTY -> "第三者への提供";
            case DISPOSAL -> "廃棄（電子化情報の消去を含む。）";
            default -> japaneseLabels.apply(aspect.messageKey());
        };
    }

    /** The short name of an aspect for headings (「複製」). */
    public String aspectName(Aspect aspect) {
        return japaneseLabels.apply(aspect.messageKey());
    }

    public String medium(Medium medium) {
        return japaneseLabels.apply(medium.messageKey());
    }

    private String approver(Approver approver) {
        return approver == Approver.MANAGER ? titles.manager() : japaneseLabels.apply(approver.messageKey());
    }

    private List<String> sentences(Level level, Set<Obligation> obligations) {
        List<Obligation> sorted = obligations.stream().sorted(Comparator.comparingInt(Enum::ordinal)).toList();
        List<String> out = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        int methodsAt = -1;
        for (Obligation o : sorted) {
            String method = disposalMethod(o);
            if (method != null) {
                if (methodsAt < 0) {
                    methodsAt = out.size();
                }
                methods.add(method);
                continue;
            }
            out.add(sentence(level, o));
        }
        if (!methods.isEmpty()) {
            String joined = methods.size() == 1 ? methods.get(0)
                    : String.join("、", methods.subList(0, methods.size() - 1)) + "又は" + methods.get(methods.size() - 1);
            out.add(methodsAt, "廃棄は、" + joined + (methods.size() == 1 ? "により" : "のいずれかの方法により")
                    + "行い、残った情報を第三者が読み取れないようにする。");
        }
        return out;
    }

    private static String disposalMethod(Obligation o) {
        return switch (o) {
            case DISPOSE_BY_SHREDDING -> "裁断";
            case DISPOSE_BY_INCINERATION -> "焼却";
            case DISPOSE_BY_DISSOLUTION -> "溶解";
            case DISPOSE_BY_ERASURE -> "復元できない方法による消去";
            default -> null;
        };
    }

    private String sentence(Level level, Obligation o) {
        String manager = titles.manager();
        return switch (o) {
            case MARK_LEVEL -> "分類の名称「" + level.marking() + "」を表示する。";
            case MARK_ACCESS_SCOPE -> level.defaultScope() == null || level.defaultScope().isBlank()
                    ? "アクセスできる者の範囲をあわせて表示する。"
                    : "アクセスできる者の範囲（例：「" + level.defaultScope() + "」）をあわせて表示する。";
            case KEEP_OBJECT_LIST -> manager + "が対象となる物件の一覧を作り、アクセス権者の間で共有する。";
            case STORE_SEPARATELY -> "他の情報と区別して保管する。";
            case LOCK_AWAY -> "施錠できる保管庫又は区域に保管し、その鍵は" + manager + "が管理する。";
            case ENCRYPT -> "暗号化してから保存し、又は送る。";
            case OFFLINE_DEVICE_ONLY -> "社外のネットワークにつながらない機器にだけ保存する。";
            case NO_PRIVATE_DEVICES -> "私物の記録媒体、カメラ、スマートフォン等を使わず、持ち込まない。";
            case BUSINESS_NEED_ONLY -> "業務上やむを得ない場合に限って行う。";
            case COLLECT_PRINTS_AT_ONCE -> "複製物及び印刷物は、使い終わったらただちに回収する。";
            case LOG_VIEWER -> "閲覧した者、日時及び閲覧した内容を記録する。";
            case SCREEN_PRIVACY -> "画面が他人の目に触れないよう注意する。";
            case MIND_SURROUNDINGS -> "周囲に第三者がいないかなど、周りの状況に注意を払う。";
            case NUMBER_AND_COLLECT_COPIES -> "配布する資料には通し番号を付け、用が済んだらすべて回収する。";
            case EXPLAIN_HANDLING -> "受け取る者に取扱いの方法を説明する。";
            case CARRY_PERSONALLY -> "取り扱う本人が自ら持ち運び、持出し先でも施錠して保管するなど、紛失を防ぐ措置をとる。";
            case RECIPIENT_PLEDGE_FIRST -> "開示する前に、相手方から秘密保持の誓約書を受け取るか、秘密保持契約を結ぶ。";
            case MINIMISE_DISCLOSURE -> "開示する内容を必要最小限に絞る。";
            case CONFIRM_RETRIEVAL -> "必要がなくなったときは、すべて返還され、又は回収されたことを確かめ、" + manager + "に報告する。";
            case UNDER_MANAGER_CONTROL -> manager + "の管理の下で行う。";
            case BRING_TO_DESIGNATED_PLACE -> manager + "が指定した場所に持ち込む。";
            default -> japaneseLabels.apply(o.messageKey()) + "。";
        };
    }
}
