package org.erratum.review.console;

import java.util.Arrays;
import java.util.List;

/** One choice of a select box. */
record Option(String value, String label, boolean selected) {

    static <E extends Enum<E>> List<Option> of(Class<E> type, E selected) {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> new Option(value.name(), Labels.of(value), value == selected))
                .toList();
    }
}
