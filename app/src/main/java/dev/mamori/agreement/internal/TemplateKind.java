package dev.mamori.agreement.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.platform.NotFoundException;

/**
 * The document templates (参考資料2 第3〜第7): the pledges people sign, and the documents given to or agreed
 * with other companies. Each declares the variables its text may use; the slug names it in URLs.
 */
public enum TemplateKind {
    JOINING("joining", PledgeKind.JOINING, true,
            v("secrets", Type.LIST, true), v("address", Type.TEXT, false)),
    PROJECT("project", PledgeKind.PROJECT, true,
            v("projectName", Type.TEXT, true), v("secrets", Type.LIST, true)),
    PROJECT_CLOSING("project-closing", PledgeKind.PROJECT_CLOSING, true,
            v("projectName", Type.TEXT, true), v("secrets", Type.LIST, true)),
    LEAVING("leaving", PledgeKind.LEAVING, true,
            v("leavingDate", Type.DATE, true), v("secrets", Type.LIST, true), v("obligationYears", Type.NUMBER, true),
            v("nonCompete", Type.FLAG, false), v("nonCompetePeriod", Type.TEXT, false),
            v("nonCompeteActivities", Type.LIST, false), v("nonCompeteCompensation", Type.TEXT, false)),
    VISIT("visit", null, false,
            v("site", Type.TEXT, true), v("visitorCompany", Type.TEXT, true), v("visitorRepresentative", Type.TEXT, true),
            v("visitors", Type.TEXT, true), v("visitDate", Type.DATE, true), v("employeeYears", Type.NUMBER, true),
            v("disclosures", Type.LIST, false)),
    NDA("nda", null, false,
            v("counterparty", Type.TEXT, true), v("purpose", Type.TEXT, true), v("writtenDays", Type.NUMBER, true),
            v("termYears", Type.NUMBER, true), v("court", Type.TEXT, true), v("disclosures", Type.LIST, true)),
    MANUFACTURING("manufacturing", null, false,
            v("counterparty", Type.TEXT, true), v("writtenDays", Type.NUMBER, true), v("disclosures", Type.LIST, false)),
    OUTSOURCING("outsourcing", null, false,
            v("counterparty", Type.TEXT, true), v("writtenDays", Type.NUMBER, true), v("disclosures", Type.LIST, false)),
    JOINT_RND("joint-rnd", null, false,
            v("counterparty", Type.TEXT, true), v("research", Type.TEXT, true), v("writtenDays", Type.NUMBER, true),
            v("survivalYears", Type.NUMBER, true), v("disclosures", Type.LIST, false));

    /** Filled by Mamori for every kind: the company, its representative, the date; for pledges also the person. */
    static final List<Variable> COMMON = List.of(v("company", Type.TEXT, true), v("representative", Type.TEXT, true),
            v("date", Type.DATE, true), v("regulationTitle", Type.TEXT, true));
    static final List<Variable> PERSON = List.of(v("personName", Type.TEXT, true), v("employeeNumber", Type.TEXT, false),
            v("department", Type.TEXT, false));

    private final String slug;
    private final PledgeKind pledgeKind;
    private final boolean personal;
    private final List<Variable> own;

    TemplateKind(String slug, PledgeKind pledgeKind, boolean personal, Variable... own) {
        this.slug = slug;
        this.pledgeKind = pledgeKind;
        this.personal = personal;
        this.own = List.of(own);
    }

    public String slug() {
        return slug;
    }

    /** The pledge kind this template produces, or null for documents with other companies. */
    public PledgeKind pledgeKind() {
        return pledgeKind;
    }

    /** Signed by a person of the company (a pledge), rather than given to or agreed with another company. */
    public boolean personal() {
        return personal;
    }

    public String messageKey() {
        return "agreement.template.kind." + name();
    }

    /** The variables a user fills in (for pledges Mamori fills most of them from the request). */
    public List<Variable> own() {
        return own;
    }

    /** Every variable the template text may use. */
    public List<Variable> variables() {
        List<Variable> all = new java.util.ArrayList<>(COMMON);
        if (personal) {
            all.addAll(PERSON);
        }
        all.addAll(own);
        return all;
    }

    public Optional<Variable> variable(String name) {
        return variables().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public static TemplateKind of(PledgeKind kind) {
        return Arrays.stream(values()).filter(k -> k.pledgeKind == kind).findFirst().orElseThrow();
    }

    public static TemplateKind of(String slug) {
        String s = slug == null ? "" : slug.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.slug.equals(s)).findFirst()
                .orElseThrow(() -> new NotFoundException("agreement.template.kindNotFound", (Object) String.valueOf(slug)));
    }

    private static Variable v(String name, Type type, boolean required) {
        return new Variable(name, type, required);
    }

    /** How a variable is entered: one line, a date, a number, a yes/no switch, or a list (one entry a line). */
    public enum Type { TEXT, DATE, NUMBER, FLAG, LIST }

    public record Variable(String name, Type type, boolean required) {
        public String messageKey() {
            return "agreement.variable." + name;
        }
    }
}
