package dev.mamori.policy;

/** The aspects of handling the standard regulates for each level (表示, 保管, 複製, 閲覧, 配布, 社外持出し, 第三者提供, 廃棄). */
public enum Aspect {
    MARKING, STORAGE, COPYING, VIEWING, DISTRIBUTION, TAKE_OUT, THIRD_PARTY, DISPOSAL;

    public String messageKey() {
        return "policy.aspect." + name();
    }
}
