package org.erratum.feedback.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownArticleTests {

    private final KnownArticle article = new KnownArticle("a-1", "paracetamol", "Paracetamol for adults", 3, 7);

    @Test
    void feedbackMayConcernTheCurrentOrAnyEarlierRevision() {
        assertThat(article.hasRevision(1)).isTrue();
        assertThat(article.hasRevision(3)).isTrue();
    }

    @Test
    void revisionsOutsideOneToCurrentDoNotExist() {
        assertThat(article.hasRevision(0)).isFalse();
        assertThat(article.hasRevision(4)).isFalse();
        assertThat(article.hasRevision(-1)).isFalse();
    }
}
