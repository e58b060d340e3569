using System.CommandLine;
using System.Text.Json;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The AppHost's <c>destroy --ephemeral [NAME] [--context C] [--dry-run]</c> verb: deletes an ephemeral environment's
/// namespace (and so everything in it), and refuses any namespace not labelled <c>parity.dev/ephemeral=true</c>.
/// </summary>
public static class DestroyCommand
{
    public static AppHostVerb CreateVerb()
    {
        var name = EphemeralOptions.NameOption("The ephemeral environment to delete: the NAME deploy --ephemeral was given, or its namespace; the current git branch by default");
        name.Required = true;
        var kubeContext = EphemeralOptions.ContextOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the commands; run nothing" };
        return new AppHostVerb("destroy", "Deletes an ephemeral environment (its namespace) from the cluster; refuses any other namespace", context =>
        {
            return PreconditionFailedException.ExitCodeOf(() =>
            {
                var (check, delete) = Commands(EphemeralOptions.Namespace(context, name), context.ParseResult.GetValue(kubeContext));
                if (context.ParseResult.GetValue(dryRun))
                {
                    Console.WriteLine(check);
                    Console.WriteLine(delete);
                    return 0;
                }
                DeployCommand.CheckContext(context.ParseResult.GetValue(kubeContext));
                return Run(check, delete);
            });
        })
        {
            name,
            kubeContext,
            dryRun,
        };
    }

    /// <summary>
    /// Reading the namespace, to refuse clearly; then deleting it by name and label together, so that even a namespace
    /// relabelled in between is not deleted.
    /// </summary>
    public static (ExternalCommand Check, ExternalCommand Delete) Commands(string @namespace, string? context)
    {
        string[] scope = context is null ? [] : ["--context", context];
        return (
            new ExternalCommand("kubectl", [.. scope, "get", "namespace", @namespace, "-o", "json"]),
            new ExternalCommand("kubectl", [.. scope, "delete", "namespace", "-l", EphemeralLabels.Selector, "--field-selector", $"metadata.name={@namespace}"]));
    }

    /// <summary>Why the namespace <c>kubectl get namespace -o json</c> printed must not be destroyed, or null when it may.</summary>
    public static string? RefusalReason(string namespaceJson)
    {
        using var document = JsonDocument.Parse(namespaceJson);
        var metadata = document.RootElement.GetProperty("metadata");
        var name = metadata.GetProperty("name").GetString();
        var labelled = metadata.TryGetProperty("labels", out var labels)
            && labels.TryGetProperty(EphemeralLabels.Ephemeral, out var value) && value.GetString() == "true";
        return labelled
            ? null
            : $"Namespace {name} is not an ephemeral environment (it has no label {EphemeralLabels.Selector}): destroy deletes only what deploy --ephemeral made.";
    }

    private static int Run(ExternalCommand check, ExternalCommand delete)
    {
        Console.WriteLine($"> {check}");
        var (exitCode, stdout, stderr) = check.RunCaptured();
        if (exitCode != 0)
        {
            Console.Error.WriteLine($"Cannot read the namespace (kubectl exited with code {exitCode}): {stderr.Trim()}");
            return 1;
        }
        if (RefusalReason(stdout) is { } refusal)
        {
            throw new PreconditionFailedException(refusal);
        }
        Console.WriteLine($"> {delete}");
        return delete.RunAttached() == 0 ? 0 : 1;
    }
}
