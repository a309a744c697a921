package dev.mamori.policy.internal;

import static dev.mamori.policy.Obligation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;

/**
 * The handbook's two-level example standard (秘密情報管理基準の例: 極秘 and 対外秘, here 社外秘) as data.
 * 出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂) 参考資料2 第2-2. Wording is Mamori's own.
 */
public final class DefaultStandard {

    static final String TOP = "TOP_SECRET";
    static final String CONF = "CONFIDENTIAL";
    private static final String SRC = "秘密情報の保護ハンドブック 参考資料2 第2-2 秘密情報管理基準の例 ";

    private DefaultStandard() {
    }

    public static List<HandlingRule> rules() {
        List<HandlingRule> r = new ArrayList<>();
        // 極秘 (1)-(8)
        String s = SRC + "1.";
        all(r, TOP, Aspect.MARKING, Permitted.MANAGER_ONLY, Approver.NONE, false, Set.of(MARK_LEVEL, MARK_ACCESS_SCOPE), Set.of(), s + "(1) 表示");
        r.add(rule(TOP, Aspect.MARKING, Medium.OBJECT, Permitted.MANAGER_ONLY, Approver.NONE, false,
                Set.of(MARK_LEVEL, MARK_ACCESS_SCOPE, KEEP_OBJECT_LIST), Set.of(), s + "(1) 表示"));
        r.add(rule(TOP, Aspect.STORAGE, Medium.DOCUMENT, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(STORE_SEPARATELY, LOCK_AWAY), Set.of(), s + "(2) 保管"));
        r.add(rule(TOP, Aspect.STORAGE, Medium.ELECTRONIC, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(ENCRYPT, OFFLINE_DEVICE_ONLY), Set.of(), s + "(2) 保管"));
        r.add(rule(TOP, Aspect.STORAGE, Medium.OBJECT, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(STORE_SEPARATELY, LOCK_AWAY), Set.of(), s + "(2) 保管"));
        r.add(rule(TOP, Aspect.COPYING, Medium.DOCUMENT, Permitted.MANAGER_ONLY, Approver.NONE, false, Set.of(MARK_LEVEL), Set.of(), s + "(3) 複製"));
        r.add(rule(TOP, Aspect.COPYING, Medium.ELECTRONIC, Permitted.MANAGER_ONLY, Approver.NONE, false, Set.of(MARK_LEVEL, NO_PRIVATE_DEVICES), Set.of(), s + "(3) 複製"));
        r.add(rule(TOP, Aspect.COPYING, Medium.OBJECT, Permitted.MANAGER_ONLY, Approver.NONE, false, Set.of(MARK_LEVEL), Set.of(), s + "(3) 複製"));
        r.add(rule(TOP, Aspect.VIEWING, Medium.DOCUMENT, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(LOG_VIEWER), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(TOP, Aspect.VIEWING, Medium.ELECTRONIC, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(LOG_VIEWER, SCREEN_PRIVACY), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(TOP, Aspect.VIEWING, Medium.OBJECT, Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(LOG_VIEWER), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(TOP, Aspect.DISTRIBUTION, Medium.DOCUMENT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(NUMBER_AND_COLLECT_COPIES), Set.of(), s + "(5) 配布"));
        r.add(rule(TOP, Aspect.DISTRIBUTION, Medium.ELECTRONIC, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(ENCRYPT, LOG_VIEWER), Set.of(), s + "(4) 閲覧, (5) 配布"));
        r.add(rule(TOP, Aspect.DISTRIBUTION, Medium.OBJECT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(CONFIRM_RETRIEVAL), Set.of(), s + "(4) 閲覧, (5) 配布"));
        r.add(rule(TOP, Aspect.TAKE_OUT, Medium.DOCUMENT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(CARRY_PERSONALLY, LOCK_AWAY), Set.of(), s + "(6) 社外への持出し"));
        r.add(rule(TOP, Aspect.TAKE_OUT, Medium.ELECTRONIC, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(ENCRYPT, CARRY_PERSONALLY), Set.of(), s + "(6) 社外への持出し"));
        r.add(rule(TOP, Aspect.TAKE_OUT, Medium.OBJECT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false, Set.of(CARRY_PERSONALLY, LOCK_AWAY), Set.of(), s + "(6) 社外への持出し"));
        all(r, TOP, Aspect.THIRD_PARTY, Permitted.ACCESS_HOLDERS, Approver.MANAGER, true,
                Set.of(RECIPIENT_PLEDGE_FIRST, MINIMISE_DISCLOSURE, MARK_LEVEL, CONFIRM_RETRIEVAL), Set.of(), s + "(7) 第三者への提供");
        r.add(rule(TOP, Aspect.DISPOSAL, Medium.DOCUMENT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false,
                Set.of(UNDER_MANAGER_CONTROL, DISPOSE_BY_SHREDDING, DISPOSE_BY_INCINERATION, DISPOSE_BY_DISSOLUTION), Set.of(), s + "(8) 廃棄"));
        r.add(rule(TOP, Aspect.DISPOSAL, Medium.ELECTRONIC, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false,
                Set.of(UNDER_MANAGER_CONTROL, DISPOSE_BY_ERASURE), Set.of(), s + "(8) 廃棄"));
        r.add(rule(TOP, Aspect.DISPOSAL, Medium.OBJECT, Permitted.ACCESS_HOLDERS, Approver.MANAGER, false,
                Set.of(UNDER_MANAGER_CONTROL, DISPOSE_BY_SHREDDING, DISPOSE_BY_INCINERATION, DISPOSE_BY_DISSOLUTION), Set.of(), s + "(8) 廃棄"));

        // 社外秘 (the handbook's 対外秘) (1)-(8)
        s = SRC + "2.";
        all(r, CONF, Aspect.MARKING, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(MARK_LEVEL), Set.of(), s + "(1) 表示");
        r.add(rule(CONF, Aspect.MARKING, Medium.OBJECT, Permitted.MANAGER_ONLY, Approver.NONE, false, Set.of(MARK_LEVEL, KEEP_OBJECT_LIST), Set.of(), s + "(1) 表示"));
        r.add(rule(CONF, Aspect.STORAGE, Medium.DOCUMENT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(STORE_SEPARATELY), Set.of(), s + "(2) 保管"));
        r.add(rule(CONF, Aspect.STORAGE, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(ENCRYPT, STORE_SEPARATELY), Set.of(), s + "(2) 保管"));
        r.add(rule(CONF, Aspect.STORAGE, Medium.OBJECT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(STORE_SEPARATELY), Set.of(), s + "(2) 保管"));
        all(r, CONF, Aspect.COPYING, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(BUSINESS_NEED_ONLY, COLLECT_PRINTS_AT_ONCE), Set.of(), s + "(3) 複製");
        r.add(rule(CONF, Aspect.VIEWING, Medium.DOCUMENT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(CONF, Aspect.VIEWING, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(SCREEN_PRIVACY), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(CONF, Aspect.VIEWING, Medium.OBJECT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(), Set.of(MIND_SURROUNDINGS), s + "(4) 閲覧"));
        r.add(rule(CONF, Aspect.DISTRIBUTION, Medium.DOCUMENT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(MARK_LEVEL, EXPLAIN_HANDLING, CONFIRM_RETRIEVAL), Set.of(), s + "(5) 配布"));
        r.add(rule(CONF, Aspect.DISTRIBUTION, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(MARK_LEVEL, ENCRYPT), Set.of(), s + "(5) 配布"));
        r.add(rule(CONF, Aspect.DISTRIBUTION, Medium.OBJECT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(MARK_LEVEL, EXPLAIN_HANDLING, CONFIRM_RETRIEVAL), Set.of(), s + "(5) 配布"));
        r.add(rule(CONF, Aspect.TAKE_OUT, Medium.DOCUMENT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(CARRY_PERSONALLY), Set.of(), s + "(6) 社外への持出し"));
        r.add(rule(CONF, Aspect.TAKE_OUT, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(ENCRYPT, CARRY_PERSONALLY), Set.of(), s + "(6) 社外への持出し"));
        r.add(rule(CONF, Aspect.TAKE_OUT, Medium.OBJECT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false, Set.of(CARRY_PERSONALLY), Set.of(), s + "(6) 社外への持出し"));
        all(r, CONF, Aspect.THIRD_PARTY, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(MINIMISE_DISCLOSURE, MARK_LEVEL, RECIPIENT_PLEDGE_FIRST), Set.of(), s + "(7) 第三者への提供");
        r.add(rule(CONF, Aspect.DISPOSAL, Medium.DOCUMENT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(BRING_TO_DESIGNATED_PLACE, DISPOSE_BY_SHREDDING, DISPOSE_BY_INCINERATION, DISPOSE_BY_DISSOLUTION), Set.of(), s + "(8) 廃棄"));
        r.add(rule(CONF, Aspect.DISPOSAL, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(DISPOSE_BY_ERASURE), Set.of(), s + "(8) 廃棄"));
        r.add(rule(CONF, Aspect.DISPOSAL, Medium.OBJECT, Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(BRING_TO_DESIGNATED_PLACE, DISPOSE_BY_SHREDDING, DISPOSE_BY_INCINERATION, DISPOSE_BY_DISSOLUTION), Set.of(), s + "(8) 廃棄"));
        return List.copyOf(r);
    }

    /** Document and electronic cells with the same rule (objects are added separately or also, see callers). */
    private static void all(List<HandlingRule> r, String level, Aspect aspect, Permitted p, Approver a, boolean prohibited,
                            Set<Obligation> o, Set<Obligation> outside, String source) {
        r.add(rule(level, aspect, Medium.DOCUMENT, p, a, prohibited, o, outside, source));
        r.add(rule(level, aspect, Medium.ELECTRONIC, p, a, prohibited, o, outside, source));
        if (aspect != Aspect.MARKING) {
            r.add(rule(level, aspect, Medium.OBJECT, p, a, prohibited, o, outside, source));
        }
    }

    private static HandlingRule rule(String level, Aspect aspect, Medium medium, Permitted p, Approver a,
                                     boolean prohibited, Set<Obligation> o, Set<Obligation> outside, String source) {
        return new HandlingRule(level, aspect, medium, p, a, prohibited, o, outside, source);
    }
}
