package dev.mamori.platform;

/**
 * The roles of the handbook's organisation (秘密情報の管理体制). A person may hold several;
 * {@link #MANAGER} is scoped to departments (and their sub-departments).
 */
public enum Role {
    SYSTEM_ADMIN,
    CHIEF_OFFICER,
    COMMITTEE,
    MANAGER,
    HR,
    LEGAL,
    IT_SECURITY,
    AUDITOR,
    EMPLOYEE;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "platform.role." + name();
    }

    public boolean scopedToDepartments() {
        return this == MANAGER;
    }
}
