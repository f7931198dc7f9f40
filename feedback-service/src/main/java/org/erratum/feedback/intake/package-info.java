/**
 * What every kind of reader feedback goes through before it is accepted. Each feedback service runs its intake
 * as one method shared by the JSON API and the plain HTML form: field rules (400), the article and revision the
 * reader saw (422), then store and publish through the {@link org.erratum.feedback.outbox.Outbox}. Further
 * screening steps (honeypot, rate limits, spam rules, scrubbing) belong between the article check and the store.
 */
package org.erratum.feedback.intake;
