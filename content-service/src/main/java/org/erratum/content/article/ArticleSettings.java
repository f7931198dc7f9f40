package org.erratum.content.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.erratum.events.ArticleChanged.Owner;

/**
 * What editors decide about an article besides its text: who owns it, how often it is clinically reviewed, and what
 * it is about. On a revision a null part keeps what the article has, so a client that does not know about settings
 * (the JSON API before them) changes none; on creation it means no owner, the configured interval, no topics.
 *
 * @param topics tags: trimmed, lower case, each once, in the order given
 */
public record ArticleSettings(Owner owner, Integer reviewIntervalMonths, List<String> topics) {

    public static final ArticleSettings UNCHANGED = new ArticleSettings(null, null, null);

    public ArticleSettings {
        topics = topics == null ? null : normalised(topics);
    }

    /** These settings with the blanks filled from the article's own. */
    ArticleSettings over(Article article) {
        return new ArticleSettings(owner != null ? owner : article.owner(),
                reviewIntervalMonths != null ? reviewIntervalMonths : article.reviewIntervalMonths(),
                topics != null ? topics : article.topics());
    }

    private static List<String> normalised(List<String> topics) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String topic : topics) {
            if (topic != null && !topic.isBlank()) {
                tags.add(topic.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(tags);
    }
}
