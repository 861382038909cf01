import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of gantry-cli ({@code java -cp asm.jar ClassFileUpgrade.java JAR PACKAGE OUT}):
 * rewrites the classes of one package of a library jar as Java 8 class files, with stack map
 * frames computed, into the folder OUT.
 *
 * <p>Why: picocli is compiled for Java 5 (class file version 49). The JVM's class-data archive
 * skips such classes ("Old class has been linked"), so every start parsed and verified its 170
 * classes again, and a JDK 25 AOT cache crashed while being written. Version 52 classes with
 * frames are archived like any other. Only the class file version and the frames change; the code
 * is the library's, unchanged. See docs/PERFORMANCE.md, "gantry run start-up".
 */
public final class ClassFileUpgrade {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ClassFileUpgrade JAR PACKAGE_PATH OUTPUT_DIR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String prefix = args[1].endsWith("/") ? args[1] : args[1] + "/";
        Path out = Path.of(args[2]);
        int count = 0;
        // Frames need the common super class of two types, so the library's classes must load.
        try (JarFile in = new JarFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()})) {
            for (JarEntry entry : in.stream().toList()) {
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)
                        || !entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] upgraded;
                try (InputStream bytes = in.getInputStream(entry)) {
                    upgraded = upgrade(bytes.readAllBytes(), loader);
                }
                Path target = out.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, upgraded);
                count++;
            }
        }
        if (count == 0) {
            System.err.println("ClassFileUpgrade: no class under " + prefix + " in " + jar);
            System.exit(1);
        }
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature,
                    String superName, String[] interfaces) {
                super.visit(Math.max(version, Opcodes.V1_8), access, name, signature, superName,
                        interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
