package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mamori.measure.StartAnswers;

/**
 * Which catalog measures (参考資料1 codes) a company's answers call for first, and why. A baseline every
 * company needs (rules made known, pledges, marking, access by rule, logs, leavers' access ended and loans
 * returned, basic network defence), more structure as the company grows, and the measures of the handbook's
 * sections that each answer points to. Plain Java: code → reason keys, in a stable order.
 */
final class StartPolicy {

    static final String REASON = "measure.start.reason.";

    Map<String, List<String>> propose(StartAnswers a) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        add(out, "baseline", "EMPLOYEE-1-a", "EMPLOYEE-4-a", "EMPLOYEE-4-b", "EMPLOYEE-4-c", "EMPLOYEE-1-e",
                "EMPLOYEE-3-o", "LEAVER-1-a", "LEAVER-2-k", "LEAVER-4-a", "OUTSIDER-1-f");
        if (a.size() != StartAnswers.Size.SMALL) {
            add(out, "size", "EMPLOYEE-1-b", "EMPLOYEE-3-b", "EMPLOYEE-3-p");
        }
        if (a.size() == StartAnswers.Size.LARGE) {
            add(out, "large", "EMPLOYEE-3-i", "EMPLOYEE-3-n", "LEAVER-3-q");
        }
        if (a.telework()) {
            add(out, "telework", "EMPLOYEE-2-c", "EMPLOYEE-2-d", "EMPLOYEE-3-o", "EMPLOYEE-1-b");
        }
        if (a.personalDevices()) {
            add(out, "personalDevices", "EMPLOYEE-2-j", "EMPLOYEE-2-d", "OUTSIDER-2-a");
        }
        if (a.cloudServices()) {
            add(out, "cloudServices", "EMPLOYEE-1-b", "EMPLOYEE-2-e", "EMPLOYEE-3-n");
        }
        if (a.supplyChainSharing()) {
            add(out, "supplyChain", "PARTNER-1-a", "PARTNER-1-b", "PARTNER-2-a", "PARTNER-4-a", "PARTNER-4-b",
                    "PARTNER-4-c", "PARTNER-4-e");
        }
        if (a.hiresFromCompetitors()) {
            add(out, "hiring", "EMPLOYEE-4-b", "EMPLOYEE-4-a", "EMPLOYEE-5-c");
        }
        if (a.factoryVisits()) {
            add(out, "visits", "OUTSIDER-1-a", "OUTSIDER-1-b", "OUTSIDER-2-a", "OUTSIDER-3-a", "OUTSIDER-3-c",
                    "EMPLOYEE-3-c");
        }
        return out;
    }

    private static void add(Map<String, List<String>> out, String reason, String... codes) {
        for (String c : codes) {
            out.computeIfAbsent(c, k -> new ArrayList<>()).add(REASON + reason);
        }
    }
}
