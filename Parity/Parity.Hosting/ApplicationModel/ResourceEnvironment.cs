namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The one place that builds a resource's environment from its annotations, for a target. The orchestrator, the
/// publishers and the parity check all call it; none assembles environment variables on its own.
/// </summary>
public static class ResourceEnvironment
{
    /// <summary>The environment for a target; the resource's callbacks run here, with the target in their context.</summary>
    public static async Task<IReadOnlyDictionary<string, ReferenceExpression>> BuildAsync(
        IResource resource, EnvironmentContext context, CancellationToken cancellationToken = default)
    {
        var env = new Dictionary<string, ReferenceExpression>(StringComparer.Ordinal);
        if (resource is ProjectResource project)
        {
            AddProjectDefaults(project, context, env);
        }
        if (resource is ProjectResource || resource.AnnotationsOf<OtlpExporterAnnotation>().Any())
        {
            AddOtlpExporter(resource, context, env);
        }
        foreach (var endpoint in resource.Endpoints().Where(e => e.EnvironmentVariable is not null))
        {
            env[endpoint.EnvironmentVariable!] = ReferenceExpression.Of(Endpoint(resource, endpoint).TargetPort);
        }
        foreach (var reference in resource.AnnotationsOf<ResourceReferenceAnnotation>())
        {
            AddReference(reference, env);
        }
        // Variables and callbacks in the order the AppHost declared them: a later one wins, a callback sees the earlier ones.
        foreach (var annotation in resource.Annotations)
        {
            switch (annotation)
            {
                case EnvironmentAnnotation variable:
                    env[variable.Name] = variable.Value;
                    break;
                case EnvironmentCallbackAnnotation callback:
                    await RunCallbackAsync(resource, callback, context, env, cancellationToken);
                    break;
            }
        }
        return env;
    }

    /// <summary>For callers without an async context; see <see cref="LaunchDescription.Of"/>.</summary>
    public static IReadOnlyDictionary<string, ReferenceExpression> Build(IResource resource, EnvironmentContext context) =>
        LaunchDescription.Wait(() => BuildAsync(resource, context));

    private static async Task RunCallbackAsync(
        IResource resource, EnvironmentCallbackAnnotation callback, EnvironmentContext context,
        Dictionary<string, ReferenceExpression> env, CancellationToken cancellationToken)
    {
        var variables = env.ToDictionary(e => e.Key, e => (object)e.Value, StringComparer.Ordinal);
        await callback.Callback(new EnvironmentCallbackContext(ExpressionValues.ExecutionContextFor(context.Target), variables, cancellationToken)
        {
            Resource = resource,
            Target = context.Target,
        });
        env.Clear();
        foreach (var (name, value) in variables)
        {
            env[name] = ExpressionValues.From(value, () => $"environment variable '{name}' of '{resource.Name}'");
        }
    }

    private static void AddProjectDefaults(ProjectResource project, EnvironmentContext context, Dictionary<string, ReferenceExpression> env)
    {
        var httpEndpoints = project.Endpoints().Where(e => e.IsHttp).ToList();
        if (context.Target == EnvironmentTarget.Local)
        {
            env["ASPNETCORE_ENVIRONMENT"] = ReferenceExpression.Literal("Development");
            env["DOTNET_ENVIRONMENT"] = ReferenceExpression.Literal("Development");
            if (project.TryGetLastAnnotation<LaunchProfileAnnotation>(out var profile))
            {
                foreach (var (name, value) in profile.EnvironmentVariables)
                {
                    env[name] = ReferenceExpression.Literal(value);
                }
            }
            if (httpEndpoints.Count > 0)
            {
                env["ASPNETCORE_URLS"] = Join(httpEndpoints.Select(e =>
                    ReferenceExpression.Create($"{e.UriScheme}://localhost:{Endpoint(project, e).TargetPort}")));
            }
        }
        else
        {
            // In a container the process listens on all interfaces at its target ports.
            AddPorts(env, "HTTP_PORTS", project, httpEndpoints.Where(e => e.UriScheme == "http"));
            AddPorts(env, "HTTPS_PORTS", project, httpEndpoints.Where(e => e.UriScheme == "https"));
        }
    }

    private static void AddOtlpExporter(IResource resource, EnvironmentContext context, Dictionary<string, ReferenceExpression> env)
    {
        if (resource is ProjectResource)
        {
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = ReferenceExpression.Literal("true");
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = ReferenceExpression.Literal("true");
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = ReferenceExpression.Literal("in_memory");
        }
        env["OTEL_SERVICE_NAME"] = ReferenceExpression.Literal(resource.Name);
        if (context.InstanceId is not null)
        {
            env["OTEL_RESOURCE_ATTRIBUTES"] = ReferenceExpression.Literal($"service.instance.id={context.InstanceId}");
        }
        if (context.Otlp is { } otlp)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = ReferenceExpression.Literal(otlp.Protocol);
            if (otlp.Headers is not null)
            {
                env["OTEL_EXPORTER_OTLP_HEADERS"] = otlp.Headers;
            }
            if (context.Target == EnvironmentTarget.Local)
            {
                // Short export intervals so the dashboard shows telemetry within a second, as Aspire does in development.
                env["OTEL_BLRP_SCHEDULE_DELAY"] = ReferenceExpression.Literal("1000");
                env["OTEL_BSP_SCHEDULE_DELAY"] = ReferenceExpression.Literal("1000");
                env["OTEL_METRIC_EXPORT_INTERVAL"] = ReferenceExpression.Literal("1000");
            }
        }
    }

    private static void AddReference(ResourceReferenceAnnotation reference, Dictionary<string, ReferenceExpression> env)
    {
        switch (reference)
        {
            case ConnectionStringReferenceAnnotation connection:
                env[$"ConnectionStrings__{connection.ConnectionName}"] =
                    ReferenceExpression.Of(new ConnectionStringReference(connection.Source));
                break;
            case ServiceDiscoveryReferenceAnnotation discovery:
                var endpoints = discovery.Source.Endpoints()
                    .Where(e => discovery.EndpointName is null || string.Equals(e.Name, discovery.EndpointName, StringComparison.OrdinalIgnoreCase));
                foreach (var endpoint in endpoints)
                {
                    env[$"services__{discovery.Source.Name}__{endpoint.Name}__0"] = ReferenceExpression.Of(Endpoint(discovery.Source, endpoint).Url);
                }
                break;
        }
    }

    private static void AddPorts(Dictionary<string, ReferenceExpression> env, string name, IResource resource, IEnumerable<EndpointAnnotation> endpoints)
    {
        var list = endpoints.ToList();
        if (list.Count > 0)
        {
            env[name] = Join(list.Select(e => ReferenceExpression.Of(Endpoint(resource, e).TargetPort)));
        }
    }

    private static EndpointReference Endpoint(IResource resource, EndpointAnnotation endpoint) =>
        new((IResourceWithEndpoints)resource, endpoint.Name);

    private static ReferenceExpression Join(IEnumerable<ReferenceExpression> parts)
    {
        var joined = ReferenceExpression.Empty;
        foreach (var part in parts)
        {
            joined = joined == ReferenceExpression.Empty ? part : ReferenceExpression.Create($"{joined};{part}");
        }
        return joined;
    }
}
