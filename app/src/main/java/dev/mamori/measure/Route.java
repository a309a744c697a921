package dev.mamori.measure;

/** The four routes (経路) of 参考資料1, in the handbook's order. */
public enum Route {
    EMPLOYEE, LEAVER, PARTNER, OUTSIDER;

    public String messageKey() {
        return "measure.route." + name();
    }
}
