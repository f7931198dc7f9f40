package org.erratum.feedback.intake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataScrubberTests {

    @ParameterizedTest
    @ValueSource(strings = { "jo.bloggs@example.org", "first+tag@mail.example.co.uk", "A_B-c@sub.domain.io" })
    void emailAddressesAreRemoved(String email) {
        assertThat(PersonalDataScrubber.scrub("Write to " + email + " please"))
                .isEqualTo("Write to [email removed] please");
    }

    @ParameterizedTest
    @ValueSource(strings = { "07700 900123", "07700900123", "020 7946 0958", "(020) 7946 0958", "0161 496 0000",
            "+44 20 7946 0958", "+447700900123", "+44 (0)20 7946 0958", "0044 7700 900123", "+1 415 555 2671",
            "+33 1 23 45 67 89", "(415) 555-2671", "+49-30-1234567" })
    void phoneNumbersInUkAndInternationalFormatsAreRemoved(String phone) {
        assertThat(PersonalDataScrubber.scrub("Call me on " + phone + " after six."))
                .isEqualTo("Call me on [phone removed] after six.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "943 476 5919", "9434765919", "943-476-5919" })
    void nhsNumbersAreRemoved(String nhsNumber) {
        assertThat(PersonalDataScrubber.scrub("My NHS number is " + nhsNumber + "."))
                .isEqualTo("My NHS number is [id number removed].");
    }

    @ParameterizedTest
    @ValueSource(strings = { "QQ 12 34 56 C", "QQ123456C", "ab 12 34 56 d" })
    void nationalInsuranceNumbersAreRemoved(String niNumber) {
        assertThat(PersonalDataScrubber.scrub("NI " + niNumber + " is mine"))
                .isEqualTo("NI [id number removed] is mine");
    }

    @ParameterizedTest
    @ValueSource(strings = { "078-05-1120", "078 05 1120" })
    void usSocialSecurityNumbersAreRemoved(String ssn) {
        assertThat(PersonalDataScrubber.scrub("SSN " + ssn)).isEqualTo("SSN [id number removed]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Take 500 mg to 1 g every 4 to 6 hours.",
            "No more than 4 g (8 tablets of 500 mg) in 24 hours.",
            "The guidance changed in 2026, see section 3.2 and reference [4].",
            "Children aged 6 to 11: 250 mg, up to 4 times in 24 hours.",
            "Dose 0.5 ml/kg, 1,000 mg maximum, 10-12 hours apart.",
            "Published 12/03/2025 at 10:30, revision 17.",
            "Call 999 or 111 if you feel unwell.",
            "Between 1990 and 2026 around 5000 people took part." })
    void ordinaryNumbersSuchAsDosesTimesAndYearsAreKept(String text) {
        assertThat(PersonalDataScrubber.scrub(text)).isEqualTo(text);
    }

    @Test
    void everyIdentifierInALongerTextIsRemovedAndTheRestKept() {
        String scrubbed = PersonalDataScrubber.scrub(
                "I am jo@example.org, NHS 943 476 5919, mobile 07700 900123. The dose of 500 mg is wrong.");

        assertThat(scrubbed).isEqualTo("I am [email removed], NHS [id number removed], mobile [phone removed]. "
                + "The dose of 500 mg is wrong.");
    }

    @Test
    void anEmailAddressInTextWithoutDigitsIsRemovedAndTextWithNeitherDigitsNorAnAtSignIsKept() {
        assertThat(PersonalDataScrubber.scrub("Mail jo@example.org or ring me")).isEqualTo(
                "Mail [email removed] or ring me");
        assertThat(PersonalDataScrubber.scrub("The guidance on this changed last year, QQ AB CD")).isEqualTo(
                "The guidance on this changed last year, QQ AB CD");
    }

    @CsvSource(nullValues = "null", value = { "null", "''" })
    @ParameterizedTest
    void nothingStaysNothing(String text) {
        assertThat(PersonalDataScrubber.scrub(text)).isEqualTo(text);
    }
}
