using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>
/// Node.js apps, with Aspire's signatures: run locally with this machine's <c>node</c> and <c>npm</c> (validated before
/// anything starts), given the OTLP variables so OpenTelemetry JS exports to the dashboard.
/// </summary>
public static class NodeAppHostingExtension
{
    /// <summary>
    /// <c>node scriptPath args</c> in <paramref name="workingDirectory"/> (relative to the AppHost's folder), where the
    /// script's path starts, as in Aspire; without one, the script's path starts at the AppHost's folder and the app runs
    /// in the script's folder.
    /// </summary>
    public static IResourceBuilder<NodeAppResource> AddNodeApp(
        this IDistributedApplicationBuilder builder, string name, string scriptPath, string? workingDirectory = null, string[]? args = null)
    {
        var directory = Path.GetFullPath(workingDirectory ?? Path.GetDirectoryName(scriptPath) ?? ".", builder.AppHostDirectory);
        var script = Path.GetFullPath(workingDirectory is null ? scriptPath : Path.Combine(directory, scriptPath), builder.AppHostDirectory);
        // Relative to where node runs, so the published manifest holds no path of this machine.
        string[] nodeArgs = [Path.GetRelativePath(directory, script), .. args ?? []];
        return builder.AddResource(new NodeAppResource(name, "node", directory))
            .WithNodeDefaults()
            .WithArgs(nodeArgs);
    }

    /// <summary><c>npm run scriptName -- args</c> in <paramref name="workingDirectory"/>, the folder of package.json.</summary>
    public static IResourceBuilder<NodeAppResource> AddNpmApp(
        this IDistributedApplicationBuilder builder, string name, string workingDirectory, string scriptName = "start", string[]? args = null)
    {
        var directory = Path.GetFullPath(workingDirectory, builder.AppHostDirectory);
        string[] npmArgs = args is { Length: > 0 } ? ["run", scriptName, "--", .. args] : ["run", scriptName];
        return builder.AddResource(new NodeAppResource(name, "npm", directory))
            .WithNodeDefaults()
            .WithAnnotation(new RequiredBinaryAnnotation("npm", "install npm (apt-get install npm)"))
            .WithArgs(npmArgs)
            .WithArgs(NpmScriptShell.AddForLocalRun);
    }

    /// <summary>Aspire 13's name for a package-script app: <c>npm run runScriptName</c> in <paramref name="appDirectory"/>.</summary>
    public static IResourceBuilder<NodeAppResource> AddJavaScriptApp(
        this IDistributedApplicationBuilder builder, string name, string appDirectory, string runScriptName = "dev") =>
        builder.AddNpmApp(name, appDirectory, runScriptName);

    /// <summary>
    /// Installs the app's packages before it starts locally when <c>node_modules</c> is missing: <c>npm ci</c> (from
    /// package-lock.json) when <paramref name="useCI"/>, else <c>npm install</c>. A published image installs in its own build.
    /// </summary>
    public static IResourceBuilder<NodeAppResource> WithNpmPackageInstallation(this IResourceBuilder<NodeAppResource> builder, bool useCI = false)
    {
        var directory = builder.Resource.WorkingDirectory;
        return builder
            .WithAnnotation(new RequiredBinaryAnnotation("npm", "install npm (apt-get install npm)"))
            .WithAnnotation(new LocalSetupAnnotation(
                "npm", useCI ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"], directory,
                SkipWhenExists: Path.Combine(directory, "node_modules")));
    }

    private static IResourceBuilder<NodeAppResource> WithNodeDefaults(this IResourceBuilder<NodeAppResource> builder) => builder
        .WithAnnotation(new RequiredBinaryAnnotation("node", "install Node.js (apt-get install nodejs)"))
        .WithOtlpExporter();
}
