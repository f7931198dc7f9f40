package org.erratum.feedback.readout;

/**
 * The helpfulness of an article's current revision, one line of the least-helpful readout.
 *
 * @param revision the article's current revision, the one the counts are of
 * @param ratio    yes / (yes + no)
 * @param score    the smoothed ratio the readout is ordered by
 */
record ArticleHelpfulness(String articleId, String title, String slug, int revision, long yes, long no,
        double ratio, double score) {

    long votes() {
        return yes + no;
    }
}
