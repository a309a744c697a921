package dev.mamori.directory.internal.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A SCIM filter written as SQL: values only ever as parameters, LIKE wildcards escaped, the tree kept. */
class ScimFilterSqlTests {

    static ScimFilter.Sql sql(String filter) {
        return ScimFilter.toSql(filter, ScimLinks::columnsOf);
    }

    @Test
    void anEqualityBindsTheValueAndComparesWithoutCase() {
        var s = sql("userName eq \"Hanako@Example.jp\"");
        assertThat(s.where()).doesNotContain("Hanako").contains("lower(coalesce(s.user_name");
        assertThat(s.params()).containsExactly("Hanako@Example.jp");
    }

    @Test
    void externalIdIsComparedExactly() {
        var s = sql("externalId eq \"AbC-1\"");
        assertThat(s.where()).contains("s.external_id = ?").doesNotContain("lower(s.external_id");
        assertThat(s.params()).containsExactly("AbC-1");
    }

    @Test
    void containsAndStartsWithEscapeTheLikeWildcards() {
        assertThat(sql("displayName co \"50%_\\\\x\"").params()).containsExactly("%50\\%\\_\\\\x%");
        assertThat(sql("name.familyName sw \"山\"").params()).containsExactly("山%");
    }

    @Test
    void aQuoteInAValueNeverReachesTheSqlText() {
        var s = sql("userName eq \"x' or '1'='1\" or displayName co \"); drop table directory.person; --\"");
        assertThat(s.where()).doesNotContain("'1'").doesNotContain("drop table");
        assertThat(s.params()).hasSize(2);
    }

    @Test
    void andOrNotAndParenthesesKeepTheirShape() {
        var s = sql("(userName sw \"a\" or emails[type eq \"work\"].value co \"b\") and not (active eq false)");
        assertThat(s.where()).startsWith("((").contains(" or ").contains(" and (not ");
        assertThat(s.params()).containsExactly("a%", "%b%", "false");
    }

    @Test
    void theEnterpriseDepartmentMatchesTheCodeOrTheName() {
        var s = sql("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"営業部\"");
        assertThat(s.params()).isEqualTo(List.of("営業部", "営業部"));
    }

    @Test
    void anUnknownAttributeMatchesNothingAndABlankFilterEverything() {
        assertThat(sql("nickName eq \"x\"").where()).isEqualTo("false");
        assertThat(sql(" ").where()).isEqualTo("true");
    }

    @Test
    void anUnknownOperatorIsAnInvalidFilter() {
        assertThatThrownBy(() -> sql("userName zz \"x\"")).isInstanceOf(ScimException.class);
    }
}
