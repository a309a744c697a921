package dev.mamori.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.mamori.directory.PersonDraft;

/**
 * The shape rules of a person's details, shared by forms, the API and imports.
 */
public final class PersonRules {

    public static final Pattern EMPLOYEE_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** Hiragana, katakana, the long-vowel mark, spaces and middle dots (ふりがな may be written in either kana). */
    public static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー・ 　]+");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PersonRules() {
    }

    public static List<Violation> check(PersonDraft d) {
        List<Violation> v = new ArrayList<>();
        if (blank(d.employeeNumber())) {
            v.add(new Violation("employeeNumber", "directory.person.employeeNumberRequired"));
        } else if (!EMPLOYEE_NUMBER.matcher(d.employeeNumber()).matches()) {
            v.add(new Violation("employeeNumber", "directory.person.employeeNumberInvalid"));
        }
        if (blank(d.name())) {
            v.add(new Violation("name", "directory.person.nameRequired"));
        } else if (d.name().length() > 100) {
            v.add(new Violation("name", "directory.person.tooLong", 100));
        }
        if (blank(d.nameKana())) {
            v.add(new Violation("nameKana", "directory.person.kanaRequired"));
        } else if (!KANA.matcher(d.nameKana()).matches()) {
            v.add(new Violation("nameKana", "directory.person.kanaInvalid"));
        }
        if (!blank(d.email()) && !EMAIL.matcher(d.email()).matches()) {
            v.add(new Violation("email", "directory.person.emailInvalid"));
        }
        if (d.employmentType() == null) {
            v.add(new Violation("employmentType", "directory.person.employmentTypeRequired"));
        }
        if (d.primaryDepartmentId() == null) {
            v.add(new Violation("primaryDepartmentId", "directory.person.departmentRequired"));
        }
        return v;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
