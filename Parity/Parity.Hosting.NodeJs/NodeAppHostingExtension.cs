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
        return builder.AddResource(new NodeAppResource(name, "npm", directory))
            .WithNodeDefaults()
            .WithAnnotation(new RequiredBinaryAnnotation("npm", "install npm (apt-get install npm)"))
            .WithArgs(RunScriptArgs(scriptName, args))
            .WithArgs(NpmScriptShell.AddForLocalRun);
    }

    /// <summary>Aspire 13's name for a package-script app: <c>npm run runScriptName</c> in <paramref name="appDirectory"/>.</summary>
    public static IResourceBuilder<NodeAppResource> AddJavaScriptApp(
        this IDistributedApplicationBuilder builder, string name, string appDirectory, string runScriptName = "dev") =>
        builder.AddNpmApp(name, appDirectory, runScriptName);

    /// <summary>
    /// Installs the app's packages before it starts locally unless an install completed: <c>npm ci</c> (from
    /// package-lock.json) when <paramref name="useCI"/>, else <c>npm install</c>. A published image installs in its own build.
    /// </summary>
    public static IResourceBuilder<NodeAppResource> WithNpmPackageInstallation(this IResourceBuilder<NodeAppResource> builder, bool useCI = false) =>
        builder.WithNpm(installCommand: useCI ? "ci" : "install");

    /// <summary>
    /// Aspire 13's form: npm installs the app's packages (<c>npm installCommand installArgs</c>, <c>install</c> unless
    /// given) before it starts locally unless an install completed; nothing when <paramref name="install"/> is false.
    /// </summary>
    public static IResourceBuilder<TResource> WithNpm<TResource>(
        this IResourceBuilder<TResource> builder, bool install = true, string? installCommand = null, string[]? installArgs = null)
        where TResource : NodeAppResource
    {
        if (!install)
        {
            return builder;
        }
        var directory = builder.Resource.WorkingDirectory;
        string[] npmArgs = [installCommand ?? "install", .. installArgs ?? ["--no-audit", "--no-fund"]];
        return builder
            .WithAnnotation(new RequiredBinaryAnnotation("npm", "install npm (apt-get install npm)"))
            // npm writes node_modules/.package-lock.json last: an install cut short (its AppHost killed) is done again.
            .WithAnnotation(new LocalSetupAnnotation("npm", npmArgs, directory, SkipWhenExists: CompletedInstallMarker(directory)));
    }

    /// <summary>Aspire 13's form: the package script an app added with AddJavaScriptApp or AddNpmApp runs (<c>npm run scriptName -- args</c>).</summary>
    public static IResourceBuilder<TResource> WithRunScript<TResource>(this IResourceBuilder<TResource> builder, string scriptName, string[]? args = null)
        where TResource : NodeAppResource
    {
        var annotations = builder.Resource.Annotations;
        // The first arguments are the ones AddNpmApp gave; those added later (WithArgs) stay after them.
        if (builder.Resource.Command != "npm" || annotations.OfType<CommandLineArgsAnnotation>().FirstOrDefault() is not { } runScript)
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}' runs a script with node; WithRunScript applies to an app added with AddJavaScriptApp or AddNpmApp.");
        }
        annotations[annotations.IndexOf(runScript)] = new CommandLineArgsAnnotation([.. RunScriptArgs(scriptName, args).Select(ReferenceExpression.Literal)]);
        return builder;
    }

    private static string[] RunScriptArgs(string scriptName, string[]? args) =>
        args is { Length: > 0 } ? ["run", scriptName, "--", .. args] : ["run", scriptName];

    private static IResourceBuilder<NodeAppResource> WithNodeDefaults(this IResourceBuilder<NodeAppResource> builder) => builder
        .WithAnnotation(new RequiredBinaryAnnotation("node", "install Node.js (apt-get install nodejs)"))
        .WithOtlpExporter();

    private static string CompletedInstallMarker(string directory) => Path.Combine(directory, "node_modules", ".package-lock.json");
}
