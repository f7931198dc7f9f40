package org.erratum.feedback.intake;

/** How feedback arrived; the plain HTML form and the JSON API are screened alike except for the form token. */
public enum Channel {

    /** A plain HTML form POST from the article page, which always carries a form token. */
    FORM,

    /** A JSON API call, from the page's script or any other client; a form token is optional. */
    API
}
