package dev.mamori.directory.internal.importing;

import java.util.Arrays;
import java.util.List;

import dev.mamori.platform.tabular.Headers;

/**
 * The columns of HR files. Exports write the Japanese header; imports also accept the English and
 * common alternative headers listed here (compared after NFKC normalisation, ignoring case, spaces,
 * underscores and hyphens).
 */
public enum Column {
    EMPLOYEE_NUMBER(ImportKind.PEOPLE, "employeeNumber", true, "社員番号",
            "employee number", "employee no", "employee id", "従業員番号", "社員コード", "社員no"),
    NAME(ImportKind.PEOPLE, "name", true, "氏名", "name", "full name", "名前"),
    NAME_KANA(ImportKind.PEOPLE, "nameKana", true, "ふりがな", "kana", "name kana", "フリガナ", "よみがな", "氏名カナ", "カナ氏名"),
    EMAIL(ImportKind.PEOPLE, "email", false, "メールアドレス", "email", "e-mail", "mail", "email address", "メール"),
    PRIMARY_DEPARTMENT(ImportKind.PEOPLE, "primaryDepartment", true, "所属部署コード",
            "department code", "department", "primary department", "primary department code", "所属部署", "部署コード"),
    ADDITIONAL_DEPARTMENTS(ImportKind.PEOPLE, "additionalDepartments", false, "兼務部署コード",
            "additional department codes", "additional departments", "兼務部署"),
    POSITION(ImportKind.PEOPLE, "position", false, "役職", "position", "title", "job title"),
    EMPLOYMENT_TYPE(ImportKind.PEOPLE, "employmentType", true, "雇用区分", "employment type", "雇用形態"),
    EMPLOYER(ImportKind.PEOPLE, "employer", false, "派遣元・委託元", "employer", "派遣元", "委託元", "出向元"),
    STATUS(ImportKind.PEOPLE, "status", false, "在籍状況", "status", "在籍区分"),
    JOINED_ON(ImportKind.PEOPLE, "joinedOn", false, "入社日", "joined on", "join date", "joining date", "入社予定日"),
    LEAVE_FROM(ImportKind.PEOPLE, "leaveFrom", false, "休職開始日", "leave from", "leave of absence from"),
    NOTICE_DATE(ImportKind.PEOPLE, "noticeDate", false, "退職申出日", "notice date", "退職の申出日"),
    LAST_WORKING_DAY(ImportKind.PEOPLE, "lastWorkingDay", false, "最終出勤日", "last working day"),
    LEFT_ON(ImportKind.PEOPLE, "leftOn", false, "退職日", "left on", "leaving date"),

    CODE(ImportKind.DEPARTMENTS, "code", true, "部署コード", "code", "department code"),
    NAME_JA(ImportKind.DEPARTMENTS, "nameJa", true, "部署名", "name", "name ja", "name (japanese)", "部署名（日本語）"),
    NAME_EN(ImportKind.DEPARTMENTS, "nameEn", false, "部署名（英語）", "name en", "name (english)", "english name"),
    PARENT(ImportKind.DEPARTMENTS, "parent", false, "上位部署コード", "parent", "parent code", "parent department code", "親部署コード"),
    DEPARTMENT_STATUS(ImportKind.DEPARTMENTS, "departmentStatus", false, "状態", "status", "state"),
    ABOLISHED_ON(ImportKind.DEPARTMENTS, "abolishedOn", false, "廃止日", "abolished on", "abolished");

    private final ImportKind kind;
    private final String field;
    private final boolean required;
    private final String header;
    private final List<String> aliases;

    Column(ImportKind kind, String field, boolean required, String header, String... aliases) {
        this.kind = kind;
        this.field = field;
        this.required = required;
        this.header = header;
        this.aliases = Arrays.stream(aliases).map(Column::normalise).toList();
    }

    public ImportKind kind() {
        return kind;
    }

    /** The header exports write (Japanese, as HR systems in Japan name it). */
    public String header() {
        return header;
    }

    /** The file cannot be imported without this column. */
    public boolean required() {
        return required;
    }

    public String messageKey() {
        return "directory.import.column." + field;
    }

    boolean matches(String text) {
        String n = normalise(text);
        return n.equals(normalise(header)) || n.equals(normalise(name())) || n.equals(normalise(field)) || aliases.contains(n);
    }

    static List<Column> of(ImportKind kind) {
        return Arrays.stream(values()).filter(c -> c.kind == kind).toList();
    }

    static String normalise(String text) {
        return Headers.normalise(text);
    }
}
