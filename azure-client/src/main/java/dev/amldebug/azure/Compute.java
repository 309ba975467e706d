package dev.amldebug.azure;

/** A compute target: AmlCompute (a cluster: node counts), ComputeInstance, Kubernetes, ... */
public record Compute(String name, String computeType, String state, Integer currentNodeCount, Integer maxNodeCount,
        String vmSize) {
}
