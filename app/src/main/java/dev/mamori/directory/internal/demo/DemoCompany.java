package dev.mamori.directory.internal.demo;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonStatus;
import dev.mamori.platform.Role;

/**
 * The demo company, 株式会社朝霧精工 (Asagiri Seiko), a maker of bearings and precision components with
 * 300 people: departments in a tree, people of every employment type and lifecycle status, the
 * 管理責任者 of each department, and who gets a demo account. Plain data, generated from a fixed
 * seed relative to {@code today}, so the same day always gives the same company.
 */
final class DemoCompany {

    static final String NAME_JA = "株式会社朝霧精工";
    static final String NAME_EN = "Asagiri Seiko Co., Ltd.";
    static final String MAIL_DOMAIN = "asagiri-seiko.example";
    private static final long SEED = 20261126L;

    record Department(String code, String nameJa, String nameEn, String parentCode) {
    }

    /** A person and where their lifecycle should end up; dates that do not apply are null. */
    record Person(String employeeNumber, String name, String nameKana, String email, String position,
                  EmploymentType employmentType, String employer, String departmentCode,
                  List<String> additionalDepartmentCodes, LocalDate joinedOn, PersonStatus status,
                  LocalDate leaveFrom, LocalDate noticeDate, LocalDate lastWorkingDay, LocalDate leftOn) {
    }

    /** A demo account for the person with this employee number; MANAGER is scoped to {@code managedDepartmentCode}. */
    record Account(String username, String employeeNumber, Set<Role> roles, String managedDepartmentCode) {
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("PLAN", "経営企画室", "Corporate Planning Office", null),
            new Department("GA", "総務部", "General Affairs", null),
            new Department("HR", "人事部", "Human Resources", null),
            new Department("LEGAL", "法務・知財部", "Legal & Intellectual Property", null),
            new Department("IT", "情報システム部", "Information Systems", null),
            new Department("SALES", "営業本部", "Sales Division", null),
            new Department("SALES-DOM", "国内営業部", "Domestic Sales", "SALES"),
            new Department("SALES-INT", "海外営業部", "International Sales", "SALES"),
            new Department("RD", "開発本部", "Engineering Division", null),
            new Department("RD-DESIGN", "設計部", "Design", "RD"),
            new Department("RD-LAB", "研究開発部", "Research & Development", "RD"),
            new Department("MFG", "製造本部", "Manufacturing Division", null),
            new Department("MFG-PLANT1", "第一工場", "Plant No. 1", "MFG"),
            new Department("MFG-QA", "品質保証部", "Quality Assurance", "MFG"));

    /** How many people of each kind work in a department (executives are placed separately). */
    private record Staffing(String code, String headTitle, int regular, int contract, int partTime,
                            int dispatched, String dispatchedBy, int contractorStaff, String contractor,
                            int seconded, String secondedFrom) {
    }

    private static final String STAFFING_AGENCY = "ひかりスタッフサービス株式会社";
    private static final String ENGINEERING_AGENCY = "東海テクノスタッフ株式会社";
    private static final String GROUP_HOLDING = "朝霧ホールディングス株式会社";
    private static final String GROUP_SALES = "朝霧精工販売株式会社";
    private static final String GROUP_PLANT = "朝霧プレシジョン株式会社";

    private static final List<Staffing> STAFFING = List.of(
            new Staffing("PLAN", "室長", 4, 0, 0, 0, null, 0, null, 1, GROUP_HOLDING),
            new Staffing("GA", "部長", 7, 3, 3, 2, STAFFING_AGENCY, 3, "清和ビルメンテナンス株式会社", 0, null),
            new Staffing("HR", "部長", 10, 0, 0, 0, null, 0, null, 0, null),
            new Staffing("LEGAL", "部長", 7, 0, 0, 0, null, 0, null, 0, null),
            new Staffing("IT", "部長", 6, 0, 0, 0, null, 4, "株式会社みなとシステムサービス", 0, null),
            new Staffing("SALES", null, 3, 0, 0, 0, null, 0, null, 0, null),
            new Staffing("SALES-DOM", "部長", 31, 4, 0, 2, STAFFING_AGENCY, 0, null, 3, GROUP_SALES),
            new Staffing("SALES-INT", "部長", 13, 3, 0, 0, null, 0, null, 2, "Asagiri Seiko (Thailand) Co., Ltd."),
            new Staffing("RD", null, 2, 0, 0, 0, null, 0, null, 0, null),
            new Staffing("RD-DESIGN", "部長", 34, 0, 0, 3, ENGINEERING_AGENCY, 3, "株式会社アークCADセンター", 0, null),
            new Staffing("RD-LAB", "部長", 19, 4, 0, 0, null, 2, "株式会社みらい分析センター", 0, null),
            new Staffing("MFG", null, 3, 0, 0, 0, null, 0, null, 0, null),
            new Staffing("MFG-PLANT1", "工場長", 57, 8, 14, 8, STAFFING_AGENCY, 0, null, 2, GROUP_PLANT),
            new Staffing("MFG-QA", "部長", 14, 3, 3, 0, null, 0, null, 2, GROUP_PLANT));

    /** Executives: department, title; the divisions (本部) are headed by one of them. */
    private static final String[][] EXECUTIVES = {
            {"PLAN", "代表取締役社長"}, {"PLAN", "専務取締役"}, {"SALES", "常務取締役 営業本部長"},
            {"RD", "取締役 開発本部長"}, {"MFG", "取締役 製造本部長"}, {"PLAN", "取締役 管理部門担当"},
            {"PLAN", "常勤監査役"}, {"PLAN", "社外取締役"}};

    /** 兼務: people of the first department who also belong to the second. */
    private static final String[][] CONCURRENT_POSTS = {
            {"MFG-QA", "MFG-PLANT1"}, {"MFG-QA", "MFG-PLANT1"}, {"RD-DESIGN", "RD-LAB"}, {"RD-DESIGN", "RD-LAB"},
            {"RD-LAB", "RD-DESIGN"}, {"RD-LAB", "RD-DESIGN"}, {"IT", "PLAN"}, {"LEGAL", "RD-LAB"},
            {"SALES-INT", "SALES-DOM"}, {"SALES-INT", "SALES-DOM"}, {"HR", "GA"}, {"GA", "HR"}};

    private final LocalDate today;
    private final Random random = new Random(SEED);
    private final List<Person> people = new ArrayList<>();
    private final Map<String, String> managers = new LinkedHashMap<>();
    private final List<Account> accounts = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedMailboxes = new HashSet<>();
    private final Map<String, Integer> numberSequences = new LinkedHashMap<>();

    private DemoCompany(LocalDate today) {
        this.today = today;
    }

    static DemoCompany generate(LocalDate today) {
        DemoCompany company = new DemoCompany(today);
        company.hire();
        company.planLifecycles();
        company.planAccounts();
        return company;
    }

    List<Department> departments() {
        return DEPARTMENTS;
    }

    List<Person> people() {
        return Collections.unmodifiableList(people);
    }

    /** Department code → employee number of its 管理責任者. */
    Map<String, String> managers() {
        return Collections.unmodifiableMap(managers);
    }

    List<Account> accounts() {
        return Collections.unmodifiableList(accounts);
    }

    // ---------------------------------------------------------------- hiring

    private void hire() {
        for (String[] executive : EXECUTIVES) {
            boolean outside = executive[1].startsWith("社外") || executive[1].endsWith("監査役");
            LocalDate joined = outside ? LocalDate.of(today.getYear() - 2 - random.nextInt(5), Month.JUNE, 26)
                    : aprilFirst(24 + random.nextInt(14));
            Person p = add(EmploymentType.EXECUTIVE, executive[0], executive[1], null, joined);
            if (executive[1].contains("本部長")) {
                managers.put(executive[0], p.employeeNumber());
            }
        }
        for (Staffing s : STAFFING) {
            hireRegulars(s);
            for (int i = 0; i < s.contract(); i++) {
                add(EmploymentType.CONTRACT, s.code(), i == 0 && s.contract() > 2 ? "嘱託" : null, null,
                        firstOfMonthAgo(2 + random.nextInt(60)));
            }
            for (int i = 0; i < s.partTime(); i++) {
                add(EmploymentType.PART_TIME, s.code(), null, null, firstOfMonthAgo(2 + random.nextInt(96)));
            }
            for (int i = 0; i < s.dispatched(); i++) {
                add(EmploymentType.DISPATCHED, s.code(), null, s.dispatchedBy(), firstOfMonthAgo(1 + random.nextInt(30)));
            }
            for (int i = 0; i < s.contractorStaff(); i++) {
                add(EmploymentType.CONTRACTOR_STAFF, s.code(), null, s.contractor(), firstOfMonthAgo(2 + random.nextInt(48)));
            }
            for (int i = 0; i < s.seconded(); i++) {
                LocalDate joined = random.nextBoolean() ? aprilFirst(random.nextInt(3)) : octoberFirst(random.nextInt(3));
                add(EmploymentType.SECONDED, s.code(), i == 0 && s.seconded() > 2 ? "課長" : null, s.secondedFrom(), joined);
            }
        }
    }

    private void hireRegulars(Staffing s) {
        int n = s.regular();
        int heads = s.headTitle() == null ? 0 : 1;
        int sectionChiefs = n >= 6 ? Math.max(1, n / 12) : 0;
        int subsectionChiefs = n >= 5 ? Math.max(1, n / 9) : 0;
        int seniors = n / 6;
        boolean plant = s.code().startsWith("MFG-PLANT");
        for (int i = 0; i < n; i++) {
            String position;
            int yearsAgo;
            if (i < heads) {
                position = s.headTitle();
                yearsAgo = 18 + random.nextInt(14);
            } else if (heads == 0 && i == 0) {
                position = "本部付課長";
                yearsAgo = 12 + random.nextInt(10);
            } else if (i < heads + sectionChiefs) {
                position = "課長";
                yearsAgo = 12 + random.nextInt(12);
            } else if (i < heads + sectionChiefs + subsectionChiefs) {
                position = plant ? "班長" : "係長";
                yearsAgo = 7 + random.nextInt(9);
            } else if (i < heads + sectionChiefs + subsectionChiefs + seniors) {
                position = "主任";
                yearsAgo = 4 + random.nextInt(8);
            } else {
                position = null;
                yearsAgo = 1 + random.nextInt(9);
            }
            // most joined straight from school on 1 April; some came mid-career on the first of a month
            LocalDate joined = random.nextInt(10) < 7 ? aprilFirst(yearsAgo)
                    : firstOfMonthAgo(yearsAgo * 12 - random.nextInt(12));
            Person p = add(EmploymentType.REGULAR, s.code(), position, null, joined);
            if (i == 0 && heads == 1) {
                managers.put(s.code(), p.employeeNumber());
            }
        }
    }

    private Person add(EmploymentType type, String departmentCode, String position, String employer, LocalDate joined) {
        boolean female = random.nextInt(100) < (type == EmploymentType.EXECUTIVE ? 15 : 40);
        DemoNames.Part family;
        DemoNames.Part given;
        do {
            family = pick(DemoNames.FAMILY);
            given = pick(female ? DemoNames.GIVEN_FEMALE : DemoNames.GIVEN_MALE);
        } while (!usedNames.add(family.written() + given.written()));
        boolean noMailbox = (type == EmploymentType.PART_TIME && departmentCode.startsWith("MFG-PLANT"))
                || (type == EmploymentType.CONTRACTOR_STAFF && "GA".equals(departmentCode));
        Person p = new Person(employeeNumber(type, joined), family.written() + " " + given.written(),
                family.kana() + " " + given.kana(), noMailbox ? null : mailbox(given.latin() + "." + family.latin()),
                position, type, employer, departmentCode, List.of(), joined, PersonStatus.ACTIVE,
                null, null, null, null);
        people.add(p);
        return p;
    }

    private String employeeNumber(EmploymentType type, LocalDate joined) {
        String prefix = switch (type) {
            case EXECUTIVE -> "E";
            case REGULAR -> String.format("%02d", joined.getYear() % 100);
            case CONTRACT -> "C";
            case PART_TIME -> "P";
            case DISPATCHED -> "H";
            case CONTRACTOR_STAFF -> "G";
            case SECONDED -> "S";
        };
        int next = numberSequences.merge(type == EmploymentType.REGULAR ? "R" : prefix, 1, Integer::sum);
        return prefix + String.format("%04d", next);
    }

    private String mailbox(String local) {
        String candidate = local;
        for (int i = 2; !usedMailboxes.add(candidate); i++) {
            candidate = local + i;
        }
        return candidate + "@" + MAIL_DOMAIN;
    }

    // ---------------------------------------------------------------- lifecycles

    private void planLifecycles() {
        Set<String> reserved = new HashSet<>(managers.values());
        // the people who get demo accounts stay 在職 and in one department
        reserved.add(byPosition("PLAN", "室長").employeeNumber());
        reserved.add(byPosition("HR", "課長").employeeNumber());
        reserved.add(byPosition("LEGAL", "課長").employeeNumber());
        reserved.add(byPosition("IT", "課長").employeeNumber());
        reserved.add(byPosition("PLAN", "専務取締役").employeeNumber());
        reserved.add(byPosition("PLAN", "常勤監査役").employeeNumber());
        reserved.add(plainDesigner().employeeNumber());

        for (String[] post : CONCURRENT_POSTS) {
            int i = pickIndex(p -> p.departmentCode().equals(post[0]) && p.employmentType() == EmploymentType.REGULAR
                    && p.additionalDepartmentCodes().isEmpty() && !reserved.contains(p.employeeNumber()));
            Person p = people.get(i);
            people.set(i, with(p, List.of(post[1]), p.joinedOn(), PersonStatus.ACTIVE, null, null, null, null));
            reserved.add(p.employeeNumber());
        }
        Predicate<Person> free = p -> !reserved.contains(p.employeeNumber()) && p.status() == PersonStatus.ACTIVE
                && p.employmentType() != EmploymentType.EXECUTIVE;

        // 入社予定: next April's graduates, and two people coming mid-career
        for (int n = 0; n < 8; n++) {
            int i = pickIndex(free.and(p -> p.employmentType() == EmploymentType.REGULAR && p.position() == null
                    && List.of("RD-DESIGN", "RD-LAB", "SALES-DOM", "MFG-PLANT1", "MFG-QA").contains(p.departmentCode())));
            Person p = people.get(i);
            LocalDate joining = n < 6 ? nextAprilFirst() : today.withDayOfMonth(1).plusMonths(1 + n % 2);
            people.set(i, renumbered(with(p, List.of(), joining, PersonStatus.PROSPECTIVE, null, null, null, null)));
        }
        // 休職
        for (int n = 0; n < 6; n++) {
            int i = pickIndex(free.and(p -> p.joinedOn().isBefore(today.minusYears(1))
                    && (p.employmentType() == EmploymentType.REGULAR || p.employmentType() == EmploymentType.CONTRACT)));
            Person p = people.get(i);
            people.set(i, with(p, p.additionalDepartmentCodes(), p.joinedOn(), PersonStatus.ON_LEAVE,
                    today.minusDays(14 + random.nextInt(230)), null, null, null));
        }
        // 退職予定: notice given, last working day ahead
        EmploymentType[] leavingTypes = {EmploymentType.REGULAR, EmploymentType.REGULAR, EmploymentType.REGULAR,
                EmploymentType.REGULAR, EmploymentType.REGULAR, EmploymentType.CONTRACT, EmploymentType.DISPATCHED};
        for (EmploymentType type : leavingTypes) {
            int i = pickIndex(free.and(p -> p.employmentType() == type && p.joinedOn().isBefore(today.minusMonths(3))));
            Person p = people.get(i);
            LocalDate notice = today.minusDays(3 + random.nextInt(38));
            people.set(i, with(p, p.additionalDepartmentCodes(), p.joinedOn(), PersonStatus.LEAVING, null, notice,
                    today.plusDays(7 + random.nextInt(69)), null));
        }
        // 退職済: left over the last two years, most after giving notice
        for (int n = 0; n < 15; n++) {
            int i = pickIndex(free.and(p -> p.joinedOn().isBefore(today.minusYears(3))));
            Person p = people.get(i);
            LocalDate left = today.minusDays(20 + random.nextInt(680));
            LocalDate notice = n % 4 == 3 ? null : left.minusDays(30 + random.nextInt(31));
            people.set(i, with(p, List.of(), p.joinedOn(), PersonStatus.LEFT, null, notice, left, left));
        }
    }

    private void planAccounts() {
        accounts.add(new Account("chief", byPosition("PLAN", "専務取締役").employeeNumber(),
                Set.of(Role.CHIEF_OFFICER, Role.EMPLOYEE), null));
        accounts.add(new Account("committee", byPosition("PLAN", "室長").employeeNumber(),
                Set.of(Role.COMMITTEE, Role.EMPLOYEE), null));
        accounts.add(new Account("design-manager", managers.get("RD-DESIGN"),
                Set.of(Role.MANAGER, Role.EMPLOYEE), "RD-DESIGN"));
        accounts.add(new Account("hr", byPosition("HR", "課長").employeeNumber(), Set.of(Role.HR, Role.EMPLOYEE), null));
        accounts.add(new Account("legal", byPosition("LEGAL", "課長").employeeNumber(),
                Set.of(Role.LEGAL, Role.EMPLOYEE), null));
        accounts.add(new Account("it-security", byPosition("IT", "課長").employeeNumber(),
                Set.of(Role.IT_SECURITY, Role.EMPLOYEE), null));
        accounts.add(new Account("auditor", byPosition("PLAN", "常勤監査役").employeeNumber(),
                Set.of(Role.AUDITOR, Role.EMPLOYEE), null));
        accounts.add(new Account("employee", plainDesigner().employeeNumber(), Set.of(Role.EMPLOYEE), null));
    }

    // ---------------------------------------------------------------- helpers

    private Person byPosition(String departmentCode, String position) {
        return people.stream().filter(p -> p.departmentCode().equals(departmentCode) && position.equals(p.position()))
                .findFirst().orElseThrow();
    }

    private Person plainDesigner() {
        return people.stream().filter(p -> p.departmentCode().equals("RD-DESIGN")
                && p.employmentType() == EmploymentType.REGULAR && p.position() == null).findFirst().orElseThrow();
    }

    private int pickIndex(Predicate<Person> eligible) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (eligible.test(people.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("The demo company has nobody left to pick");
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static Person with(Person p, List<String> additional, LocalDate joinedOn, PersonStatus status,
                               LocalDate leaveFrom, LocalDate notice, LocalDate lastDay, LocalDate leftOn) {
        return new Person(p.employeeNumber(), p.name(), p.nameKana(), p.email(), p.position(), p.employmentType(),
                p.employer(), p.departmentCode(), additional, joinedOn, status, leaveFrom, notice, lastDay, leftOn);
    }

    /** A regular's number starts with the year of joining; a future joiner gets that year's. */
    private Person renumbered(Person p) {
        String number = employeeNumber(p.employmentType(), p.joinedOn());
        return new Person(number, p.name(), p.nameKana(), p.email(), p.position(), p.employmentType(), p.employer(),
                p.departmentCode(), p.additionalDepartmentCodes(), p.joinedOn(), p.status(), p.leaveFrom(),
                p.noticeDate(), p.lastWorkingDay(), p.leftOn());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** 1 April of the business year that started {@code yearsAgo} years ago (never in the future). */
    private LocalDate aprilFirst(int yearsAgo) {
        LocalDate date = LocalDate.of(today.getYear() - yearsAgo, Month.APRIL, 1);
        return date.isAfter(today.minusMonths(1)) ? date.minusYears(1) : date;
    }

    private LocalDate octoberFirst(int yearsAgo) {
        LocalDate date = LocalDate.of(today.getYear() - yearsAgo, Month.OCTOBER, 1);
        return date.isAfter(today.minusMonths(1)) ? date.minusYears(1) : date;
    }

    private LocalDate nextAprilFirst() {
        LocalDate date = LocalDate.of(today.getYear(), Month.APRIL, 1);
        return date.isAfter(today) ? date : date.plusYears(1);
    }

    private LocalDate firstOfMonthAgo(int months) {
        return today.withDayOfMonth(1).minusMonths(Math.max(1, months));
    }
}
