package dev.amldebug.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/** The version, the commit and the day of the build, as the jar's manifest has them (server/pom.xml writes them). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {describe(ownManifest())};
    }

    static String describe(Attributes manifest) {
        String version = manifest == null ? null : manifest.getValue("Implementation-Version");
        if (version == null) {
            return "aml-debug development build";
        }
        String commit = manifest.getValue("Git-Commit");
        String built = manifest.getValue("Build-Date");
        return "aml-debug " + version + " (commit " + (commit == null || commit.isBlank() ? "unknown" : commit)
                + (built == null || built.isBlank() ? "" : ", built " + built) + ")";
    }

    /** The manifest of the jar this class is in (not the first on the class path), or null outside a jar. */
    private static Attributes ownManifest() {
        URL self = Version.class.getResource("Version.class");
        if (self == null || !self.getProtocol().equals("jar")) {
            return null;
        }
        String jar = self.toString().substring(0, self.toString().indexOf("!/") + 2);
        try (InputStream in = new URL(jar + "META-INF/MANIFEST.MF").openStream()) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            return null;
        }
    }
}
