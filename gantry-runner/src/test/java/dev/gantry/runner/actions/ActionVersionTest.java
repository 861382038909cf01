package dev.gantry.runner.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ActionVersionTest {

    @Test
    void tagsNameTheirMajorAndAnythingElseIsTheLatest() {
        assertThat(ActionVersion.major("v4")).isEqualTo(4);
        assertThat(ActionVersion.major("v3.1.2")).isEqualTo(3);
        assertThat(ActionVersion.major("5")).isEqualTo(5);
        assertThat(ActionVersion.major("main")).isEqualTo(ActionVersion.LATEST);
        assertThat(ActionVersion.major("1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e")).isEqualTo(ActionVersion.LATEST);
        assertThat(ActionVersion.major("")).isEqualTo(ActionVersion.LATEST);
    }

    @Test
    void settingsComeFromPropertiesThenEnvironmentThenDefaults() {
        Properties props = new Properties();
        props.setProperty("user.home", "/home/u");
        ActionSettings defaults = ActionSettings.from(Map.of(), props);
        assertThat(defaults.githubUrl()).isEqualTo("https://github.com");
        assertThat(defaults.cacheDirectory()).hasToString("/home/u/.cache/gantry/cache");
        assertThat(defaults.cacheSizeLimit()).isEqualTo(10L << 30);

        ActionSettings fromEnv = ActionSettings.from(Map.of("GANTRY_GITHUB_URL", "file:///srv/git/",
                "XDG_CACHE_HOME", "/xdg", "GANTRY_CACHE_SIZE", "512M"), props);
        assertThat(fromEnv.githubUrl()).isEqualTo("file:///srv/git");
        assertThat(fromEnv.cacheDirectory()).hasToString("/xdg/gantry/cache");
        assertThat(fromEnv.cacheSizeLimit()).isEqualTo(512L << 20);

        props.setProperty("gantry.cache.dir", "/tests/cache");
        assertThat(ActionSettings.from(Map.of("GANTRY_CACHE_DIR", "/env/cache"), props).cacheDirectory())
                .hasToString("/tests/cache");
        assertThat(ActionSettings.parseSize("12x")).isEqualTo(-1);
    }
}
