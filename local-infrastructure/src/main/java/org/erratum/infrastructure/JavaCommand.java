package org.erratum.infrastructure;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts another JVM on one of this program's main classes (or one of its libraries'), whether it
 * runs from plain classes (the tests) or from its Spring Boot executable jar (the launcher users run).
 */
public final class JavaCommand {

    private static final String BOOT_PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {
    }

    /** The java executable this JVM runs on. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static List<String> of(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (fromExecutableJar()) {
            // the classes are nested in the jar's BOOT-INF/: Boot's launcher in that jar loads them, and this main
            command.add("-Dloader.main=" + mainClass);
            command.add(BOOT_PROPERTIES_LAUNCHER);
        } else {
            command.add(mainClass);
        }
        command.addAll(arguments);
        return command;
    }

    /** Run from the executable jar, this class is not on the JVM's own class path but inside the jar on it. */
    private static boolean fromExecutableJar() {
        String self = JavaCommand.class.getName().replace('.', '/') + ".class";
        return ClassLoader.getSystemClassLoader().getResource(self) == null;
    }
}
