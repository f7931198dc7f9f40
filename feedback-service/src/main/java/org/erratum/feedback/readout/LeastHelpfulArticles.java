package org.erratum.feedback.readout;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.vote.VoteTallies;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.springframework.stereotype.Component;

/**
 * The articles readers found least helpful, judged on each article's current revision only: a revision is a new
 * text, so votes on the text it replaced say nothing about it, and a corrected article starts afresh (as the review
 * service's low-helpfulness queueing does). Ordered by the same smoothed score the helpfulness tally shows, so an
 * article with two "no" votes does not outrank one that hundreds of readers found unhelpful. Read from the tallies
 * kept as votes arrive (spam never reaches them), one by key per article, so the cost follows the number of
 * articles, not of votes.
 */
@Component
class LeastHelpfulArticles {

    private static final Comparator<ArticleHelpfulness> LEAST_HELPFUL_FIRST = Comparator
            .comparingDouble(ArticleHelpfulness::score)
            .thenComparing(Comparator.comparingLong(ArticleHelpfulness::votes).reversed())
            .thenComparing(ArticleHelpfulness::articleId);

    private final ArticleProjection articles;
    private final VoteTallies tallies;
    private final SmoothedHelpfulness smoothing;

    LeastHelpfulArticles(ArticleProjection articles, VoteTallies tallies, SmoothedHelpfulness smoothing) {
        this.articles = articles;
        this.tallies = tallies;
        this.smoothing = smoothing;
    }

    /** @return at most {@code limit} articles whose current revision has at least one genuine vote */
    List<ArticleHelpfulness> list(int limit) {
        Map<String, KnownArticle> known = articles.all().stream()
                .collect(Collectors.toMap(KnownArticle::articleId, Function.identity()));
        Map<String, RevisionVotes> current = tallies.ofRevisions(known.values().stream()
                .collect(Collectors.toMap(KnownArticle::articleId, KnownArticle::revision)));
        return current.entrySet().stream()
                .filter(votes -> votes.getValue().yes() + votes.getValue().no() > 0)
                .map(votes -> helpfulness(known.get(votes.getKey()), votes.getValue()))
                .sorted(LEAST_HELPFUL_FIRST)
                .limit(limit)
                .toList();
    }

    private ArticleHelpfulness helpfulness(KnownArticle article, RevisionVotes votes) {
        return new ArticleHelpfulness(article.articleId(), article.title(), article.slug(), article.revision(),
                votes.yes(), votes.no(), SmoothedHelpfulness.ratio(votes.yes(), votes.no()),
                smoothing.score(votes.yes(), votes.no()));
    }
}
