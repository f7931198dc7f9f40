package org.erratum.review.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import org.erratum.review.reminder.ReminderStage.Kind;
import org.junit.jupiter.api.Test;

class ReminderStageTests {

    private static final ReminderProperties SETTINGS = new ReminderProperties(Duration.ofDays(14), Duration.ofDays(7),
            DayOfWeek.MONDAY, "Erratum <r@example.org>", URI.create("http://localhost:8083"), Duration.ofMinutes(1),
            50, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(30));
    private static final LocalDate DUE = LocalDate.parse("2031-01-15");

    @Test
    void nothingIsDueBeforeTheLeadTime() {
        assertThat(ReminderStage.on(DUE.minusDays(15), DUE, SETTINGS)).isEmpty();
    }

    @Test
    void theLeadTimeUpToTheDayBeforeIsOneReminder() {
        assertThat(ReminderStage.on(DUE.minusDays(14), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.BEFORE_DUE, 0));
        assertThat(ReminderStage.on(DUE.minusDays(1), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.BEFORE_DUE, 0));
    }

    @Test
    void theDayAndTheDaysBeforeTheFirstChaserAreTheOnTheDayReminder() {
        assertThat(ReminderStage.on(DUE, DUE, SETTINGS)).hasValue(new ReminderStage(Kind.DUE, 0));
        assertThat(ReminderStage.on(DUE.plusDays(6), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.DUE, 0));
    }

    @Test
    void everyChaserIntervalOverdueIsTheNextChaser() {
        assertThat(ReminderStage.on(DUE.plusDays(7), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.OVERDUE, 1));
        assertThat(ReminderStage.on(DUE.plusDays(13), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.OVERDUE, 1));
        assertThat(ReminderStage.on(DUE.plusDays(70), DUE, SETTINGS)).hasValue(new ReminderStage(Kind.OVERDUE, 10));
    }

    @Test
    void eachStageHasAnIdentityOfItsOwn() {
        assertThat(new ReminderStage(Kind.BEFORE_DUE, 0).idFor("a1", DUE)).isEqualTo("reminder:a1:2031-01-15:before_due");
        assertThat(new ReminderStage(Kind.OVERDUE, 3).idFor("a1", DUE)).isEqualTo("reminder:a1:2031-01-15:overdue-3");
        assertThat(new ReminderStage(Kind.OVERDUE, 3).idFor("a1", DUE.plusYears(2)))
                .isNotEqualTo(new ReminderStage(Kind.OVERDUE, 3).idFor("a1", DUE));
    }
}
