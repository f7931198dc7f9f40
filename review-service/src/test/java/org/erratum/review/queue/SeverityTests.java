package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.erratum.events.ReportSubmitted.Category;
import org.junit.jupiter.api.Test;

class SeverityTests {

    @Test
    void whenSafetyReportArrivesThenItemIsUrgent() {
        assertThat(Severity.of(Category.SAFETY_CONCERN)).isEqualTo(Severity.URGENT);
    }

    @Test
    void inaccuracyIsHighAndOtherCategoriesNormal() {
        assertThat(Severity.of(Category.INACCURATE)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(Category.BROKEN_REFERENCE)).isEqualTo(Severity.NORMAL);
        assertThat(Severity.of(Category.OUT_OF_DATE)).isEqualTo(Severity.NORMAL);
    }

    @Test
    void manyReportsOnOneArticleRaiseItToHighButNeverLowerUrgent() {
        assertThat(Severity.of(Category.OTHER, 4, 5)).isEqualTo(Severity.NORMAL);
        assertThat(Severity.of(Category.OTHER, 5, 5)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(Category.SAFETY_CONCERN, 9, 5)).isEqualTo(Severity.URGENT);
    }

    @Test
    void severityOnlyRisesWhileOpen() {
        assertThat(Severity.NORMAL.atLeast(Severity.URGENT)).isEqualTo(Severity.URGENT);
        assertThat(Severity.URGENT.atLeast(Severity.NORMAL)).isEqualTo(Severity.URGENT);
    }
}
