package org.erratum.content.article;

import java.time.Instant;

import org.erratum.events.ArticleChanged.Significance;

/**
 * Why a revision was made, by whom and when.
 *
 * @param answersItem the review item it was written to answer ("Correct this article" in the console), else null
 */
public record RevisionNote(int revision, String changeSummary, Significance significance, String editor,
        Instant at, String answersItem) {

    static final String FIRST_PUBLISHED = "First published";

    static RevisionNote firstPublished(String editor, Instant at) {
        return new RevisionNote(1, FIRST_PUBLISHED, Significance.MAJOR, editor, at, null);
    }

    /** A major correction after first publication; readers see these in the public corrections log. */
    public boolean isCorrection() {
        return significance == Significance.MAJOR && revision > 1;
    }
}
