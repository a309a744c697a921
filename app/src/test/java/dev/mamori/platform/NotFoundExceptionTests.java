package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A text argument is an argument of the message, never taken for the name of a form field.
 */
class NotFoundExceptionTests {

    @Test
    void aStringArgumentFillsTheMessageAndNamesNoField() {
        var e = new NotFoundException("inventory.asset.notFound", "42");

        assertThat(e.args()).containsExactly("42");
        assertThat(e.field()).isNull();
    }

    @Test
    void aFieldComesOnlyThroughOnField() {
        var e = NotFoundException.onField("departmentCode", "directory.department.notFound", "D9");

        assertThat(e.field()).isEqualTo("departmentCode");
        assertThat(e.args()).containsExactly("D9");
    }
}
