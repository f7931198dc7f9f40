/**
 * The reviewer console: server-rendered pages over the review queue and clinical sign-off. Controllers only
 * translate between forms and the queue; the view models ({@link org.erratum.review.console.ConsoleViews} and the
 * records it builds) decide what a page shows. Reader text reaches a page only as text, never as markup.
 */
package org.erratum.review.console;
