package org.erratum.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.testsupport.TestClient;

/**
 * The console's queue as a reviewer reads all of it: page after page through its "Next page" link. For tests whose
 * item is somewhere in a queue other tests have filled, not necessarily among the most pressing.
 */
public final class QueuePages {

    private static final Pattern NEXT = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"");

    private QueuePages() {
    }

    /** Every page of the queue from this one on, one after another. */
    public static String all(TestClient reviewer, String firstPage) {
        StringBuilder pages = new StringBuilder();
        String page = firstPage;
        while (page != null) {
            TestClient.Response response = reviewer.getText(page);
            if (response.status() != 200) {
                throw new AssertionError("the queue page " + page + " answered " + response);
            }
            pages.append(response.body());
            page = next(response.body());
        }
        return pages.toString();
    }

    /** Where the page's "Next page" link leads, or null on the last page. */
    public static String next(String queuePage) {
        Matcher link = NEXT.matcher(queuePage);
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }
}
