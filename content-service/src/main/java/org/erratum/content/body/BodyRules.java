package org.erratum.content.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** What an editor may save: the format, within the configured limits. */
@Component
public class BodyRules {

    private final BodyProperties limits;

    BodyRules(BodyProperties limits) {
        this.limits = limits;
    }

    /**
     * @param section the section (from 0) whose body it is about, or null for the article's bodies as a whole
     */
    public record Problem(Integer section, String message) {
    }

    /**
     * @param references how many references the article lists, for its citations
     * @return each body's first problem (saying how many more it has), in section order; empty when all is well
     */
    public List<Problem> check(List<String> bodies, int references) {
        List<Problem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i) == null ? "" : bodies.get(i);
            total += body.length();
            if (body.length() > limits.maxSectionLength()) {
                problems.add(new Problem(i, "is " + count(body.length()) + " characters long; a section holds at most "
                        + count(limits.maxSectionLength())));
                continue;
            }
            List<String> found = MarkdownReader.read(body, references, limits.maxListDepth()).problems();
            if (!found.isEmpty()) {
                problems.add(new Problem(i, found.get(0) + (found.size() == 1 ? ""
                        : " (and " + (found.size() - 1) + " more " + (found.size() == 2 ? "problem" : "problems")
                        + ")")));
            }
        }
        if (total > limits.maxArticleLength()) {
            problems.add(new Problem(null, "the sections hold " + count(total) + " characters together; an article"
                    + " holds at most " + count(limits.maxArticleLength())));
        }
        return List.copyOf(problems);
    }

    private static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }
}
