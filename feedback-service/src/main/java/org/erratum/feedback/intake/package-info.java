/**
 * What every kind of reader feedback goes through before it is accepted, from the JSON API and the plain HTML form
 * alike. In order: the request body ({@link org.erratum.feedback.intake.RequestBodyGuard}: 413 when too large, 400
 * when JSON is not UTF-8), field rules (400), then {@link org.erratum.feedback.intake.Intake#screen}: the client's
 * rate limit (429), the signed form timestamp (400, or spam when too fast), the honeypot and the spam rules (spam),
 * and scrubbing of personal data from the free text. The feature service then checks the article and revision (422)
 * and stores the feedback; spam is stored marked and never published.
 */
package org.erratum.feedback.intake;
