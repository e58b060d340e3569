using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>
/// Writes aspire-manifest.json (Aspire's schema, so tools such as Aspir8 read it) from the model. Values are the
/// same expressions the local run renders, here in the manifest's syntax; no secret value is ever written.
/// </summary>
public static class ManifestPublisher
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(DistributedApplicationModel model, string manifestPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var resources = new JsonObject();
        foreach (var resource in model.Resources.Where(r => !r.IsExcludedFromManifest()))
        {
            resources[resource.Name] = Describe(resource, model, directory);
        }
        var manifest = new JsonObject { ["$schema"] = "https://json.schemastore.org/aspire-8.0.json", ["resources"] = resources };
        Directory.CreateDirectory(directory);
        File.WriteAllText(manifestPath, manifest.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Describe(IResource resource, DistributedApplicationModel model, string manifestDirectory) => resource switch
    {
        ConnectionStringParameterResource connection => Parameter(connection, new JsonObject { ["connectionString"] = "{" + connection.Name + ".value}" }),
        ParameterResource parameter => Parameter(parameter, []),
        ProjectResource project => Process(project, model, new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'),
        }),
        _ when resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var dockerfile) => Process(resource, model, new JsonObject
        {
            ["type"] = "dockerfile.v0",
            ["path"] = RelativePath(manifestDirectory, dockerfile.DockerfilePath),
            ["context"] = RelativePath(manifestDirectory, dockerfile.ContextPath),
        }),
        ExecutableResource executable => Process(executable, model, new JsonObject
        {
            ["type"] = "executable.v0",
            ["workingDirectory"] = Path.GetRelativePath(manifestDirectory, executable.WorkingDirectory).Replace('\\', '/'),
            ["command"] = executable.Command,
        }),
        ContainerResource container => Container(container, model, manifestDirectory),
        IResourceWithConnectionString value => new JsonObject { ["type"] = "value.v0", ["connectionString"] = Render(value.ConnectionStringExpression) },
        _ => throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no manifest form."),
    };

    private static JsonObject Parameter(ParameterResource parameter, JsonObject extra)
    {
        var input = new JsonObject { ["type"] = "string", ["secret"] = parameter.Secret };
        if (parameter.TryGetLastAnnotation<GeneratedValueAnnotation>(out var generated))
        {
            input["default"] = new JsonObject { ["generate"] = new JsonObject { ["minLength"] = generated.Length } };
        }
        else if (parameter.TryGetLastAnnotation<PublishedDefaultValueAnnotation>(out var published))
        {
            input["default"] = new JsonObject { ["value"] = published.Value }; // publishValueAsDefault: never a secret's
        }
        var description = new JsonObject
        {
            ["type"] = "parameter.v0",
            ["value"] = "{" + parameter.Name + ".inputs.value}",
            ["inputs"] = new JsonObject { ["value"] = input },
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            description[key] = value;
        }
        return description;
    }

    private static JsonObject Container(ContainerResource container, DistributedApplicationModel model, string manifestDirectory)
    {
        var image = container.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Resource '{container.Name}' has no container image for publishing.");
        var description = new JsonObject { ["type"] = "container.v0" };
        if (container is IResourceWithConnectionString withConnection)
        {
            description["connectionString"] = Render(withConnection.ConnectionStringExpression);
        }
        description["image"] = image.Reference;
        if (image.Entrypoint is not null)
        {
            description["entrypoint"] = image.Entrypoint;
        }
        Process(container, model, description);
        var mounts = container.AnnotationsOf<ContainerMountAnnotation>().ToList();
        // A bind mount's source is relative to the manifest, as Aspire writes it.
        var bindMounts = mounts.Where(m => m.Type == ContainerMountType.BindMount)
            .Select(m => Mount("source", Path.GetRelativePath(manifestDirectory, m.Source!).Replace('\\', '/'), m.Target, m.IsReadOnly))
            .ToList();
        if (bindMounts.Count > 0)
        {
            description["bindMounts"] = new JsonArray([.. bindMounts]);
        }
        // An anonymous volume has no name to publish: it lives and dies with its container.
        var volumes = container.AnnotationsOf<VolumeAnnotation>().Select(v => Mount("name", v.Name, v.ContainerPath, v.IsReadOnly))
            .Concat(mounts.Where(m => m.Type == ContainerMountType.Volume && m.Source is not null).Select(m => Mount("name", m.Source!, m.Target, m.IsReadOnly)))
            .ToList();
        if (volumes.Count > 0)
        {
            description["volumes"] = new JsonArray([.. volumes]);
        }
        return description;
    }

    private static JsonNode Mount(string sourceKey, string source, string target, bool isReadOnly) =>
        new JsonObject { [sourceKey] = source, ["target"] = target, ["readOnly"] = isReadOnly };

    /// <summary>What every process-like resource carries: arguments, environment and bindings.</summary>
    private static JsonObject Process(IResource resource, DistributedApplicationModel model, JsonObject description)
    {
        var launch = LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Manifest));
        if (launch.Args is { Count: > 0 } args)
        {
            description["args"] = new JsonArray([.. args.Select(a => (JsonNode)Render(a))]);
        }
        var env = launch.Environment;
        if (env.Count > 0)
        {
            description["env"] = new JsonObject(env.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Render(e.Value))));
        }
        if (resource.Endpoints() is { Count: > 0 } endpoints)
        {
            description["bindings"] = new JsonObject(endpoints.Select(e => KeyValuePair.Create(e.Name, (JsonNode?)Binding(resource, e))));
        }
        return description;
    }

    private static JsonObject Binding(IResource resource, EndpointAnnotation endpoint)
    {
        var binding = new JsonObject
        {
            ["scheme"] = endpoint.UriScheme,
            ["protocol"] = "tcp",
            ["transport"] = Http2ServiceAnnotation.AppliesTo(resource, endpoint) ? "http2" : endpoint.IsHttp ? "http" : "tcp",
        };
        if (endpoint.IsExternal)
        {
            binding["external"] = true;
        }
        // A project listens wherever HTTP_PORTS says; a container on its image's port.
        if (resource is not ProjectResource && PublishedPorts.TargetPortOf(resource, endpoint) is { } targetPort)
        {
            binding["targetPort"] = targetPort;
        }
        return binding;
    }

    private static string RelativePath(string manifestDirectory, string path) => Path.GetRelativePath(manifestDirectory, path).Replace('\\', '/');

    private static string Render(ReferenceExpression expression) => expression.Render(ManifestExpressionRenderer.Instance);
}
