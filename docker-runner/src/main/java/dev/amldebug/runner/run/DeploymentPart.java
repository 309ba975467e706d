package dev.amldebug.runner.run;

import dev.amldebug.runner.deploy.ModelRef;

/** A deployment's part of its {@link RunRecord}: how it is doing, where it scores, its model. */
@RunRecordPart
public final class DeploymentPart {
    /** Starting, Healthy, Unhealthy, Failed or Stopped. */
    private DeploymentHealth health;
    /** Where requests go, http://127.0.0.1:PORT/score. */
    private String scoringUri;
    /** A restart is under way; whoever follows the deployment keeps following it. Always written (false elsewhere). */
    private boolean restartRequested;
    /** Without --debug: where port 5678 is published, for a score.py that calls debugpy.listen itself. */
    private String scriptDebugEndpoint;
    /** The model, mounted at AZUREML_MODEL_DIR. */
    private ModelRef model;

    public DeploymentHealth health() {
        return health;
    }

    public void setHealth(DeploymentHealth health) {
        this.health = health;
    }

    /** The container runs and init() has not returned: scoring at {@code scoringUri}, 5678 published or not. */
    public void starting(String scoringUri, String scriptDebugEndpoint) {
        this.health = DeploymentHealth.Starting;
        this.scoringUri = scoringUri;
        this.scriptDebugEndpoint = scriptDebugEndpoint;
    }

    public String scoringUri() {
        return scoringUri;
    }

    public String scriptDebugEndpoint() {
        return scriptDebugEndpoint;
    }

    public boolean restartRequested() {
        return restartRequested;
    }

    /** A restart is asked for: whoever follows the deployment keeps following it through the restart. */
    public void requestRestart() {
        this.restartRequested = true;
    }

    /** The restarted server runs again and init() has not returned yet. */
    public void restarted() {
        this.restartRequested = false;
        this.health = DeploymentHealth.Starting;
    }

    public ModelRef model() {
        return model;
    }

    public void setModel(ModelRef model) {
        this.model = model;
    }
}
