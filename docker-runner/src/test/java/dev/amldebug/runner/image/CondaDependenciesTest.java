package dev.amldebug.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CondaDependenciesTest {
    @Test
    void translatesCondaPinsToPipAndKeepsPipSection() {
        CondaDependencies deps = CondaDependencies.parse("""
                channels: [conda-forge]
                dependencies:
                  - python=3.10
                  - pip
                  - conda-forge::numpy=1.26.4=py310h0
                  - pandas>=2.0
                  - scikit-learn
                  - pip:
                    - azureml-core==1.55
                """);
        assertThat(deps.requirements())
                .containsExactly("numpy==1.26.4", "pandas>=2.0", "scikit-learn", "azureml-core==1.55");
    }

    @Test
    void emptyFileAsksForNothing() {
        assertThat(CondaDependencies.parse("name: x\n").requirements()).isEmpty();
    }
}
