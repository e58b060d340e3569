namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The one place that builds a resource's environment from its annotations, for a target. The orchestrator, the
/// publishers and the parity check all call it; none assembles environment variables on its own.
/// </summary>
public static class ResourceEnvironment
{
    public static IReadOnlyDictionary<string, ReferenceExpression> Build(IResource resource, EnvironmentContext context)
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
        foreach (var variable in resource.AnnotationsOf<EnvironmentAnnotation>())
        {
            env[variable.Name] = variable.Value;
        }
        return env;
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

        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = ReferenceExpression.Literal("true");
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = ReferenceExpression.Literal("true");
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = ReferenceExpression.Literal("in_memory");
    }

    /// <summary>What every telemetry exporter reads, whatever its language: the OpenTelemetry SDKs' own variables.</summary>
    private static void AddOtlpExporter(IResource resource, EnvironmentContext context, Dictionary<string, ReferenceExpression> env)
    {
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
