package dev.amldebug.azure.config;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Azure ML workspace a command means, found as `az ml` finds it, each part (subscription, resource group,
 * workspace name) on its own, the first source that has it winning: the flags; the folder's {@code .azureml/config.json}
 * or {@code config.json} (or its nearest parent's); the SDK's variables (AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP,
 * AZUREML_WORKSPACE_NAME or AZURE_ML_WORKSPACE_NAME); the Azure CLI's defaults ({@link AzCliDefaults}); last the
 * editor's default workspace. A source is read only while a part is still missing.
 */
public final class WorkspaceResolution {
    public static final String EDITOR_DEFAULT = "the editor's default workspace";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    /** A part of a workspace's name, and how a person sets it. */
    private enum Part {
        SUBSCRIPTION("subscription", "--subscription", "AZURE_SUBSCRIPTION_ID", "`az account set --subscription ID`"),
        GROUP("resource group", "-g/--resource-group", "AZURE_RESOURCE_GROUP", "`az configure --defaults group=NAME`"),
        NAME("workspace name", "-w/--workspace-name", "AZUREML_WORKSPACE_NAME", "`az configure --defaults workspace=NAME`");

        final String noun;
        final String flag;
        final String variable;
        final String azCommand;

        Part(String noun, String flag, String variable, String azCommand) {
            this.noun = noun;
            this.flag = flag;
            this.variable = variable;
            this.azCommand = azCommand;
        }
    }

    private record Found(String value, String source) {
    }

    private final Map<String, String> environment;
    private final AzCliDefaults az;

    public WorkspaceResolution(Map<String, String> environment) {
        this(environment, AzCliDefaults.of(environment));
    }

    WorkspaceResolution(Map<String, String> environment, AzCliDefaults az) {
        this.environment = environment;
        this.az = az;
    }

    /** The workspace meant, or a one-sentence error naming the part that is missing and the ways to set it. */
    public ResolvedWorkspace resolve(WorkspaceFlags flags, Path folder, Optional<WorkspaceId> editorDefault) {
        Map<Part, Found> found = parts(flags, folder, editorDefault);
        if (found.size() < Part.values().length) {
            throw missing(found, folder);
        }
        return resolved(found);
    }

    /** The workspace meant, or empty when some part of it is set nowhere. */
    public Optional<ResolvedWorkspace> find(WorkspaceFlags flags, Path folder, Optional<WorkspaceId> editorDefault) {
        Map<Part, Found> found = parts(flags, folder, editorDefault);
        return found.size() < Part.values().length ? Optional.empty() : Optional.of(resolved(found));
    }

    private Map<Part, Found> parts(WorkspaceFlags flags, Path folder, Optional<WorkspaceId> editorDefault) {
        Map<Part, Found> found = new EnumMap<>(Part.class);
        fromFlags(flags, found);
        if (found.size() < Part.values().length) {
            WorkspaceConfig.findFile(folder).ifPresent(config -> offerAll(found, config.id(), config.file().toString()));
        }
        if (found.size() < Part.values().length) {
            offer(found, Part.SUBSCRIPTION, environment.get("AZURE_SUBSCRIPTION_ID"), "AZURE_SUBSCRIPTION_ID");
            offer(found, Part.GROUP, environment.get("AZURE_RESOURCE_GROUP"), "AZURE_RESOURCE_GROUP");
            offer(found, Part.NAME, environment.get("AZUREML_WORKSPACE_NAME"), "AZUREML_WORKSPACE_NAME");
            offer(found, Part.NAME, environment.get("AZURE_ML_WORKSPACE_NAME"), "AZURE_ML_WORKSPACE_NAME");
        }
        if (found.size() < Part.values().length) {
            if (!found.containsKey(Part.SUBSCRIPTION)) {
                offer(found, Part.SUBSCRIPTION, az.subscriptionId().orElse(null), "az's default subscription");
            }
            if (!found.containsKey(Part.GROUP)) {
                offer(found, Part.GROUP, az.group().orElse(null), az.source("group"));
            }
            if (!found.containsKey(Part.NAME)) {
                offer(found, Part.NAME, az.workspace().orElse(null), az.source("workspace"));
            }
        }
        if (found.size() < Part.values().length) {
            editorDefault.ifPresent(id -> offerAll(found, id, EDITOR_DEFAULT));
        }
        return found;
    }

    private void fromFlags(WorkspaceFlags flags, Map<Part, Found> found) {
        boolean parts = present(flags.subscription()) || present(flags.resourceGroup()) || present(flags.workspaceName());
        if (present(flags.workspaceId())) {
            if (parts) {
                throw AmlDebugException.badInput("Give either --workspace-id or --workspace-name, --resource-group and"
                        + " --subscription, not both: the id already names all three.");
            }
            offerAll(found, WorkspaceId.parse(flags.workspaceId()), "--workspace-id");
            return;
        }
        if (present(flags.subscription())) {
            offer(found, Part.SUBSCRIPTION, subscriptionId(flags.subscription().trim()), "--subscription");
        }
        offer(found, Part.GROUP, flags.resourceGroup(), "--resource-group");
        offer(found, Part.NAME, flags.workspaceName(), "--workspace-name");
    }

    /** An id as given; a name only when az already knows it (its azureProfile.json): asking Azure is not worth it here. */
    private String subscriptionId(String given) {
        if (GUID.matcher(given).matches()) {
            return given;
        }
        return az.subscriptionIdNamed(given).orElseThrow(() -> AmlDebugException.badInput("--subscription takes a"
                + " subscription id, and '" + given + "' is neither an id nor the name of a subscription the Azure CLI"
                + " knows: give its id (`aml-debug azure workspaces` or `az account list` shows it)."));
    }

    private static void offerAll(Map<Part, Found> found, WorkspaceId id, String source) {
        offer(found, Part.SUBSCRIPTION, id.subscriptionId(), source);
        offer(found, Part.GROUP, id.resourceGroup(), source);
        offer(found, Part.NAME, id.workspaceName(), source);
    }

    private static void offer(Map<Part, Found> found, Part part, String value, String source) {
        if (present(value)) {
            found.putIfAbsent(part, new Found(value.trim(), source));
        }
    }

    private static ResolvedWorkspace resolved(Map<Part, Found> found) {
        WorkspaceId id = new WorkspaceId(found.get(Part.SUBSCRIPTION).value(), found.get(Part.GROUP).value(),
                found.get(Part.NAME).value());
        return new ResolvedWorkspace(id, found.get(Part.SUBSCRIPTION).source(), found.get(Part.GROUP).source(),
                found.get(Part.NAME).source());
    }

    private static AmlDebugException missing(Map<Part, Found> found, Path folder) {
        if (found.isEmpty()) {
            return AmlDebugException.badInput("No Azure ML workspace is set for " + folder + ": run `aml-debug azure use"
                    + " <workspace id>` (see `aml-debug azure workspaces`), pass --workspace-id or -w/--workspace-name,"
                    + " -g/--resource-group and --subscription, set AZUREML_WORKSPACE_NAME, AZURE_RESOURCE_GROUP and"
                    + " AZURE_SUBSCRIPTION_ID, or use `az configure --defaults group=NAME workspace=NAME`.");
        }
        List<String> nouns = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Part part : Part.values()) {
            if (!found.containsKey(part)) {
                nouns.add(part.noun);
                flags.add(part.flag);
                variables.add(part.variable);
                commands.add(part.azCommand);
            }
        }
        return AmlDebugException.badInput("The Azure ML workspace for " + folder + " has no " + String.join(" and no ", nouns)
                + ": pass " + String.join(" and ", flags) + ", run `aml-debug azure use <workspace id>` to write"
                + " .azureml/config.json, set " + String.join(" and ", variables) + ", or run "
                + String.join(" and ", commands) + ".");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
