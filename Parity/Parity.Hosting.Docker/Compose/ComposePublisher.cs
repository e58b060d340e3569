using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Docker;

/// <summary>
/// Writes <c>deploy/compose/</c> from the model: <c>docker-compose.yaml</c> with one service per resource, the files its
/// services mount, and <c>.env.example</c> naming every secret the file interpolates. Environments are the same
/// expressions the local run renders, for Compose; secret values are never written: Compose reads them from the
/// git-ignored <c>.env</c> beside the file.
/// </summary>
public static class ComposePublisher
{
    public const string RelativeDirectory = "deploy/compose";

    public const string ComposeFileName = "docker-compose.yaml";

    public const string EnvExampleFileName = ".env.example";

    /// <summary>The file Compose reads the secrets from; never written here, and git-ignored.</summary>
    public const string EnvFileName = ".env";

    /// <summary>Writes under <paramref name="outputDirectory"/>/deploy/compose and returns that directory.</summary>
    public static string Write(DistributedApplicationModel model, string outputDirectory, string appName)
    {
        var root = Path.Combine(outputDirectory, RelativeDirectory);
        var (compose, context) = Build(model, root, appName);

        ClearGenerated(root);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, ComposeFileName), Header + ComposeYaml.Serialize(compose));
        foreach (var (path, content) in context.MountedFiles)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
        File.WriteAllText(Path.Combine(root, EnvExampleFileName), EnvExample(appName, context.Renderer));
        return root;
    }

    /// <summary>Compose's context: telemetry goes to the published dashboard when the model has one, else nowhere.</summary>
    public static EnvironmentContext ComposeEnvironment(DistributedApplicationModel model) =>
        new(EnvironmentTarget.Compose, Otlp: model.Dashboard?.OtlpExporter);

    private const string Header =
        "# Published by the AppHost (publish, or publish --format compose): edit the AppHost, not this file.\n"
        + "# Secrets come from .env beside this file (copy .env.example); run with: docker compose up\n";

    private static (ComposeFile File, ComposeContext Context) Build(DistributedApplicationModel model, string root, string appName)
    {
        // A service per process, decided before any is built, so depends_on knows which targets are services.
        var services = model.Resources.Where(r => !r.IsExcludedFromManifest() && !r.IsValueOnly() && r is not IResourceWithParent).ToList();
        var environment = ComposeEnvironment(model);
        var context = new ComposeContext(model, services.ToHashSet(), root, appName);
        var file = new ComposeFile();
        foreach (var resource in services)
        {
            if (ComposeServices.For(resource, LaunchDescription.Of(resource, model, environment), context) is { } service)
            {
                file.Services[resource.Name] = service;
            }
        }
        file.Networks[appName] = new ComposeNetwork("bridge");
        foreach (var volume in context.NamedVolumes)
        {
            file.Volumes[volume] = new ComposeVolume("local");
        }
        return (file, context);
    }

    private static string EnvExample(string appName, ComposeExpressionRenderer renderer)
    {
        var lines = new List<string>
        {
            "# Compose reads .env from this folder: copy this file to .env (git-ignored) and set every value,",
            "# e.g. each secret with: openssl rand -hex 32",
            $"COMPOSE_PROJECT_NAME={appName}",
        };
        foreach (var (name, parameter, uriEscaped) in renderer.Variables)
        {
            if (uriEscaped)
            {
                lines.Add($"# {name}: the value of {ComposeExpressionRenderer.VariableName(parameter)}, URI-escaped "
                    + "(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=\"\"))' VALUE)");
            }
            lines.Add($"{name}=");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Removes what an earlier publish wrote, so renamed resources leave no stale files; keeps the secrets in .env.</summary>
    private static void ClearGenerated(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(root).Where(f => Path.GetFileName(f) != EnvFileName))
        {
            File.Delete(file);
        }
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
