package org.erratum.feedback.readout;

import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for the editorial pages, for web slices of other controllers: the editorial advice, which every
 * {@code @WebMvcTest} slice of this service includes, needs the pages, and they need the whole readout behind them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EditorialPagesDouble {

    @Bean
    EditorialPages editorialPages() {
        return Mockito.mock(EditorialPages.class);
    }
}
