package org.erratum.feedback.vote;

import java.util.List;

import org.erratum.platform.mongo.EmbeddedStoreIndexes;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.MongoSliceTest;
import org.erratum.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code {_id, field}} indexes that only the embedded store needs exist on it, and nowhere else: on MongoDB
 * (Testcontainers, where a Docker engine answers) the documents carry none.
 */
@MongoSliceTest
class EmbeddedStoreIndexesMongoTests {

    @Autowired
    private MongoTemplate mongo;

    @ParameterizedTest
    @CsvSource({ "votes, event, eventId", "reports, event, eventId", "tallied_votes, event, eventId",
        "helpfulness_revisions, version, version", "helpfulness_days, version, version" })
    void onlyTheEmbeddedStoreGetsItsIndexes(String collection, String name, String field) {
        List<IndexInfo> indexes = mongo.indexOps(collection).getIndexInfo();

        if (TestInfrastructure.endpoints().embeddedStore()) {
            assertThat(indexes).filteredOn(index -> index.getName().equals(name)).singleElement()
                    .satisfies(index -> assertThat(index.isUnique()).isTrue())
                    .satisfies(index -> assertThat(index.getIndexFields()).extracting(IndexField::getKey)
                            .containsExactly("_id", field));
        } else {
            assertThat(indexes).extracting(IndexInfo::getName).doesNotContain(name);
        }
    }

    /** test-support cannot see the platform, so it names the setting itself: the two must agree. */
    @Test
    void theTestInfrastructureSetsThePlatformsSetting() {
        assertThat(Endpoints.EMBEDDED_STORE_SETTING).isEqualTo(EmbeddedStoreIndexes.SETTING);
    }
}
