package org.erratum.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.erratum.infrastructure.Binding;
import org.erratum.infrastructure.MongoWireStore;

/**
 * The growth benchmark's one store: the local run's {@link MongoWireStore} on its file, in a JVM of its own as the
 * launcher runs it, on a free loopback port. Prints {@code STORE READY <uri>}, then its heap once a second as
 * {@code HEAP <used bytes> <committed bytes>} (it has no actuator to ask), and runs until killed.
 *
 * <p>Argument: the store file.
 */
public final class GrowthStore {

    private GrowthStore() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoWireStore store = MongoWireStore.start(Path.of(args[0]), Binding.LOOPBACK, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-shutdown"));
        System.out.println("STORE READY " + store.uri());
        while (true) {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.println("HEAP " + heap.getUsed() + " " + heap.getCommitted());
            TimeUnit.SECONDS.sleep(1);
        }
    }
}
