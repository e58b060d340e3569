using System.Text.RegularExpressions;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>Checks the model once, before anything starts; every error names the resource and the fix.</summary>
internal static partial class ModelValidator
{
    /// <param name="forRun">Also check what only a local run needs: binaries, parameter values, free fixed ports.</param>
    /// <param name="containerRuntime">Docker or podman, for containers without a native launcher (see <see cref="NeedsContainerRuntime"/>).</param>
    /// <param name="adoptedPorts">Ports held by persistent processes of earlier runs that this run adopts: in use, yet not by another program.</param>
    /// <param name="healthChecks">The names of the AppHost's registered health checks, which WithHealthCheck keys must name.</param>
    public static void Validate(
        DistributedApplicationModel model, bool forRun, bool randomizePorts = false, ContainerRuntimeChoice? containerRuntime = null,
        IReadOnlyCollection<int>? adoptedPorts = null, IReadOnlyCollection<string>? healthChecks = null)
    {
        var errors = new List<string>();
        CheckNames(model, errors);
        CheckReferences(model, errors);
        if (new DependencyGraph(model).FindWaitCycle() is { } cycle)
        {
            errors.Add($"Resources wait for each other in a cycle: {string.Join(" → ", cycle)}. Remove one of these WaitFor calls.");
        }
        CheckProjects(model, errors);
        CheckCallbacks(model, errors);
        CheckFixedPorts(model, forRun, randomizePorts, adoptedPorts ?? [], errors);
        errors.AddRange(model.Resources.SelectMany(r => r.AnnotationsOf<ValidationAnnotation>()).SelectMany(v => v.Errors(model)));
        CheckDevLoopAnnotations(model, forRun, errors);
        if (forRun)
        {
            CheckHealthCheckKeys(model, healthChecks ?? [], errors);
            CheckRunPrerequisites(model, errors);
            CheckContainerRuntime(model, containerRuntime, errors);
        }
        if (errors.Count > 0)
        {
            throw new DistributedApplicationValidationException(errors);
        }
    }

    private static void CheckNames(DistributedApplicationModel model, List<string> errors)
    {
        foreach (var resource in model.Resources.Where(r => !ValidName().IsMatch(r.Name)))
        {
            errors.Add($"Resource name '{resource.Name}' is invalid: use letters, digits and single hyphens, starting with a letter (at most 64 characters).");
        }
        foreach (var group in model.Resources.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Resource name '{group.Key}' is declared {group.Count()} times. Names are case-insensitive: give each resource its own name.");
        }
    }

    private static void CheckReferences(DistributedApplicationModel model, List<string> errors)
    {
        var declared = model.Resources.ToHashSet();
        foreach (var resource in model.Resources)
        {
            foreach (var dependency in DependencyGraph.DependenciesOf(resource).Where(d => !declared.Contains(d)))
            {
                errors.Add($"Resource '{resource.Name}' refers to '{dependency.Name}', which is not declared in this AppHost. Add it with builder.Add... first.");
            }
            var endpoints = DependencyGraph.ExpressionsOf(resource).SelectMany(e => e.ValueProviders)
                .Select(v => v switch { EndpointReference e => e, EndpointReferenceExpression e => e.Endpoint, _ => null })
                .OfType<EndpointReference>();
            foreach (var endpoint in endpoints.Where(e => !e.Exists))
            {
                errors.Add($"Resource '{resource.Name}' uses endpoint '{endpoint}', which does not exist. {endpoint.MissingEndpoint().Message}");
            }
            foreach (var check in resource.AnnotationsOf<HttpHealthCheckAnnotation>().Where(c => !new EndpointReference((IResourceWithEndpoints)resource, c.EndpointName).Exists))
            {
                errors.Add($"Resource '{resource.Name}' has a health check on endpoint '{check.EndpointName}', which it does not declare.");
            }
        }
    }

    private static void CheckHealthCheckKeys(DistributedApplicationModel model, IReadOnlyCollection<string> registered, List<string> errors)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var key in resource.AnnotationsOf<HealthCheckAnnotation>().Select(a => a.Key).Where(k => !registered.Contains(k)))
            {
                errors.Add($"Resource '{resource.Name}' has health check '{key}', which the AppHost does not register. " +
                    $"Register it with builder.Services.AddHealthChecks().AddCheck(\"{key}\", ...), or remove WithHealthCheck.");
            }
            if (resource.AnnotationsOf<HealthCheckAnnotation>().Any() && !Orchestrator.RunsProcess(resource))
            {
                errors.Add($"Resource '{resource.Name}' has a health check, but runs no process to be healthy: declare it on a project, executable or container.");
            }
        }
    }

    /// <summary>Environment and argument callbacks run once here, so a value no target can render fails before anything starts.</summary>
    private static void CheckCallbacks(DistributedApplicationModel model, List<string> errors)
    {
        var withCallbacks = model.Resources.Where(r => r.Annotations.Any(a => a is EnvironmentCallbackAnnotation or CommandLineArgsCallbackAnnotation));
        foreach (var resource in withCallbacks)
        {
            try
            {
                LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Manifest));
            }
            catch (DistributedApplicationException e)
            {
                errors.Add($"Resource '{resource.Name}': {e.Message}");
            }
        }
    }

    private static void CheckProjects(DistributedApplicationModel model, List<string> errors)
    {
        foreach (var project in model.Resources.OfType<ProjectResource>().Where(p => !File.Exists(p.Metadata.ProjectPath)))
        {
            errors.Add($"Project '{project.Name}': '{project.Metadata.ProjectPath}' does not exist. Fix the path given to AddProject.");
        }
    }

    private static void CheckFixedPorts(DistributedApplicationModel model, bool forRun, bool randomizePorts, IReadOnlyCollection<int> adoptedPorts, List<string> errors)
    {
        var fixedPorts = model.Resources
            .SelectMany(r => r.Endpoints().Select(e => (Resource: r, Endpoint: e, Port: EndpointAllocation.FixedPort(r, e, randomizePorts))))
            .Where(p => p.Port is not null)
            .Select(p => (p.Resource, p.Endpoint, Port: p.Port!.Value))
            .ToList();
        // Only a run binds them: published, each resource gets its own address (projects often share a launch profile's port).
        foreach (var clash in fixedPorts.GroupBy(p => p.Port).Where(g => forRun && g.Count() > 1))
        {
            var owners = string.Join(" and ", clash.Select(p => $"'{p.Resource.Name}' (endpoint '{p.Endpoint.Name}')"));
            errors.Add($"Port {clash.Key} is used by {owners}. Give each endpoint its own port, or none to get a free one.");
        }
        if (forRun)
        {
            foreach (var (resource, endpoint, port) in fixedPorts.DistinctBy(p => p.Port).Where(p => !adoptedPorts.Contains(p.Port) && !PortAllocator.IsFree(p.Port)))
            {
                errors.Add($"Port {port} of '{resource.Name}' (endpoint '{endpoint.Name}') is already in use by another program. Stop that program, or change the port.");
            }
        }
    }

    private static void CheckRunPrerequisites(DistributedApplicationModel model, List<string> errors)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var binary in resource.AnnotationsOf<RequiredBinaryAnnotation>().Where(b => ExecutableLocator.Find(b.Command) is null))
            {
                errors.Add($"Resource '{resource.Name}' needs '{binary.Command}', which was not found: {binary.InstallHint}.");
            }
        }
        var optionalOnly = model.Resources.OfType<ParameterResource>()
            .Where(p => model.Resources.SelectMany(r => r.AnnotationsOf<ConnectionStringReferenceAnnotation>()).Where(a => a.Source == p).ToList() is { Count: > 0 } refs
                && refs.All(a => a.Optional))
            .ToHashSet();
        foreach (var parameter in model.Resources.OfType<ParameterResource>().Where(p => !p.HasValue && !optionalOnly.Contains(p)))
        {
            errors.Add(parameter.MissingValueMessage);
        }
    }

    /// <summary>Containers that no integration runs natively need docker or podman; Postgres, Redis, RabbitMQ and MinIO do not.</summary>
    public static bool NeedsContainerRuntime(DistributedApplicationModel model) => ContainersNeedingRuntime(model).Any();

    private static IEnumerable<ContainerResource> ContainersNeedingRuntime(DistributedApplicationModel model) =>
        model.Resources.OfType<ContainerResource>().Where(c => !c.AnnotationsOf<INativeLauncher>().Any());

    private static void CheckContainerRuntime(DistributedApplicationModel model, ContainerRuntimeChoice? runtime, List<string> errors)
    {
        if (runtime?.Runtime is not null)
        {
            return;
        }
        var problem = runtime?.Problem ?? "no container runtime was looked for: install docker or podman";
        foreach (var container in ContainersNeedingRuntime(model))
        {
            var image = container.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()?.Reference ?? "no image";
            errors.Add($"Resource '{container.Name}' is a container ({image}) and needs docker or podman to run locally, but {problem}.");
        }
    }

    [GeneratedRegex("^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,63}(?<!-)$")]
    private static partial Regex ValidName();
}
