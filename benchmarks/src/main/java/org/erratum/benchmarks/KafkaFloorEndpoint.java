package org.erratum.benchmarks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.erratum.feedback.vote.VoteRequest;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's floor for any intake that waits for Kafka: the baseline's binding and validation plus one
 * record sent with acks=all and idempotence, the request's (virtual) thread waiting for the acknowledgement, then a
 * 202. No screening, no reader key, no store, no tallies: whatever the real endpoints do on top costs more. Its ratio
 * to the baseline bounds what any design that answers on Kafka's acknowledgement can reach on this machine. Sends
 * to a topic nothing reads; lives here, never in the product.
 */
@RestController
class KafkaFloorEndpoint {

    private static final String TOPIC = "benchmark.floor";

    private final KafkaProducer<String, String> producer;

    KafkaFloorEndpoint(KafkaProperties kafka) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        // linger 0: measured here as the fastest setting for a sender that waits for each record
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    @PostMapping("/bench/floor/votes")
    ResponseEntity<BaselineEndpoints.Accepted> vote(@Valid @RequestBody VoteRequest vote)
            throws InterruptedException, ExecutionException {
        String id = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(TOPIC, vote.articleId(), id)).get();
        return ResponseEntity.accepted().body(new BaselineEndpoints.Accepted(id, "accepted"));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
